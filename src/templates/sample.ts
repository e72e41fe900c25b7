/*
 * The sample workbook guangyuan-2014-sample.xlsx: the template's layout with invented entries, so the
 * scorer can be tried end to end. Its titles say （示例数据，非真实考核结果）. It contains:
 *
 * - 比例 rows: target × a factor from FACTORS, picked by unit and row (mostly 1, some 1.05–1.25
 *   above, some 0.7–0.9 short), rounded to whole numbers; % rows never above 100.
 * - 达标 rows with target 是: 是, except 否 for 青川县 按期换届 and 朝天区 12355.
 * - 评分 rows: 重点工作4 (团市委交办) and 绩效评价 from ASSIGNED and EVALUATION (13.5, 14, …).
 * - 扣分 rows blank (no deduction) except 旺苍县 保障指标 安全生产 0.5, 青川县 保障指标 信访 1 and
 *   昭化区 青少年维权工作 酌情扣分 1. 按件扣分 rows blank: their cases are in the register.
 * - Text the scorer must read: 苍溪县 西部计划志愿者 "19名", 旺苍县 青年技能大比武 "三",
 *   利州区 配备率 "95%", 开发区 培训辅导员 "2人"; 昭化区 见习基地上岗青年 30 of 38 (short).
 * - Not yet reported: 朝天区 leaves 青年就业创业培训, 农村青年技能培训 and 资助贫困学生 blank.
 * - Exactly one error: 剑阁县 培训各类志愿者 "约三十" (unreadable).
 * - 自评分 on every 项目, at its full 分值 except 剑阁县 服务党政中心 13 and 朝天区 重点工作2 8, so 汇总
 *   shows 自评总分 and 核减; a few rows carry 佐证材料, and 昭化区's 酌情扣分 row a 考核意见.
 * - 案件台账: 苍溪县 one 严重 case with 项目 青少年维权工作; 利州区 3 严重 + 4 特别重大 cases
 *   (0.5 × 3 + 1 × 4 = 5.5, capped at the row's 5); 昭化区 one 特别重大 case without 项目.
 */
import type { ImportedWorkbook, IndicatorRow } from '../import/model';
import type { CaseEntry } from './caseRegister';
import type { Actual, RowEntry } from './indicatorSheet';

export interface SampleData {
  /** 实际完成 per unit, in the unit's row order */
  actuals: ReadonlyMap<string, readonly Actual[]>;
  /** 自评分, 佐证材料 and 考核意见 per unit, in the unit's row order */
  entries?: ReadonlyMap<string, readonly (RowEntry | undefined)[]>;
  cases: readonly CaseEntry[];
}

/** 自评分 below the full 分值, by unit and 项目; every other 项目 is self-scored at its full 分值, as units usually do. */
const SELF_SCORES: { unit: string; item: string; selfScore: number }[] = [
  { unit: '剑阁县', item: '服务党政中心', selfScore: 13 },
  { unit: '朝天区', item: '重点工作2', selfScore: 8 },
];

/** 佐证材料 and 考核意见 on a few rows, by a text the row's 考核内容 contains. */
const ROW_ENTRIES: { unit: string; match: string; entry: RowEntry }[] = [
  { unit: '苍溪县', match: '西部计划志愿者19名', entry: { evidence: '西部计划志愿者花名册（示例）.pdf' } },
  { unit: '利州区', match: '配备率', entry: { evidence: '团委班子成员名单（示例）.xlsx' } },
  { unit: '昭化区', match: '酌情扣分', entry: { remark: '涉罪率较前三年平均值上升，扣 1 分（示例）' } },
];

const FACTORS = [1, 1.1, 1, 0.8, 1, 1.25, 1, 0.9, 1, 1.05, 0.7, 1, 1.2];
/** 评分 of 重点工作4 (团市委交办的其他工作), by unit in seed order */
const ASSIGNED = [13.5, 14, 12, 15, 13, 14.5, 12.5, 13];
/** 评分 of 绩效评价, by unit in seed order */
const EVALUATION = [14, 13.5, 13, 14.5, 12, 13, 12.5, 13.5];

interface Override {
  unit: string;
  /** a text the row's 考核内容 contains */
  match: string;
  value: Actual;
}

export const UNREADABLE_SAMPLE: Override = { unit: '剑阁县', match: '培训各类志愿者', value: '约三十' };

