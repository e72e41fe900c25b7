// LibreOffice headless, one call for many files, with a private profile so that parallel runs do not collide.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/** Fails (never skips) when LibreOffice is missing: these tests are part of CI. */
export function sofficeBinary(): string {
  for (const bin of ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
    if (spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0) return bin;
  }
  throw new Error('找不到 LibreOffice（soffice）。这些测试需要它：apt-get install libreoffice-calc-nogui / LibreOffice is required');
}

export function soffice(args: string[], workDir: string): string {
  const profile = `file://${path.resolve(workDir, '.lo-profile')}`;
  return execFileSync(sofficeBinary(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 240_000,
  });
}

/** CSV of every sheet (filter token 12 = -1, LibreOffice ≥ 7.2): <base>-<sheet>.csv in `outDir`; raw values, UTF-8. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export function sofficeVersion(): [number, number] {
  const v = execFileSync(sofficeBinary(), ['--version'], { encoding: 'utf8' });
  const m = /LibreOffice (\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`unrecognised soffice --version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

/** Minimal RFC 4180 parser for LibreOffice's CSV output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
