import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { importFromGrids, importFromText, type ImportResult, type ReviewItem } from '../import/index.ts';
import { openXlsx, XlsxRefusal } from '../xlsx/index.ts';
import { describeOsError } from './osErrors.ts';
import { OVERWRITE_HELP, planOutput, saveOutput, SaveError, writtenLine, type OutputPlan } from './output.ts';
import { displayWidth, formatTable } from './table.ts';
import { zlibCodec } from './zlibCodec.ts';

/** 0: nothing to check; 1: written, but some rows or tables need a person's decision; 2: nothing written. */
export const IMPORT_EXIT = { ok: 0, review: 1, failed: 2 } as const;

interface ImportOptions {
  output?: string;
  json?: boolean;
  force?: boolean;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

export const importedName = (input: string): string => `${input.replace(/\.(xlsx|xlsm|txt|tsv|text)$/i, '')}.考核表.xlsx`;

/** UTF-8 (with or without BOM), else GB18030, as text files saved on Chinese Windows often are. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const target = (r: ReviewItem) => r.targetText || (r.rate ? `扣分标准 ${r.rate}` : '—');

/** Each unit's rows as a table (a shared 保障指标 table as one line), then the rows to check and the warnings. */
export function reviewText(result: ImportResult): string {
  const out: string[] = [];
  for (const unit of result.workbook.units) {
    const rows = result.review.filter((r) => r.unit === unit.unit);
    out.push(`${unit.unit}（${unit.title}，${rows.length} 行）`);
    const own = rows.filter((r) => r.sharedTable === null);
    const table = own.map((r) => [
      r.flagged ? '!' : '',
      clip(r.item, 14),
      clip(r.label, 28),
      target(r),
      r.rule,
      String(r.weight),
      r.confidence.toFixed(2),
    ]);
    const shared = new Map<string, ReviewItem[]>();
    for (const r of rows) if (r.sharedTable !== null) shared.set(r.sharedTable, [...(shared.get(r.sharedTable) ?? []), r]);
    for (const [name, list] of shared) {
      const total = list.reduce((n, r) => n + Math.round(r.weight * 100), 0) / 100;
      table.push(['', clip(list[0].item, 14), `见${name}表：${list.length} 项扣分`, '—', '扣分', `合计${total}`, '1.00']);
    }
    out.push(formatTable(['', '项目', '内容', '目标', '计分方式', '细项分值', '置信度'], table, [false, false, false, false, false, true, true]));
    out.push('');
  }
  const flagged = result.review.filter((r) => r.flagged);
  if (flagged.length > 0) {
    out.push(`需要人工确认 (${flagged.length}) / to review:`);
    for (const r of flagged) {
      out.push(`  ${r.unit} · ${r.item} · ${r.label}：${target(r)}（${r.rule}，${r.weight} 分，置信度 ${r.confidence.toFixed(2)}）`);
      for (const n of r.notes) out.push(`      ${n}`);
    }
    out.push('');
  }
  if (result.workbook.warnings.length > 0) {
    out.push(`提醒 (${result.workbook.warnings.length}) / warnings:`, ...result.workbook.warnings.map((w) => `  ${w}`), '');
  }
  return out.join('\n').trimEnd();
}

export function reviewJson(result: ImportResult, output: string | null) {
  return {
    output,
    units: result.workbook.units.map((u) => ({ unit: u.unit, title: u.title, rows: u.rows.length })),
    flagged: result.review.filter((r) => r.flagged).length,
    warnings: result.workbook.warnings,
    review: result.review,
  };
}

async function readInput(input: string): Promise<ImportResult> {
  const bytes = new Uint8Array(await readFile(input));
  if (/\.xls[xm]$/i.test(input) || isZip(bytes)) {
    return importFromGrids(openXlsx(bytes, { codec: zlibCodec }).readSheets());
  }
  return importFromText(decodeText(bytes));
}

async function runImport(input: string, opts: ImportOptions, io: Io): Promise<number> {
  let plan: OutputPlan;
  try {
    plan = planOutput({ input, output: opts.output, defaultName: importedName, force: opts.force, inPlaceAllowed: false });
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return IMPORT_EXIT.failed;
    }
    throw e;
  }
  plan.warnings.forEach((w) => io.err(w));
  let result: ImportResult;
  try {
    result = await readInput(input);
  } catch (e) {
    if (e instanceof XlsxRefusal) {
      io.err(`${path.basename(input)}：${e.message}`);
      return IMPORT_EXIT.failed;
    }
    const message = describeOsError(e, input, 'read');
    if (message === null) throw e;
    io.err(message);
    return IMPORT_EXIT.failed;
  }
  if (result.workbook.units.length === 0) {
    if (opts.json) io.out(JSON.stringify(reviewJson(result, null), null, 2));
    io.err(`${path.basename(input)}：${result.workbook.warnings.join('\n')}\n未写出任何文件。/ Nothing was written.`);
    return IMPORT_EXIT.failed;
  }
  try {
    // exceljs loads only here, so that `target-scorer score` starts as fast as before.
    const { buildScoringWorkbook } = await import('../templates/workbook.ts');
    await saveOutput(plan, await buildScoringWorkbook(result.workbook));
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return IMPORT_EXIT.failed;
    }
    throw e;
  }
  if (opts.json) {
    io.out(JSON.stringify(reviewJson(result, plan.target), null, 2));
  } else {
    io.out(reviewText(result));
    io.out('');
    io.out(`已写入 / written: ${writtenLine(plan, null)}（${result.workbook.units.length} 个单位 / units）`);
  }
  const needsReview = result.review.some((r) => r.flagged) || result.workbook.warnings.length > 0;
  return needsReview ? IMPORT_EXIT.review : IMPORT_EXIT.ok;
}