const OVERRIDES: Override[] = [
  { unit: '苍溪县', match: '西部计划志愿者19名', value: '19名' },
  { unit: '旺苍县', match: '青年技能大比武', value: '三' },
  { unit: '旺苍县', match: '安全生产', value: 0.5 },
  { unit: '青川县', match: '信访', value: 1 },
  { unit: '青川县', match: '按期换届', value: '否' },
  { unit: '利州区', match: '配备率', value: '95%' },
  { unit: '昭化区', match: '酌情扣分', value: 1 },
  { unit: '昭化区', match: '见习基地上岗青年', value: 30 },
  { unit: '朝天区', match: '12355', value: '否' },
  { unit: '朝天区', match: '青年就业创业培训', value: null },
  { unit: '朝天区', match: '农村青年技能培训', value: null },
  { unit: '朝天区', match: '资助贫困学生', value: null },
  { unit: '广元经济技术开发区', match: '（培训辅导员：', value: '2人' },
  UNREADABLE_SAMPLE,
];

function defaultActual(row: IndicatorRow, unitIndex: number, rowIndex: number): Actual {
  switch (row.rule) {
    case '评分':
      if (row.item === '绩效评价') return EVALUATION[unitIndex % EVALUATION.length];
      if (row.content.includes('交办')) return ASSIGNED[unitIndex % ASSIGNED.length];
      return Math.round(row.weight * 0.9 * 2) / 2;
    case '扣分':
    case '按件扣分':
      return null;
    default: {
      if (row.target === '是') return '是';
      if (row.target === null) return null;
      if (row.comparator !== '>=') return row.target;
      const factor = FACTORS[(unitIndex * 5 + rowIndex) % FACTORS.length];
      const value = Math.round(row.target * factor);
      return row.measure === '%' ? Math.min(100, value) : value;
    }
  }
}

const day = (month: number, date: number) => new Date(Date.UTC(2014, month - 1, date));

const CASES: CaseEntry[] = [
  { unit: '苍溪县', item: '青少年维权工作', level: '严重', date: day(5, 12), summary: '某镇中学学生斗殴致一人重伤，造成不良社会影响（示例）' },
  { unit: '利州区', item: '青少年维权工作', level: '严重', date: day(3, 8), summary: '未成年人结伙盗窃案件（示例）' },
  { unit: '利州区', item: '', level: '严重', date: day(4, 21), summary: '网吧接纳未成年人引发的伤害事件（示例）' },
  { unit: '利州区', item: '', level: '严重', date: day(6, 3), summary: '校园欺凌致伤事件（示例）' },
  { unit: '利州区', item: '青少年维权工作', level: '特别重大', date: day(7, 15), summary: '侵害未成年人权益的重大案件（示例）' },
  { unit: '利州区', item: '', level: '特别重大', date: day(8, 30), summary: '未成年人涉毒案件（示例）' },
  { unit: '利州区', item: '', level: '特别重大', date: day(10, 9), summary: '未成年人溺亡事故，监护缺失（示例）' },
  { unit: '利州区', item: '', level: '特别重大', date: day(11, 22), summary: '青少年聚众斗殴致死案件（示例）' },
  { unit: '昭化区', item: '', level: '特别重大', date: day(9, 17), summary: '留守儿童被侵害案件（示例）' },
];

/** The invented entries described at the top of this file. */
export function sampleData(imported: ImportedWorkbook): SampleData {
  const actuals = new Map<string, Actual[]>();
  imported.units.forEach((unit, unitIndex) => {
    const values = unit.rows.map((row, rowIndex) => {
      const override = OVERRIDES.find((o) => o.unit === unit.unit && row.content.includes(o.match));
      return override ? override.value : defaultActual(row, unitIndex, rowIndex);
    });
    actuals.set(unit.unit, values);
  });
  const entries = new Map<string, (RowEntry | undefined)[]>();
  for (const unit of imported.units) {
    entries.set(unit.unit, unit.rows.map((row, i) => {
      const first = i === 0 || unit.rows[i - 1].item !== row.item;
      const own = ROW_ENTRIES.find((e) => e.unit === unit.unit && row.content.includes(e.match))?.entry;
      const lower = SELF_SCORES.find((x) => x.unit === unit.unit && x.item === row.item)?.selfScore;
      const self = first ? { selfScore: lower ?? row.points } : undefined;
      return own || self ? { ...self, ...own } : undefined;
    }));
  }
  const known = new Set(imported.units.map((u) => u.unit));
  return { actuals, entries, cases: CASES.filter((c) => known.has(c.unit)) };
}
