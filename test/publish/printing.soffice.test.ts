// How the scored sample prints in LibreOffice: 填报说明 within the page width, every page of a 考核表 with its
// header row and with its 类别 and 项目 written in their columns, 汇总 on A4 landscape at a readable size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/index.ts';
import { soffice } from '../reliability/lib/soffice.ts';
import { SAMPLE_UNITS, scoredSample } from './workbooks.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sample-print-'));
const scored = scoredSample();

interface Word { text: string; xMin: number; xMax: number; yMin: number }
interface Page { width: number; height: number; text: string; words: Word[] }
let printed: Page[] = [];

beforeAll(() => {
  writeFileSync(path.join(dir, 'scored.xlsx'), scored);
  soffice(['--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'scored.xlsx')], dir);
  const pdf = path.join(dir, 'scored.pdf');
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  printed = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)].map((m, i) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    text: layout[i],
    words: [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((w) => ({ text: w[4], xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]) })),
  }));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheets = () => openXlsx(scored).readSheets();
const flat = (s: string) => s.replace(/\s/g, '');

describe('the scored sample printed by LibreOffice', () => {
  it('prints 填报说明 on A4 portrait with every line whole: nothing runs off the right edge', () => {
    const lines = sheets().find((s) => s.name === '填报说明')!.grid.map((r) => String(r?.[0] ?? '')).filter((t) => t.trim() !== '');
    const pages = printed.filter((p) => p.text.includes('填报说明') || p.text.includes('四、数字怎么写') || p.text.includes('五、其他'));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(p.width).toBeLessThan(p.height);
    const text = flat(pages.map((p) => p.text).join(''));
    for (const line of lines) expect(text).toContain(flat(line));
  });

  it('repeats the header on every page of a 考核表 and writes its 类别 and 项目 in their columns there', () => {
    const categories = new Set(['职能指标', '重点工作', '保障指标', '绩效评价']);
    for (const unit of SAMPLE_UNITS) {
      const grid = sheets().find((s) => s.name === unit)!.grid;
      const items = new Set(grid.slice(2).map((r) => String(r?.[1] ?? '')).filter((t) => t !== ''));
      const title = flat(String(grid[0][0])).slice(0, 14);
      const pages = printed.filter((p) => flat(p.text).includes(title));
      expect(pages.length, unit).toBeGreaterThan(1);
      for (const [k, p] of pages.entries()) {
        const header = (name: string) => p.words.find((w) => w.text === name)!;
        const [category, item] = [header('类别'), header('项目')];
        expect(header('计分方式'), `${unit} page ${k + 1}`).toBeDefined();
        const inColumn = (h: Word, names: Set<string>) =>
          p.words.some((w) => w.yMin > h.yMin + 5 && w.xMax > h.xMin - 20 && w.xMin < h.xMax + 20 && names.has(w.text));
        expect(inColumn(category, categories), `${unit} page ${k + 1}: 类别`).toBe(true);
        expect(inColumn(item, items), `${unit} page ${k + 1}: 项目`).toBe(true);
      }
    }
  });

  it('prints 汇总 on one A4 landscape page with the unit names at 9 pt or more', () => {
    const page = printed.find((p) => p.text.includes('总分') && p.text.includes('排名') && p.text.includes('状态') && !p.text.includes('计分方式'))!;
    expect(page.width).toBeGreaterThan(page.height);
    const names = page.words.filter((w) => SAMPLE_UNITS.includes(w.text));
    expect(names.length).toBe(SAMPLE_UNITS.length - 1); // 广元经济技术开发区 wraps onto two lines
    const size = Math.min(...names.map((w) => (w.xMax - w.xMin) / [...w.text].length));
    console.log(`汇总 unit names printed at ${size.toFixed(1)} pt`);
    expect(size).toBeGreaterThanOrEqual(9);
    for (const h of ['单位', '总分', '排名', '状态']) expect(page.words.map((w) => w.text)).toContain(h);
  });
});
