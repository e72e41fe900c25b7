// Writes the fidelity corpus (see test/fixtures/corpus/build.ts) into a folder to look at: npm run corpus [-- <dir>]
import { mkdirSync } from 'node:fs';
import { buildCorpus } from '../test/fixtures/corpus/build.ts';

const dir = process.argv[2] ?? 'out/corpus';
mkdirSync(dir, { recursive: true });
for (const f of await buildCorpus(dir)) console.log(`${dir}/${f.file}  (${f.madeBy}): ${f.contains.join('; ')}`);
