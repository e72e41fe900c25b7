import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../../src/engine/index';
import type { CellValue, Grid } from '../../src/engine/types';
import { importFromGrids, importFromText, type ImportResult } from '../../src/import/index';
import { ImportedWorkbookSchema } from '../../src/import/model';
import { buildScoringWorkbook } from '../../src/templates/index';
import { openXlsx } from '../../src/xlsx/index';

/*
 * Issue 18: cells that name nothing (a 项目 that is only its number, a 考核内容 that is only a number, a lone 分值)
 * become flagged rows or warnings that name the cell, never a crash and never silently lost points.
 */

const HEADER: CellValue[] = ['类别', '项目', '内容', '分值'];

function importRows(...rows: CellValue[][]): ImportResult {
  const result = importFromGrids([{ name: 'S', grid: [HEADER, ...rows] as Grid }]);
  ImportedWorkbookSchema.parse(result.workbook);
  return result;
}

/** Every message of the import: the warnings and each row's notes. */
const messages = ({ workbook, review }: ImportResult) => [...workbook.warnings, ...review.flatMap((r) => r.notes)];

/** The generated 考核表 opens and scores: the rows a person must complete do not break the scorer. */
async function scoresAfterBuilding(result: ImportResult): Promise<void> {
  const book = openXlsx(await buildScoringWorkbook(result.workbook));
  const scored = scoreWorkbook({ sheets: book.readSheets() });
  expect(scored.units.map((u) => u.unit)).toEqual(result.workbook.units.map((u) => u.unit));
}