export function addImportCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('import')
    .argument('<raw>', '指标表：.xlsx（类别 | 内容 | 分值），或 .txt（Word 表格另存的文本、从 Excel 复制的文字）/ the indicator table: .xlsx or .txt')
    .description('生成考核表：从指标表读出每个可计量的目标，写成可计分的工作簿 / generate the scoring workbook from an indicator table')
    .option('-o, --output <scoring.xlsx>', '输出的工作簿（默认：与输入同目录的 <名称>.考核表.xlsx）/ output workbook (default <name>.考核表.xlsx beside the input)')
    .option('--force', '输出文件已存在时覆盖 / overwrite an existing output file')
    .addOption(new Option('--json', '以 JSON 输出 {output, units, flagged, warnings, review} / print the review as JSON'))
    .addHelpText('after', `
读入指标表（每个单位一张“类别 | 内容 | 分值”表，可叠放在一张工作表里或各占一张；“保障指标”表为各单位共用），
列出读到的每一行：单位、项目、内容、目标（比较词、数量、计量单位）、计分方式、细项分值和置信度；
拿不准的行标“!”并在“需要人工确认”下说明原因。生成的工作簿含填报说明、每单位一张考核表、案件台账和汇总。
Reads one 类别 | 内容 | 分值 table per unit (stacked in one sheet or one per sheet; the 保障指标 table is shared),
lists every row read with its target, rule, weight and confidence, marks the uncertain ones with "!" and says why.
${OVERWRITE_HELP}
退出码 / exit codes:
  0  已生成，没有需要确认的行 / written, nothing to review
  1  已生成，但有行或提醒需要人工确认 / written, some rows or warnings need a person's decision
  2  无法导入：找不到指标表、文件无法读取、输出文件已存在（未加 --force）或正在打开、或无法写出；未写出任何文件
     / could not import: no indicator table, unreadable file, output exists (without --force) or cannot be written

示例 / example:
  target-scorer import 2014年度目标绩效指标.xlsx -o 2014年度考核.xlsx
  target-scorer import 指标.txt --json > 复核清单.json`)
    .action(async (input: string, opts: ImportOptions) => setExit(await runImport(input, opts, io)));
}
