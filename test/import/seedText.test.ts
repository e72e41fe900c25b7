import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEDUCTION_RULES, type ImportedUnit } from '../../src/import/model';
import { readSeedText, unitNameFromTitle } from '../../src/import/seedText';

const seedPath = fileURLToPath(new URL('../../workbook-templates/seed/guangyuan-2014.txt', import.meta.url));
const imported = readSeedText(readFileSync(seedPath, 'utf8'));
const unit = (name: string) => imported.units.find((u) => u.unit === name)!;
const items = (u: ImportedUnit) => [...new Set(u.rows.map((r) => r.item))];

describe('readSeedText on the seed', () => {
  it('finds the eight units in seed order, without warnings', () => {
    expect(imported.units.map((u) => u.unit)).toEqual([
      '苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区',
    ]);
    expect(imported.units[0].title).toBe('共青团苍溪县委2014年度目标绩效指标');
    expect(imported.units[7].title).toBe('广元经济技术开发区团委2014年度目标绩效指标');
    expect(imported.warnings).toEqual([]);
  });

  it('reads the 项目 of every unit', () => {
    for (const u of imported.units) {
      expect(items(u)).toEqual([
        '服务党政中心', '青少年思想引导', '服务青年工作', '青少年维权工作', '自身组织建设',
        '重点工作1', '重点工作2', '重点工作3', '重点工作4', '保障指标', '绩效评价',
      ]);
      const categories = [...new Set(u.rows.map((r) => r.category))];
      expect(categories).toEqual(['职能指标', '重点工作', '保障指标', '绩效评价']);
    }
  });

  it('has 76 rows per county and district and 73 for 开发区', () => {
    expect(imported.units.map((u) => u.rows.length)).toEqual([76, 76, 76, 76, 76, 76, 76, 73]);
    // 苍溪县: 6 + 8 + 6 + 7 + 12 rows of 职能指标, 11 of 重点工作, 25 of 保障指标, 1 of 绩效评价.
    const count = (u: ImportedUnit, item: string) => u.rows.filter((r) => r.item === item).length;
    expect(
      ['服务党政中心', '青少年思想引导', '服务青年工作', '青少年维权工作', '自身组织建设'].map((i) => count(unit('苍溪县'), i)),
    ).toEqual([6, 8, 6, 7, 12]);
    expect(
      ['服务党政中心', '青少年思想引导', '服务青年工作', '青少年维权工作', '自身组织建设'].map((i) =>
        count(unit('广元经济技术开发区'), i),
      ),
    ).toEqual([4, 8, 6, 6, 12]);
  });

  it('gives every 项目 its 分值, adding to 70 + 50 + 15 + 15 = 150', () => {
    for (const u of imported.units) {
      const points = new Map(u.rows.map((r) => [r.item, r.points]));
      expect([...points.values()]).toEqual([15, 15, 10, 10, 20, 15, 10, 10, 15, 15, 15]);
      expect([...points.values()].reduce((s, p) => s + p, 0)).toBe(150);
    }
  });

  it("makes each 项目's positive weights add up exactly to its 分值", () => {
    for (const u of imported.units) {
      for (const item of items(u)) {
        const rows = u.rows.filter((r) => r.item === item);
        const positive = rows.filter((r) => !DEDUCTION_RULES.includes(r.rule));
        if (positive.length === 0) continue;
        expect(positive.reduce((s, r) => s + r.weight * 2, 0) / 2, `${u.unit} ${item}`).toBe(rows[0].points);
      }
    }
  });

  it('reads the 苍溪县 服务党政中心 block', () => {
    const rows = unit('苍溪县').rows.filter((r) => r.item === '服务党政中心');
    expect(rows.map((r) => [r.rule, r.target, r.measure, r.weight])).toEqual([
      ['比例', 3, '次', 3],
      ['比例', 19, '名', 3],
      ['比例', 40, '名', 3],
      ['比例', 5, '次', 1.5],
      ['比例', 2, '场', 1.5],
      ['比例', 2, '个', 3],
    ]);
    expect(rows[1].content).toMatch(/^2\.新招募派遣西部计划志愿者19名，/);
    expect(rows.every((r) => r.points === 15 && r.category === '职能指标')).toBe(true);
  });

  it('reads 青少年维权工作 with its deductions', () => {
    const rows = unit('剑阁县').rows.filter((r) => r.item === '青少年维权工作');
    expect(rows.map((r) => [r.rule, r.target, r.weight, r.rate])).toEqual([
      ['达标', '是', 2, null],
      ['比例', 8, 2, null],
      ['比例', 2, 2, null],
      ['扣分', null, 10, null],
      ['按件扣分', null, 5, '0.5/1'],
      ['比例', 1, 2, null],
      ['比例', 20, 2, null],
    ]);
  });

  it('takes the 25 保障指标 rows from the shared table', () => {
    for (const u of imported.units) {
      const rows = u.rows.filter((r) => r.item === '保障指标');
      expect(rows).toHaveLength(25);
      expect(rows.every((r) => r.rule === '扣分' && r.weight === 1 && r.points === 15 && r.category === '保障指标')).toBe(true);
      expect(rows[0].content).toBe('深化改革和统筹城乡：深化改革');
      expect(rows[2].content).toBe('党的建设：群众路线教育实践活动（做好双联及“帮扶”工作）');
      expect(rows[9].content).toBe('社会治理·维稳综治：综治工作');
      expect(rows[14].content).toBe('社会治理·群众工作：做好群众信访工作，解决信访突出问题');
      expect(rows[24].content).toBe('社会治理·文明创建：做好“三兴”、“五创”、“十大活动”工作');
    }
  });

  it('reads 重点工作 rows as their own 项目 and 绩效评价 as one 评分 row', () => {
    const u = unit('利州区');
    expect(u.rows.filter((r) => r.item === '重点工作2').map((r) => [r.target, r.measure, r.weight])).toEqual([
      [5, '个', 3.5],
      [2, '个', 3.5],
      [24, '名', 3],
    ]);
    expect(u.rows.filter((r) => r.item === '重点工作4').map((r) => [r.rule, r.weight])).toEqual([['评分', 15]]);
    expect(u.rows.filter((r) => r.item === '绩效评价').map((r) => [r.rule, r.weight, r.content])).toEqual([
      ['评分', 15, '服务对象代表评价分。'],
    ]);
  });

  it('flags nothing in the seed', () => {
    expect(imported.units.flatMap((u) => u.rows.filter((r) => r.flagged))).toEqual([]);
  });
});

