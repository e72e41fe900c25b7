import { scoreWorkbook, type ScoreResult, type SheetInput } from '../engine/index.ts';
import { openXlsx, XlsxRefusal, type DeflateCodec } from '../xlsx/index.ts';
import { buildFeedback, type Feedback } from './feedback.ts';
import { staleCells, type StaleCell } from './freshness.ts';
import { LastYearRefusal, readLastYear } from './lastYear.ts';
import { buildRanking, unitKey, type Ranking } from './ranking.ts';
import { writeReportWorkbook } from './reportWorkbook.ts';
import { feedbackPlan, feedbackSheetName, rankingPlan, RANKING_SHEET, type SheetPlan } from './sheetPlan.ts';
import { masterTitle } from './title.ts';

export { buildRanking, rankChange, type Ranking, type RankingRow } from './ranking.ts';
export { buildFeedback, type Feedback } from './feedback.ts';
export { staleCells, type StaleCell } from './freshness.ts';
export { readLastYear, type LastYear } from './lastYear.ts';
export { masterTitle } from './title.ts';
export { rankingPlan, feedbackPlan, RANKING_SHEET, CONTENT_LIMIT, type SheetPlan } from './sheetPlan.ts';
export { onePageScale, wrappedLines } from './printPage.ts';

/** Why no report was written; the message is Chinese, then English, and names the file and the sheet. */
export class ReportRefusal extends Error {}

export interface ReportOptions {
  /** 公示's title; by default the master's (see masterTitle). */
  title?: string;
  /** The date printed on the report; also the workbook's creation time. */
  date: Date;
  /** Last year's scored workbook, for 上年总分, 上年排名 and 名次变化. */
  lastYear?: Uint8Array;
  /** Only these units' 反馈, on their own (no 公示). */
  units?: string[];
  codec?: DeflateCodec;
  /** File names for messages. */
  names?: { scored: string; lastYear?: string };
}

export interface Report {
  bytes: Uint8Array;
  ranking: Ranking | null;
  feedback: Feedback[];
  plans: SheetPlan[];
  result: ScoreResult;
  /** Said to the user; the report is written all the same. */
  warnings: string[];
}

export const chineseDate = (d: Date): string => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

function open(bytes: Uint8Array, file: string, codec?: DeflateCodec): SheetInput[] {
  try {
    return openXlsx(bytes, { codec }).readSheets();
  } catch (e) {
    if (e instanceof XlsxRefusal) throw new ReportRefusal(`${file}：${e.message}`);
    throw e;
  }
}

const staleText = (file: string, cells: StaleCell[]): string => {
  const shown = cells.slice(0, 3).map((s) => `${s.sheet}!${s.cell} 现为“${s.found}”，按现有填报应为“${s.expected}”`).join('；');
  return `${file}：工作簿中的得分与按现有填报计分的结果不一致（${shown}${cells.length > 3 ? `，共 ${cells.length} 处` : ''}）。` +
    '它尚未计分，或计分后又改动过；请先用 target-scorer score 计分，再生成公示和反馈，免得公布的排名与汇总表不同。' +
    ` / ${file}: its scores differ from scoring its entries as they stand (${cells.length} cells): score it first.`;
};

/**
 * 公示 and 反馈 from a scored workbook, as a new workbook; the scored workbook is only read. The figures are the
 * engine's for the workbook as it is, and the workbook must hold exactly them (it was scored and not changed
 * since), so that what is published is what its 汇总 shows.
 */
export async function buildReport(scored: Uint8Array, options: ReportOptions): Promise<Report> {
  const file = options.names?.scored ?? '工作簿';
  const sheets = open(scored, file, options.codec);
  const result = scoreWorkbook({ sheets });
  if (result.units.length === 0) {
    throw new ReportRefusal(`${file}：${result.issues.map((i) => i.message).join('；')} / ${file}: no assessment sheet.`);
  }
  const stale = staleCells(sheets, result.writes);
  if (stale.length > 0) throw new ReportRefusal(staleText(file, stale));

  const date = chineseDate(options.date);
  const title = options.title?.trim() || masterTitle(sheets, result.units.map((u) => u.unit));
  let lastYear = null;
  if (options.lastYear) {
    const lastFile = options.names?.lastYear ?? '上年工作簿';
    try {
      lastYear = readLastYear(open(options.lastYear, lastFile, options.codec));
    } catch (e) {
      if (e instanceof LastYearRefusal) throw new ReportRefusal(`${lastFile}：${e.message}`);
      throw e;
    }
  }

  let chosen = result.units;
  if (options.units && options.units.length > 0) {
    chosen = options.units.map((name) => {
      const u = result.units.find((x) => unitKey(x.unit) === unitKey(name));
      if (!u) {
        throw new ReportRefusal(`${file}：没有名为“${name}”的考核表；可选的单位：${result.units.map((x) => x.unit).join('、')}。/ no unit named "${name}".`);
      }
      return u;
    });
  }
  const ranking = options.units?.length ? null : buildRanking(result, { title, date, lastYear });
  const feedback = chosen.map((u) => buildFeedback(result, u, title, date));
  const taken = new Set<string>([RANKING_SHEET]);
  const plans = [...(ranking ? [rankingPlan(ranking)] : []), ...feedback.map((f) => feedbackPlan(f, feedbackSheetName(f.unit, taken)))];

  const warnings: string[] = [];
  const pending = result.units.filter((u) => u.unscorable || u.errors > 0);
  if (pending.length > 0) {
    warnings.push(`以下单位的分数尚未确定，公示标为草稿：${pending.map((u) => `${u.unit}（${u.status}）`).join('；')}。` +
      ` / Not final yet, 公示 is marked as a draft: ${pending.map((u) => u.unit).join(', ')}.`);
  }
  for (const p of plans.filter((x) => x.name === RANKING_SHEET)) {
    if (p.scale < 91) warnings.push(`“${p.name}”内容较多，按 ${p.scale}% 缩小打印在一页上，字号小于 10 磅。/ "${p.name}" prints at ${p.scale}% to fit one page, below 10 pt.`);
  }
  return { bytes: await writeReportWorkbook(plans, options.date), ranking, feedback, plans, result, warnings };
}
