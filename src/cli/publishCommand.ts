import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { buildReport, ReportRefusal, type Ranking, type Report } from '../publish/index.ts';
import { describeOsError } from './osErrors.ts';
import { OVERWRITE_HELP, planOutput, saveOutput, SaveError, writtenLine, type OutputPlan } from './output.ts';
import { formatTable } from './table.ts';
import { zlibCodec } from './zlibCodec.ts';

/** 0: written and final; 1: written, but some unit's figures are not final (the 公示 says 草稿); 2: nothing written. */
export const REPORT_EXIT = { ok: 0, draft: 1, failed: 2 } as const;

interface ReportOptions {
  output?: string;
  title?: string;
  compare?: string;
  unit?: string[];
  force?: boolean;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stem = (file: string) => file.replace(/\.xlsx$/i, '').replace(/\.scored$/i, '');

/** 2014年度考核.scored.xlsx → 2014年度考核.公示.xlsx; with --unit 苍溪县, 2014年度考核.反馈.苍溪县.xlsx. */
export const reportName = (units: string[] | undefined) => (input: string): string =>
  units && units.length > 0 ? `${stem(input)}.反馈.${units.join('、')}.xlsx` : `${stem(input)}.公示.xlsx`;

/** The 公示 table as the terminal shows it. */
export function rankingText(r: Ranking): string {
  const head = ['排名', '单位', '总分', ...(r.graded ? ['等次'] : []), ...(r.compared ? ['上年排名', '名次变化'] : [])];
  const rows = r.rows.map((row) => [
    row.rank === null ? '—' : String(row.rank), row.unit, row.total === null ? '无法计分' : row.total.toFixed(2),
    ...(r.graded ? [row.grade ?? '—'] : []),
    ...(r.compared ? [row.lastYear?.rank == null ? '—' : String(row.lastYear.rank), row.change ?? '—'] : []),
  ]);
  return `${r.title}\n${formatTable(head, rows, head.map((h) => h !== '单位' && h !== '等次' && h !== '名次变化'))}`;
}

async function read(file: string): Promise<Uint8Array | string> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const message = describeOsError(e, file, 'read');
    if (message === null) throw e;
    return message;
  }
}

async function runReport(input: string, opts: ReportOptions, io: Io, today: () => Date): Promise<number> {
  let plan: OutputPlan;
  try {
    plan = planOutput({ input, output: opts.output, defaultName: reportName(opts.unit), force: opts.force, inPlaceAllowed: false });
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return REPORT_EXIT.failed;
    }
    throw e;
  }
  plan.warnings.forEach((w) => io.err(w));
  const scored = await read(input);
  if (typeof scored === 'string') {
    io.err(scored);
    return REPORT_EXIT.failed;
  }
  let lastYear: Uint8Array | undefined;
  if (opts.compare !== undefined) {
    const bytes = await read(opts.compare);
    if (typeof bytes === 'string') {
      io.err(bytes);
      return REPORT_EXIT.failed;
    }
    lastYear = bytes;
  }
  let report: Report;
  try {
    report = await buildReport(scored, {
      title: opts.title, date: today(), lastYear, units: opts.unit, codec: zlibCodec,
      names: { scored: path.basename(input), lastYear: opts.compare === undefined ? undefined : path.basename(opts.compare) },
    });
  } catch (e) {
    if (e instanceof ReportRefusal) {
      io.err(`${e.message}\n未写出任何文件。/ Nothing was written.`);
      return REPORT_EXIT.failed;
    }
    throw e;
  }
  let backup: string | null;
  try {
    backup = await saveOutput(plan, report.bytes);
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return REPORT_EXIT.failed;
    }
    throw e;
  }
  if (report.ranking) io.out(rankingText(report.ranking));
  io.out(`反馈 / feedback: ${report.feedback.map((f) => f.unit).join('、')}`);
  report.warnings.forEach((w) => io.err(`提醒：${w}`));
  io.out('');
  io.out(`已写入 / written: ${writtenLine(plan, backup)}`);
  return report.result.units.some((u) => u.unscorable || u.errors > 0) ? REPORT_EXIT.draft : REPORT_EXIT.ok;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addReportCommand(program: Command, io: Io, setExit: (code: number) => void, today: () => Date = () => new Date()): void {
  program
    .command('report')
    .argument('<scored.xlsx>', '已计分的工作簿 / a scored workbook')
    .description('生成公示（排名）和各单位的反馈，写成一个新工作簿；已计分的工作簿不改动 / write the ranking to publish and each unit\'s feedback as a new workbook')
    .option('-o, --output <out.xlsx>', '结果文件（默认：<名称>.公示.xlsx；加 --unit 时 <名称>.反馈.<单位>.xlsx）/ output file')
    .option('--title <标题>', '公示的标题（默认取考核表的标题，如“2014年度目标绩效指标考核结果”）/ the title of 公示')
    .option('--compare <上年.scored.xlsx>', '上年已计分的工作簿：增加上年总分、上年排名和名次变化 / last year\'s scored workbook')
    .option('--unit <单位>', '只写这个单位的反馈（可重复）/ only this unit\'s feedback (repeatable)', collect)
    .option('--force', '结果文件已存在时覆盖它 / overwrite an existing output file')
    .addHelpText('after', `
公示：按排名排列，各类别小计、总分、等次、满分行，页脚留有发布单位和日期；A4 纵向一页（40 个单位以内，字号不小于 10 磅）。
反馈：每单位一张工作表，A4 一页：总分、排名、等次，各项目的分值、自评分、得分和核减，失分的指标，扣分的案件，尚未改正的错误。
输入必须是计分后未再改动的工作簿（得分与按现有填报计分的结果一致），否则不生成，免得公布的排名与汇总表不同。
有错误或无法计分的单位时，公示标为“草稿”，退出码为 1。
The input must be scored and unchanged since; a unit with errors marks 公示 as a draft (exit code 1).
${OVERWRITE_HELP}
退出码 / exit codes:
  0  已写出 / written
  1  已写出，但有单位的分数尚未确定（公示为草稿）/ written as a draft: some unit's figures are not final
  2  未写出：不是可用的 .xlsx、没有考核表、尚未计分或计分后改动过、没有这个单位、结果文件已存在或正在打开
     / nothing written

示例 / example:
  target-scorer report 2014年度考核.scored.xlsx
  target-scorer report 2014年度考核.scored.xlsx --compare 2013年度考核.scored.xlsx --title "2014年度县区团委目标绩效考核结果"
  target-scorer report 2014年度考核.scored.xlsx --unit 苍溪县`)
    .action(async (input: string, opts: ReportOptions) => setExit(await runReport(input, opts, io, today)));
}