describe('unitNameFromTitle', () => {
  it.each([
    ['共青团苍溪县委2014年度目标绩效指标', '苍溪县'],
    ['共青团利州区委2014年度目标绩效指标', '利州区'],
    ['广元经济技术开发区团委2014年度目标绩效指标', '广元经济技术开发区'],
    ['苍溪县2015年度目标绩效考核指标', '苍溪县'],
    ['苍溪县目标绩效考核指标', '苍溪县'],
    ['2015年度目标绩效指标', ''],
  ])('%s → %s', (title, name) => {
    expect(unitNameFromTitle(title)).toBe(name);
  });
});

describe('readSeedText on other tables of the same layout', () => {
  const text = [
    '共青团某某县委2015年度目标绩效指标',
    '\t类别',
    '\t内容',
    '\t分值',
    '\t职能',
    '指标',
    '（10分）',
    '\t服务',
    '',
    '中心',
    '\t1.培训志愿者十九名。',
    '',
    '2.按期换届。',
    '\t10',
    '\t重点工作（5分）',
    '\t创建留守学生之家2所。',
    '\t5',
    '\t保障指标（3分）',
    '\t见保障指标（实行扣分制）',
    '\t3',
  ].join('\n');

  it('reads a unit and warns about the missing 保障指标 table', () => {
    const wb = readSeedText(text);
    expect(wb.units.map((u) => u.unit)).toEqual(['某某县']);
    expect(wb.units[0].rows.map((r) => [r.category, r.item, r.points, r.rule, r.target, r.weight])).toEqual([
      ['职能指标', '服务中心', 10, '比例', 19, 5],
      ['职能指标', '服务中心', 10, '达标', '是', 5],
      ['重点工作', '重点工作', 5, '比例', 2, 5],
      ['保障指标', '保障指标', 3, '扣分', null, 3],
    ]);
    expect(wb.warnings).toEqual(['某某县：找不到“保障指标”表，保障指标按一个扣分行处理。']);
  });

  it('warns when a group total does not match its 项目', () => {
    const wb = readSeedText(text.replace('（10分）', '（70分）'));
    expect(wb.warnings).toContain('某某县：职能指标标明 70 分，但各项目分值合计 10 分。');
  });

  it('returns no units and a warning for text without tables', () => {
    expect(readSeedText('没有表格')).toEqual({ units: [], warnings: ['没有找到任何单位的目标绩效指标表。'] });
  });
});
