// The report as LibreOffice prints it: every sheet one A4 portrait page, 公示 in rank order at 10 pt or more
// for 8 and for 40 units, every column on the page (a column pushed off a page would make a page of its own).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { buildReport, type Report } from '../../src/publish/index.ts';
import { soffice } from '../reliability/lib/soffice.ts';
import { scoredLastYear, scoredManyUnits, scoredSample } from './workbooks.ts';

const DATE = new Date(2026, 11, 3);
const dir = mkdtempSync(path.join(tmpdir(), 'report-print-'));
const reports: Record<string, { report: Report; bytes: Uint8Array }> = {};

interface Page {
  width: number;
  height: number;
  text: string;
  /** Words with their box, from pdftotext -bbox. */
  words: { text: string; xMin: number; xMax: number }[];
}

function pages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)].map((m, i) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    text: layout[i],
    words: [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((w) => ({ text: w[3], xMin: Number(w[1]), xMax: Number(w[2]) })),
  }));
}

const pdfPages = (name: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, `${name}.pdf`)], { encoding: 'utf8' }))![1]);

/** Unit names of the 公示 rows in the order printed: a line that starts with a rank. */
const printedOrder = (text: string) => [...text.matchAll(/^\s*\d+\s+(\S+)/gm)].map((m) => m[1]);

beforeAll(async () => {
  const inputs = { eight: scoredSample(), forty: scoredManyUnits(40) };
  for (const [name, bytes] of Object.entries(inputs)) {
    const report = await buildReport(bytes, { date: DATE, lastYear: scoredLastYear() });
    reports[name] = { report, bytes };
    writeFileSync(path.join(dir, `${name}.xlsx`), report.bytes);
  }
  soffice(['--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'eight.xlsx'), path.join(dir, 'forty.xlsx')], dir);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['eight', 'forty'])('the %s-unit report printed by LibreOffice', (name) => {
  it('prints every sheet on one A4 portrait page: 公示 first, then one 反馈 per unit in sheet order', () => {
    const { report } = reports[name];
    const printed = pages(path.join(dir, `${name}.pdf`));
    expect(pdfPages(name)).toBe(report.plans.length);
    expect(printed.length).toBe(report.plans.length);
    for (const p of printed) {
      expect(p.width).toBeCloseTo(595.3, 0);
      expect(p.height).toBeCloseTo(841.9, 0);
    }
    report.feedback.forEach((f, i) => {
      const page = printed[i + 1].text;
      expect(page).toContain(`单位：${f.unit}`);
      // The last column of both tables is on the page.
      expect(page).toContain('核减');
      if (f.lost.length > 0) expect(page).toContain('考核意见');
    });
  });

  it('prints 公示 in rank order with every column, the 满分 row and the foot, at 10 pt or more', () => {
    const { report, bytes } = reports[name];
    const page = pages(path.join(dir, `${name}.pdf`))[0];
    const units = scoreXlsx(bytes).result.units;
    const expected = [...units].sort((a, b) => a.rank! - b.rank! || units.indexOf(a) - units.indexOf(b)).map((u) => u.unit);
    expect(printedOrder(page.text)).toEqual(expected);
    for (const h of ['排名', '单位', '总分', '满分', '发布单位（盖章）', '制表日期']) expect(page.text).toContain(h);
    // Every header cell of the plan, each of its lines, is on the page: no column is cut off.
    const header = report.plans[0].rows.find((r) => r.cells[0]?.value === '排名')!;
    expect(header.cells.map((c) => String(c.value).replace('\n', '')).slice(-3)).toEqual(['上年总分', '上年排名', '名次变化']);
    const words = new Set(page.words.map((w) => w.text));
    for (const cell of header.cells) for (const part of String(cell.value).split('\n')) expect(words).toContain(part);
    // A CJK glyph is one em wide: the width of a unit name over its characters is the printed font size.
    const sizes = page.words.filter((w) => expected.includes(w.text) && /^[\u4e00-\u9fff]+$/.test(w.text))
      .map((w) => (w.xMax - w.xMin) / [...w.text].length);
    expect(sizes.length).toBeGreaterThanOrEqual(8); // the names without a digit
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    console.log(`公示 of ${expected.length} units: scale ${report.plans[0].scale}%, unit names printed at ${Math.min(...sizes).toFixed(1)} pt`);
    expect(report.plans[0].scale).toBeGreaterThanOrEqual(91);
  });
});
