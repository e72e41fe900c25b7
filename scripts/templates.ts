/**
 * npm run templates: writes workbook-templates/guangyuan-2014.xlsx and guangyuan-2014-sample.xlsx
 * from the seed text kept in workbook-templates/seed/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeedTemplates } from '../src/templates/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'workbook-templates');
const seed = join(outDir, 'seed', 'guangyuan-2014.txt');

if (!existsSync(seed)) {
  console.error(`找不到种子文件 / seed not found: ${seed}`);
  process.exit(1);
}

const { imported, files } = await buildSeedTemplates(readFileSync(seed, 'utf8'));
for (const w of imported.warnings) console.warn(`警告：${w}`);

for (const [name, bytes] of files) {
  const file = join(outDir, name);
  writeFileSync(file, bytes);
  console.log(`已写入 ${relative(root, file)}（${imported.units.length} 个单位，${bytes.length} 字节）`);
}
for (const u of imported.units) console.log(`  ${u.unit}：${u.rows.length} 行`);
