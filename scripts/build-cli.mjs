// Bundles the CLI into one ESM file so that `target-scorer` starts fast and needs no TypeScript at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli/target-scorer.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // commander is CommonJS: give the ESM bundle a real require for its node: imports.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
