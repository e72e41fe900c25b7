// Issue 12, item 2: the templates carry the whole seed, read back from the real .xlsx files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySheet, scoreWorkbook, type ScoreResult } from '../../src/engine/index';
import type { Grid } from '../../src/engine/types';
import { readSeedForTemplates } from '../../src/templates/seedTemplates';
import { openXlsx } from '../../src/xlsx/index';

const path = (name: string) => fileURLToPath(new URL(`../../workbook-templates/${name}`, import.meta.url));
const seed = readFileSync(path('seed/guangyuan-2014.txt'), 'utf8');
const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];
const SHARED = '县（区）、开发区团委2014年度保障指标';

/**
 * The seed's clauses per table, read straight from the text and independently of the importer: every line of
 * 8 characters or more (shorter lines are 类别, 项目 and 分值 cells split over lines), without its item number,
 * cut at ，；。 into clauses; in the 保障指标 table every line but the header and the 分值.
 */
function seedClauses(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of seed.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/^\t/, '').trim();
    if (/^\S+\d{4}年度(目标绩效指标|保障指标)$/.test(line)) {
      current = [];
      tables.set(line, current);
      continue;
    }
    // The 保障指标 cells are short (深化改革, 综治工作): every line of two characters or more counts there.
    const shared = current !== null && [...tables.keys()].pop() === SHARED;
    if (!current || [...line].length < (shared ? 2 : 8) || /^[\d.]+$|^(类别|内容|分值)$/.test(line)) continue;
    const body = line.replace(/^\d{1,2}[.．、]/, '');
    for (const clause of body.split(/[，,；;。]/)) if (clause.trim() !== '') current.push(clause.trim());
  }
  return tables;
}

const grids = new Map<string, Grid>();
let template: ReturnType<typeof openXlsx>;
beforeAll(() => {
  template = openXlsx(new Uint8Array(readFileSync(path('guangyuan-2014.xlsx'))));
  for (const s of template.readSheets()) grids.set(s.name, s.grid);
});

/** 考核内容 (column D) of every row of a unit's sheet. */
const contents = (unit: string) => grids.get(unit)!.slice(2).map((r) => String(r[3] ?? ''));

describe('guangyuan-2014.xlsx against the seed, clause by clause', () => {
  it('has every clause of every unit table in that unit’s 考核内容, and the 保障指标 clauses in every unit', () => {
    const tables = seedClauses();
    expect(tables.size).toBe(9);
    const shared = tables.get(SHARED)!;
    expect(shared.length).toBeGreaterThan(10);
    let checked = 0;
    for (const [title, clauses] of tables) {
      if (title === SHARED) continue;
      const unit = UNITS.find((u) => title.includes(u.replace(/县$|区$/, '')))!;
      expect(unit, title).toBeDefined();
      const text = contents(unit).join('\n');
      // 见保障指标（实行扣分制） points to the shared table, whose rows stand in its place.
      const missing = [...clauses, ...shared].filter((c) => !text.includes(c) && c !== '见保障指标（实行扣分制）');
      expect(missing, unit).toEqual([]);
      checked += clauses.length;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps the clauses the measurable-only reading dropped, as 达标 rows', () => {
    for (const unit of UNITS) {
      for (const clause of ['建立“留守学生成长电子档案”', '做好网宣工作', '研究解决共青团组织在工作中遇到的具体困难和问题']) {
        const rows = grids.get(unit)!.filter((r) => String(r[3] ?? '').includes(clause));
        expect(rows.map((r) => [r[4], r[5]]), `${unit} ${clause}`).toEqual([['达标', '是']]);
      }
    }
  });

  it('writes 配备率不低于90% as a threshold (达标 90 %), not 比例', () => {
    for (const unit of UNITS) {
      const rows = grids.get(unit)!.filter((r) => String(r[3] ?? '').includes('配备率'));
      expect(rows.map((r) => [r[4], r[5], r[6]]), unit).toEqual([['达标', 90, '%']]);
    }
  });

  it('re-reads as the importer wrote it: every row’s 考核内容, 计分方式, 目标值 and 细项分值', () => {
    const imported = readSeedForTemplates(seed);
    for (const unit of imported.units) {
      const sheet = grids.get(unit.unit)!.slice(2).filter((r) => r[4] !== null);
      expect(sheet.map((r) => [r[3], r[4], r[7]]), unit.unit).toEqual(unit.rows.map((r) => [r.content, r.rule, r.weight]));
    }
  });
});

describe('proposed 细项分值', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path('guangyuan-2014.xlsx')) as unknown as ArrayBuffer);
  });

  const weightCells = (unit: string) => {
    const ws = book.getWorksheet(unit)!;
    const cells: { content: string; rule: string; fill: string | undefined; note: unknown }[] = [];
    for (let r = 3; r <= ws.rowCount; r++) {
      const c = ws.getCell(r, 8);
      cells.push({
        content: String(ws.getCell(r, 4).value),
        rule: String(ws.getCell(r, 5).value),
        fill: (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
        note: c.note,
      });
    }
    return cells;
  };

  it('are green with a note; weights the seed gives (保障指标’s 1, 最多扣5分, a 项目 of one row) are not', () => {
    for (const unit of UNITS) {
      const cells = weightCells(unit);
      const proposed = (text: string) => {
        const found = cells.find((c) => c.content.includes(text));
        expect(found, `${unit} ${text}`).toBeDefined();
        return found!;
      };
      expect(proposed('培训各类志愿者').fill, unit).toBe('FFE2EFDA');
      expect(String(JSON.stringify(proposed('培训各类志愿者').note))).toContain('拟定的细项分值');
      expect(proposed('酌情扣分').fill, unit).toBe('FFE2EFDA');
      for (const given of ['每发生一起扣0.5分', '安全生产', '团市委交办的其他工作', '服务对象代表评价分']) {
        expect([given, proposed(given).fill, proposed(given).note]).toEqual([given, undefined, undefined]);
      }
    }
  });

  it('are explained in 填报说明, as are the new columns and the example 等次标准', () => {
    const text = book.getWorksheet('填报说明')!.getColumn(1).values.filter(Boolean).join('\n');
    for (const words of ['拟定的细项分值', '没有给出这些细项分值', '自评分', '佐证材料', '考核意见', '等次标准（示例）', '删除“等次标准”表', '逐句列出']) {
      expect(text).toContain(words);
    }
  });
});

