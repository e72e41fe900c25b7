// Lints the add-in (addin/), the browser page (web/) and the shared UI (src/ui/): typescript-eslint's recommended rules plus the Office
// add-in rules of eslint-plugin-office-addins (load before read, sync after load, no sync in loops, …).
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

// The plugin's own "recommended" preset also pins its copy of the TypeScript parser and prettier; take only its
// Office rules, at the levels it recommends, so they run with this project's typescript-eslint.
const officeRecommended = officeAddins.configs.recommended.find((c) => c.plugins?.['office-addins']);
const officeRules = Object.fromEntries(
  Object.entries(officeRecommended.rules).filter(([rule]) => rule.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['addin/**/*.ts', 'src/ui/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRules,
      'no-eval': 'error',
    },
  },
  {
    // The page's CSP allows no eval of any kind.
    files: ['web/**/*.ts'],
    rules: { 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' },
  },
);
