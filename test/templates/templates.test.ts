import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChineseInteger } from '../../src/engine/numerals';
import { buildSeedTemplates } from '../../src/templates/seedTemplates';

const path = (name: string) => fileURLToPath(new URL(`../../workbook-templates/${name}`, import.meta.url));

const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];
const HEADER = [
  '类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成', '自评分', '佐证材料', '考核意见',
  '得分', '说明', '项目得分',
];

interface SheetRow {
  row: number;
  category: string;
  item: string;
  points: number;
  content: string;
  rule: string;
  target: unknown;
  measure: string;
  weight: number;
  rate: unknown;
  actual: ExcelJS.CellValue;
}

function rowsOf(ws: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const v = (c: number) => ws.getCell(r, c).value;
    if (v(5) === null || v(5) === undefined) continue;
    rows.push({
      row: r,
      category: String(v(1)),
      item: String(v(2)),
      points: Number(v(3)),
      content: String(v(4)),
      rule: String(v(5)),
      target: v(6),
      measure: String(v(7) ?? ''),
      weight: Number(v(8)),
      rate: v(9),
      actual: v(10),
    });
  }
  return rows;
}

async function open(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path(name)) as unknown as ArrayBuffer);
  return wb;
}

let template: ExcelJS.Workbook;
let sample: ExcelJS.Workbook;
const rows = new Map<string, SheetRow[]>();

beforeAll(async () => {
  template = await open('guangyuan-2014.xlsx');
  sample = await open('guangyuan-2014-sample.xlsx');
  for (const u of UNITS) rows.set(u, rowsOf(template.getWorksheet(u)!));
});

/** The one row of `unit` whose 考核内容 contains `text` (and whose 计量单位 is `measure`). */
function find(unit: string, text: string, measure?: string): SheetRow {
  const found = rows.get(unit)!.filter((r) => r.content.includes(text) && (measure === undefined || r.measure === measure));
  expect(found, `${unit} ${text}`).toHaveLength(1);
  return found[0];
}