describe('issue 18: cells that name nothing', () => {
  it('the grid [[0, "2.", 0, 1]]: a 项目 that is only its number, a 考核内容 and a 类别 that are only numbers', async () => {
    const result = importRows([0, '2.', 0, 1]);
    expect(result.review).toHaveLength(1);
    const [row] = result.review;
    expect(row).toMatchObject({ item: '0', weight: 1, flagged: true });
    expect(row.notes).toEqual(expect.arrayContaining([
      '考核内容“0”（S!C2）只有数字或符号，请核对',
      '类别“0”（S!A2）没有名称，暂记作“0”，请填写类别名',
      '项目“2.”（S!B2）没有名称，暂按类别命名，请填写项目名',
    ]));
    await scoresAfterBuilding(result);
  });

  it.each(['2.', '（三）', '一、', '(3)', '3、'])('a 项目 written only as its number (%s) is named after its 类别 and flagged', (item) => {
    const { review } = importRows(['职能指标', item, '1.培训志愿者20名。', 10]);
    expect(review.map((r) => [r.item, r.target, r.weight, r.flagged])).toEqual([['职能指标', 20, 10, true]]);
    expect(review[0].notes).toContain(`项目“${item.replace(/\s/g, '')}”（S!B2）没有名称，暂按类别命名，请填写项目名`);
  });

  it('a 项目 that is only its 分值 ((15分)) takes those points', () => {
    const { review, workbook } = importRows(['职能指标', '（15分）', '1.培训志愿者20名。', null]);
    expect(workbook.units[0].rows.map((r) => [r.item, r.points, r.weight, r.flagged])).toEqual([['职能指标', 15, 15, true]]);
    expect(review[0].notes).toContain('项目“（15分）”（S!B2）没有名称，暂按类别命名，请填写项目名');
  });

  it.each(['15', '0', '2'])('a 项目 that is a bare number (%s) keeps it as its name and is flagged', (item) => {
    const { review } = importRows(['职能指标', item, '1.培训志愿者20名。', 10]);
    expect(review.map((r) => [r.item, r.flagged])).toEqual([[item, true]]);
    expect(review[0].notes).toContain(`项目“${item}”（S!B2）只有数字，请核对项目名`);
  });

  it('two number-only 项目 of one 类别 become 职能指标1 and 职能指标2, each with its own 分值', () => {
    const { review, workbook } = importRows(['职能指标', '1.', '1.培训志愿者20名。', 10], [null, '2.', '1.开展活动3次。', 5]);
    expect(workbook.units[0].rows.map((r) => [r.item, r.points, r.flagged])).toEqual([['职能指标1', 10, true], ['职能指标2', 5, true]]);
    expect(review[1].notes).toContain('项目“2.”（S!B3）没有名称，暂按类别命名，请填写项目名');
  });

  it('a 类别 that is only a number (1.) is 考核指标, flagged', () => {
    const { review } = importRows(['1.', '服务', '1.培训志愿者20名。', 10]);
    expect(review.map((r) => [r.category, r.item, r.flagged])).toEqual([['考核指标', '服务', true]]);
    expect(review[0].notes).toContain('类别“1.”（S!A2）没有名称，暂记作“考核指标”，请填写类别名');
  });

  it.each([
    ['', '考核内容空白（S!C2），暂按评分计，请补写考核内容和计分方式'],
    ['   ', '考核内容空白（S!C2），暂按评分计，请补写考核内容和计分方式'],
    ['1.', '考核内容“1.”只有编号（S!C2），暂按评分计，请补写考核内容和计分方式'],
    ['（1）', '考核内容“（1）”只有编号（S!C2），暂按评分计，请补写考核内容和计分方式'],
  ])('a 项目 with a 分值 and no 考核内容 (%j) keeps its points in one flagged 评分 row', async (content, note) => {
    const result = importRows(['职能指标', '服务', content, 10]);
    expect(result.review.map((r) => [r.item, r.rule, r.weight, r.flagged, r.notes])).toEqual([['服务', '评分', 10, true, [note]]]);
    await scoresAfterBuilding(result);
  });

  it.each(['0', '15', '2.', '15分', '%', '……'])('a 考核内容 that is only a number or a sign (%s) is flagged', (content) => {
    const { review } = importRows(['职能指标', '服务', content, 10]);
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ weight: 10, flagged: true });
    expect(review[0].notes.some((n) => n.includes('（S!C2）只有'))).toBe(true);
  });

  it('a number-only line among numbered items is part of the item above, not lost', () => {
    const { review, workbook } = importRows(['职能指标', '服务', '1.培训志愿者20名。\n2.', 10]);
    expect(review.map((r) => [r.target, r.weight])).toEqual([[20, 10]]);
    expect(workbook.warnings).toEqual([]);
  });

  it('a lone 分值 under a 项目 adds its points as a flagged row that names its 内容 cell', async () => {
    const result = importRows(['职能指标', '服务', '1.培训志愿者20名。', 10], [null, null, null, 5]);
    expect(result.workbook.units[0].rows.map((r) => [r.item, r.rule, r.points, r.weight, r.flagged])).toEqual([
      ['服务', '比例', 15, 10, false],
      ['服务', '评分', 15, 5, true],
    ]);
    expect(result.review[1].notes).toEqual(['考核内容空白（S!C3），暂按评分计，请补写考核内容和计分方式']);
    expect(result.workbook.warnings).toEqual(['S：服务每行各有分值，按各行分值计，项目分值取合计 15 分。']);
    await scoresAfterBuilding(result);
  });

  it('a lone 分值 in a table without 项目 names is a 项目 of its own', () => {
    const { review } = importRows(['重点工作', null, '1.培训志愿者20名。', 10], [null, null, null, 5]);
    expect(review.map((r) => [r.item, r.rule, r.weight, r.flagged])).toEqual([
      ['重点工作1', '比例', 10, false],
      ['重点工作2', '评分', 5, true],
    ]);
    expect(review[1].notes).toEqual(['考核内容空白（S!C3），暂按评分计，请补写考核内容和计分方式']);
  });

  it('a table whose only cell is a 分值', () => {
    const { review } = importRows([null, null, null, 5]);
    expect(review.map((r) => [r.category, r.item, r.rule, r.weight, r.flagged])).toEqual([['考核指标', '考核指标', '评分', 5, true]]);
  });

  it('a 分值 that is not a number names the 分值 cell, not the 内容 cell', () => {
    const { workbook } = importRows(['职能指标', '服务', '1.培训志愿者20名。', '若干']);
    expect(workbook.warnings).toContain('S：S!D2 分值“若干”无法识别，该行未读入。');
  });

  it('the same cells as text import without throwing and carry the same messages', () => {
    const text = ['甲县2015年度目标绩效指标', '\t类别', '\t项目', '\t内容', '\t分值', '\t职能指标', '\t2.', '\t培训志愿者20名。', '\t10'].join('\n');
    const result = importFromText(text);
    ImportedWorkbookSchema.parse(result.workbook);
    expect(result.review.map((r) => [r.item, r.target, r.flagged])).toEqual([['职能指标', 20, true]]);
    expect(messages(result)).toContain('项目“2.”没有名称，暂按类别命名，请填写项目名');
  });
});
