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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // XML 1.0 forbids these control characters; the xlsx host strips or escapes them on purpose.
    files: ['src/xlsx/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The engine's index is its only way in: hosts must not reach past it into the engine's modules.
    files: ['src/**/*.ts', 'addin/**/*.ts', 'web/**/*.ts', 'wps/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^|/)engine/(?!index(\\.ts)?$)[^/]+$',
          message: 'Import the engine through src/engine/index.ts only.',
        }],
      }],
    },
  },
  {
    // The page's CSP allows no eval of any kind.
    files: ['web/**/*.ts'],
    rules: { 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' },
  },
);