describe('guangyuan-2014.xlsx', () => {
  it('has 填报说明 first, the units in seed order, then 案件台账, 汇总 and the example 等次标准', () => {
    expect(template.worksheets.map((ws) => ws.name)).toEqual(['填报说明', ...UNITS, '案件台账', '汇总', '等次标准']);
    expect(template.creator).toBe('target-scorer');
  });

  it('gives every 考核表 its title and the exact header row', () => {
    for (const u of UNITS) {
      const ws = template.getWorksheet(u)!;
      expect(ws.getRow(2).values).toEqual([undefined, ...HEADER]);
    }
    expect(template.getWorksheet('苍溪县')!.getCell('A1').value).toBe('共青团苍溪县委2014年度目标绩效指标考核表');
    expect(template.getWorksheet('广元经济技术开发区')!.getCell('A1').value).toBe(
      '广元经济技术开发区团委2014年度目标绩效指标考核表',
    );
  });

  it('writes the targets of 西部计划志愿者 as the seed gives them', () => {
    const expected = [19, 20, 14, 15, 15, 18, 10];
    UNITS.slice(0, 7).forEach((u, i) => {
      const r = find(u, '西部计划志愿者', '名');
      expect([r.rule, r.target, r.measure]).toEqual(['比例', expected[i], '名']);
    });
    expect(rows.get('广元经济技术开发区')!.some((r) => r.content.includes('西部计划'))).toBe(false);
  });

  it('writes the targets of 见习基地上岗青年, 就业创业培训 and 非公企业建团', () => {
    expect(UNITS.map((u) => find(u, '见习基地上岗青年').target)).toEqual([45, 45, 45, 45, 45, 38, 37, 100]);
    expect(UNITS.map((u) => find(u, '（青年就业创业培训：').target)).toEqual([650, 650, 650, 650, 600, 600, 600, 600]);
    expect(UNITS.map((u) => find(u, '（农村青年技能培训：').target)).toEqual([80, 80, 80, 80, 60, 60, 60, 60]);
    expect(UNITS.map((u) => find(u, '非公企业建团').target)).toEqual([12, 12, 12, 12, 16, 8, 8, 10]);
  });

  it('writes the targets of 培训辅导员 and 基层团干部', () => {
    expect(UNITS.map((u) => [find(u, '（培训辅导员：').target, find(u, '（基层团干部：').target])).toEqual([
      [50, 50], [40, 50], [70, 60], [30, 50], [30, 40], [30, 40], [30, 40], [2, 20],
    ]);
  });

  it('writes the targets of 重点工作', () => {
    expect(UNITS.map((u) => find(u, '星级留守学生之家').target)).toEqual([2, 1, 2, 2, 2, 2, 1, 1]);
    expect(UNITS.map((u) => find(u, '社区青少年之家').target)).toEqual([1, 1, 1, 1, 2, 1, 1, 1]);
    expect(UNITS.map((u) => find(u, '资助贫困学生').target)).toEqual([32, 32, 32, 32, 24, 24, 24, 24]);
  });

  it("writes 开发区's own targets", () => {
    const u = '广元经济技术开发区';
    expect(find(u, '网络宣传员').target).toBe(20);
    expect([find(u, '走访', '次').target, find(u, '走访', '天').target]).toEqual([10, 10]);
    expect([find(u, '为留守学生圆梦').target, find(u, '为留守学生圆梦').measure]).toEqual([100, '个']);
    expect([find(u, '文体设施').target, find(u, '文体设施').measure]).toEqual([5, '套']);
    expect([find(u, '配备率').rule, find(u, '配备率').target, find(u, '配备率').measure]).toEqual(['达标', 90, '%']);
  });

  it('writes 达标 rows with target 是', () => {
    for (const u of UNITS) {
      const r = find(u, '按期换届');
      expect([r.rule, r.target]).toEqual(['达标', '是']);
    }
  });

  it('writes the 维权 按件扣分 row with weight 5 and rate 0.5/1', () => {
    for (const u of UNITS) {
      const r = find(u, '每发生一起扣0.5分');
      expect([r.item, r.rule, r.weight, r.rate, r.target]).toEqual(['青少年维权工作', '按件扣分', 5, '0.5/1', null]);
    }
  });

  it('writes 保障指标 as 25 扣分 rows of weight 1 under 分值 15', () => {
    for (const u of UNITS) {
      const block = rows.get(u)!.filter((r) => r.item === '保障指标');
      expect(block).toHaveLength(25);
      expect(block.every((r) => r.rule === '扣分' && r.weight === 1 && r.points === 15 && r.category === '保障指标')).toBe(true);
    }
  });

  it("makes each 项目's positive weights add up exactly to its 分值", () => {
    for (const u of UNITS) {
      const byItem = new Map<string, SheetRow[]>();
      for (const r of rows.get(u)!) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
      expect(byItem.size).toBe(11);
      for (const [item, block] of byItem) {
        const positive = block.filter((r) => r.rule !== '扣分' && r.rule !== '按件扣分');
        if (positive.length === 0) continue;
        expect(positive.reduce((s, r) => s + Math.round(r.weight * 100), 0), `${u} ${item}`).toBe(block[0].points * 100);
        expect(positive.every((r) => r.weight > 0), `${u} ${item}`).toBe(true);
      }
    }
  });

  it('gives every unit 150 points: 70 + 50 + 15 + 15', () => {
    for (const u of UNITS) {
      const points = new Map(rows.get(u)!.map((r) => [r.item, r.points]));
      expect([...points.values()].reduce((s, p) => s + p, 0)).toBe(150);
      const byCategory = new Map<string, number>();
      for (const r of rows.get(u)!) byCategory.set(r.category, 0);
      for (const [item, p] of points) {
        const category = rows.get(u)!.find((r) => r.item === item)!.category;
        byCategory.set(category, byCategory.get(category)! + p);
      }
      expect([...byCategory]).toEqual([['职能指标', 70], ['重点工作', 50], ['保障指标', 15], ['绩效评价', 15]]);
    }
  });

  it('merges 类别, 项目, 分值, 自评分 and 项目得分 over their blocks', () => {
    const ws = template.getWorksheet('苍溪县')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:P1', 'B3:B14', 'C3:C14', 'K3:K14', 'P3:P14', 'B84:B108', 'C84:C108']));
    // 职能指标 (rows 3–68) is merged page by page, its name written again where a page begins.
    expect(merges).toEqual(expect.arrayContaining(['A3:A26', 'A27:A50', 'A51:A68']));
    expect(['A3', 'A27', 'A51'].map((a) => ws.getCell(a).value)).toEqual(['职能指标', '职能指标', '职能指标']);
  });

  it('marks the input and output cells and validates the entries', () => {
    const ws = template.getWorksheet('苍溪县')!;
    const west = find('苍溪县', '西部计划志愿者', '名');
    const j = ws.getCell(west.row, 10);
    expect((j.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(j.protection?.locked).toBe(false);
    expect(j.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    const score = ws.getCell(west.row, 14);
    expect((score.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF2F2F2');
    expect(score.font?.italic).toBe(true);
    const self = ws.getCell(3, 11);
    expect((self.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(self.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 15] });
    expect((ws.getCell(west.row, 12).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect((ws.getCell(west.row, 13).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4D6');

    const yesNo = ws.getCell(find('苍溪县', '按期换届').row, 10);
    expect(yesNo.dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const rating = ws.getCell(find('苍溪县', '团市委交办的其他工作').row, 10);
    expect(rating.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 15] });
    const deduction = ws.getCell(find('苍溪县', '安全生产').row, 10);
    expect(deduction.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
  });

  it('freezes the header and columns A–B and prints A4 landscape with the header rows repeated', () => {
    const ws = template.getWorksheet('旺苍县')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('has an empty 案件台账 with lists for 单位 and 等级', () => {
    const ws = template.getWorksheet('案件台账')!;
    expect(ws.getRow(2).values).toEqual([undefined, '单位', '项目', '等级', '日期', '简要案情', '扣分']);
    expect(ws.getCell('A3').value).toBeNull();
    expect(ws.getCell('A3').dataValidation).toMatchObject({ type: 'list', formulae: [`"${UNITS.join(',')}"`] });
    expect(ws.getCell('C50').dataValidation).toMatchObject({ type: 'list', formulae: ['"严重,特别重大"'] });
    expect((ws.getCell('F3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF2F2F2');
  });

  // The header the scorer will write: 等次 for the example 等次标准 (自评总分 and 核减 only once units self-score).
  it('has a 汇总 header and the unit names in sheet order', () => {
    const ws = template.getWorksheet('汇总')!;
    expect(ws.getRow(1).values).toEqual([
      undefined, '单位',
      '服务党政中心', '青少年思想引导', '服务青年工作', '青少年维权工作', '自身组织建设',
      '重点工作1', '重点工作2', '重点工作3', '重点工作4', '保障指标', '绩效评价',
      '职能指标小计', '重点工作小计', '保障指标小计', '绩效评价小计', '总分', '排名', '等次', '状态',
    ]);
    expect(UNITS.map((_, i) => ws.getCell(2 + i, 1).value)).toEqual(UNITS);
    expect(ws.getCell(2, 2).value).toBeNull();
  });

  it('explains who fills what in 填报说明', () => {
    const text = template.getWorksheet('填报说明')!.getColumn(1).values.filter(Boolean).join('\n');
    for (const word of ['实际完成', '考核组', '比例', '达标', '差额扣分', '评分', '扣分', '按件扣分', '十九', '90%', '150 分', '汇总']) {
      expect(text).toContain(word);
    }
  });

  it('never writes overlapping data validation ranges (Excel rejects them)', () => {
    const files = unzipSync(new Uint8Array(readFileSync(path('guangyuan-2014.xlsx'))));
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(12);
    for (const f of sheets) {
      const xml = strFromU8(files[f]);
      const seen = new Set<string>();
      for (const [, sqref] of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)) {
        const [from, to = from] = sqref.split(':');
        const col = from.replace(/\d+/g, '');
        for (let r = Number(from.replace(/\D+/g, '')); r <= Number(to.replace(/\D+/g, '')); r++) {
          expect(seen.has(`${col}${r}`), `${f} ${col}${r}`).toBe(false);
          seen.add(`${col}${r}`);
        }
      }
    }
  });

  it('is exactly what the generator writes from the seed copy (deterministic and up to date)', async () => {
    const { files } = await buildSeedTemplates(readFileSync(path('seed/guangyuan-2014.txt'), 'utf8'));
    expect(files.map(([name]) => name)).toEqual(['guangyuan-2014.xlsx', 'guangyuan-2014-sample.xlsx']);
    for (const [name, bytes] of files) expect(Buffer.from(bytes).equals(readFileSync(path(name))), name).toBe(true);
  });
});

/** What the scoring contract (section 4) can read as an actual. */
function readable(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const s = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (['是', '否', '完成', '未完成'].includes(s)) return true;
  const m = /^([\d.,]+|[零〇一二两三四五六七八九十百千万]+)\s*(名|人|次|个|场|条|篇|天|所|套|项|期|家|户|元|万元|%)?$/.exec(s);
  return m !== null && (/\d/.test(m[1]) || parseChineseInteger(m[1]) !== null);
}

describe('guangyuan-2014-sample.xlsx', () => {
  const sampleRows = (u: string) => rowsOf(sample.getWorksheet(u)!);

  it('has the same layout, with titles marked as sample data', () => {
    expect(sample.worksheets.map((ws) => ws.name)).toEqual(['填报说明', ...UNITS, '案件台账', '汇总', '等次标准']);
    for (const u of UNITS) {
      const ws = sample.getWorksheet(u)!;
      expect(String(ws.getCell('A1').value)).toMatch(/考核表（示例数据，非真实考核结果）$/);
      expect(ws.getRow(2).values).toEqual([undefined, ...HEADER]);
      expect(sampleRows(u).map((r) => [r.content, r.target, r.weight])).toEqual(
        rows.get(u)!.map((r) => [r.content, r.target, r.weight]),
      );
    }
  });

  it('has exactly one unreadable actual', () => {
    const bad = UNITS.flatMap((u) => sampleRows(u).filter((r) => !readable(r.actual)).map((r) => [u, r.actual]));
    expect(bad).toEqual([['剑阁县', '约三十']]);
  });

  it('fills nearly every actual, leaving three of 朝天区 not yet reported', () => {
    const blanks = UNITS.map(
      (u) => sampleRows(u).filter((r) => ['比例', '达标', '差额扣分', '评分'].includes(r.rule) && r.actual === null).length,
    );
    expect(blanks).toEqual([0, 0, 0, 0, 0, 0, 3, 0]);
    const yesNo = UNITS.flatMap((u) => sampleRows(u).filter((r) => r.target === '是').map((r) => r.actual));
    expect(new Set(yesNo)).toEqual(new Set(['是', '否']));
    const ratings = UNITS.flatMap((u) => sampleRows(u).filter((r) => r.rule === '评分').map((r) => r.actual as number));
    expect(ratings).toContain(13.5);
    expect(ratings.every((a) => a >= 0 && a <= 15)).toBe(true);
  });

  it('has some numeric actuals short of target and some above', () => {
    const numeric = UNITS.flatMap((u) =>
      sampleRows(u).filter((r) => r.rule === '比例' && typeof r.actual === 'number' && typeof r.target === 'number'),
    );
    expect(numeric.some((r) => (r.actual as number) < (r.target as number))).toBe(true);
    expect(numeric.some((r) => (r.actual as number) > (r.target as number))).toBe(true);
  });

  it('leaves most 扣分 rows blank, with a couple of deductions', () => {
    const deductions = UNITS.flatMap((u) => sampleRows(u).filter((r) => r.rule === '扣分'));
    const given = deductions.filter((r) => r.actual !== null).map((r) => r.actual);
    expect(given.sort()).toEqual([0.5, 1, 1]);
    expect(deductions.length).toBeGreaterThan(200);
  });

  it('registers cases, with 利州区 over the 5-point cap and one case naming 青少年维权工作', () => {
    const ws = sample.getWorksheet('案件台账')!;
    const cases: [string, string | null, string][] = [];
    for (let r = 3; ws.getCell(r, 1).value !== null; r++) {
      cases.push([String(ws.getCell(r, 1).value), ws.getCell(r, 2).value as string | null, String(ws.getCell(r, 3).value)]);
    }
    const lizhou = cases.filter(([u]) => u === '利州区');
    expect(lizhou.filter(([, , level]) => level === '严重')).toHaveLength(3);
    expect(lizhou.filter(([, , level]) => level === '特别重大')).toHaveLength(4);
    expect(cases.filter(([u, item]) => u === '苍溪县' && item === '青少年维权工作')).toHaveLength(1);
    expect(cases.every(([u, , level]) => UNITS.includes(u) && ['严重', '特别重大'].includes(level))).toBe(true);
    expect(ws.getCell('D3').value).toBeInstanceOf(Date);
  });
});
