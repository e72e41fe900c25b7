// Child process for the hostile-file tests: scores one file and reports the outcome, its time and the
// process's peak resident memory (getrusage maxrss) as one JSON line.
import { readFileSync } from 'node:fs';
import { scoreXlsx, XlsxRefusal } from '../../../src/file/scoreXlsx.ts';

const t0 = performance.now();
let report: Record<string, unknown>;
try {
  const { result, output } = scoreXlsx(new Uint8Array(readFileSync(process.argv[2])));
  report = {
    outcome: output ? 'scored' : 'no-units',
    units: result.units.length,
    outputBytes: output?.length ?? 0,
    errors: result.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell}: ${i.message}`),
  };
} catch (e) {
  report = e instanceof XlsxRefusal ? { outcome: 'refused', code: e.code, message: e.message } : { outcome: 'crash', message: String((e as Error)?.stack ?? e) };
}
report.ms = Math.round(performance.now() - t0);
report.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify(report));
