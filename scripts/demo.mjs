// npm run demo: scores the bundled sample workbook into out/ and prints the ranking.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const input = 'workbook-templates/guangyuan-2014-sample.xlsx';
const output = 'out/guangyuan-2014-sample.scored.xlsx';
mkdirSync('out', { recursive: true });
const run = spawnSync(process.execPath, ['dist/cli/target-scorer.mjs', 'score', input, '-o', output, '--force'], { stdio: 'inherit' });
// The sample carries one deliberate data error, so exit code 1 (scored, with data errors) is the expected outcome.
if (run.status === 0 || run.status === 1) {
  console.log('\n示例数据中故意留有一处错误，用来演示错误提示。/ The sample holds one deliberate error to show how errors are reported.');
  process.exit(0);
}
process.exit(run.status ?? 2);