describe('the new columns and the example 等次标准, as the scorer reads them', () => {
  it('finds 自评分, 佐证材料 and 考核意见 on every 考核表', () => {
    for (const unit of UNITS) {
      const kind = classifySheet(grids.get(unit)!);
      expect(kind.kind, unit).toBe('assessment');
      if (kind.kind !== 'assessment') continue;
      expect(kind.header.columns).toMatchObject({ actual: 9, selfScore: 10, evidence: 11, remark: 12, score: 13, note: 14, subtotal: 15 });
    }
  });

  it('marks the 等次标准 as an example in its title', () => {
    const grid = grids.get('等次标准')!;
    expect(String(grid[0][0])).toMatch(/^等次标准（示例：/);
    expect(grid.slice(1, 6).map((r) => r.slice(0, 3))).toEqual([
      ['等次', '最低分', '比例上限'], ['优秀', 135, 0.3], ['良好', 120, null], ['一般', 90, null], ['较差', 0, null],
    ]);
  });

  describe('the scored sample', () => {
    let sample: ReturnType<typeof openXlsx>;
    let scored: ScoreResult;
    beforeAll(() => {
      sample = openXlsx(new Uint8Array(readFileSync(path('guangyuan-2014-sample.xlsx'))));
      scored = scoreWorkbook({ sheets: sample.readSheets() });
    });

    it('grades by the example bands: 优秀 for the top 2 of 8 (30%), 待定 for the unit with an error', () => {
      expect(scored.grades).toEqual(['优秀', '良好', '一般', '较差']);
      const byRank = [...scored.units].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
      expect(byRank.map((u) => [u.unit, u.grade])).toEqual([
        ['苍溪县', '优秀'], ['青川县', '优秀'], ['旺苍县', '良好'], ['广元经济技术开发区', '良好'], ['剑阁县', '待定'],
        ['昭化区', '良好'], ['利州区', '良好'], ['朝天区', '良好'],
      ]);
    });

    it('has 自评总分 and 核减 for every unit, from the 自评分 on each 项目’s first row', () => {
      expect(scored.selfScores).toBe(true);
      expect(scored.units.map((u) => u.selfTotal)).toEqual([150, 150, 148, 150, 150, 150, 148, 150]);
      for (const u of scored.units) expect(Math.round((u.selfTotal! - u.total!) * 100) / 100).toBe(u.cut);
    });

    it('never writes 考核意见, and quotes it in the row’s 说明', () => {
      const grid = sample.readSheets().find((s) => s.name === '昭化区')!.grid;
      const row = grid.findIndex((r) => String(r[3] ?? '').includes('酌情扣分'));
      expect(grid[row][12]).toBe('涉罪率较前三年平均值上升，扣 1 分（示例）');
      expect(scored.writes.filter((w) => UNITS.includes(w.sheet) && w.col === 12)).toEqual([]);
      const note = scored.writes.find((w) => w.sheet === '昭化区' && w.row === row && w.col === 14);
      expect(String(note?.value)).toContain('涉罪率较前三年平均值上升');
    });
  });
});
