import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { collectXlsx, type CollectResult, type ReturnedFile } from '../cycle/collectXlsx.ts';

import { XlsxRefusal } from '../xlsx/index.ts';
import { describeOsError, readInputFile } from './osErrors.ts';
import { OVERWRITE_HELP, planOutput, saveOutput, SaveError, writtenLine, type OutputPlan } from './output.ts';
import { jsonReport, textReport } from './report.ts';
import { formatTable } from './table.ts';
import { zlibCodec } from './zlibCodec.ts';

/** Like score's: 0 gathered, nothing to look at; 1 gathered, but changes, unused files or data errors to look at; 2 nothing written. */
export const COLLECT_EXIT = { ok: 0, attention: 1, failed: 2 } as const;

interface CollectOptions {
  output?: string;
  inPlace?: boolean;
  force?: boolean;
  score?: boolean;
  json?: boolean;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

export const gatheredName = (input: string): string => `${input.replace(/\.xlsx$/i, '')}.gathered.xlsx`;

/** Files a folder gives: spreadsheets only, without office lock files and our own backups. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|et|ods)$/i;
const isLockFile = (name: string) => name.startsWith('~$') || name.startsWith('.~lock.');

const pad2 = (n: number) => String(n).padStart(2, '0');
export const localTime = (d: Date): string =>
  `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

async function gatherInputs(master: string, inputs: string[], io: Io): Promise<ReturnedFile[]> {
  const masterPath = path.resolve(master);
  const out: ReturnedFile[] = [];
  const add = async (file: string) => {
    try {
      out.push({ file: path.basename(file), bytes: new Uint8Array(await readFile(file)) });
    } catch (e) {
      const message = describeOsError(e, file, 'read');
      if (message === null) throw e;
      out.push({ file: path.basename(file), bytes: new Uint8Array() });
      io.err(message);
    }
  };
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      // reading it says why
    }
    if (!isDir) {
      await add(input);
      continue;
    }
    const names = (await readdir(input)).filter((n) => SPREADSHEET.test(n) && !isLockFile(n) && !/\.(bak|gathered|scored)\.xlsx$/i.test(n)).sort();
    for (const n of names) {
      const file = path.join(input, n);
      if (path.resolve(file) !== masterPath) await add(file);
    }
  }
  return out;
}

function collectJson(r: CollectResult) {
  return {
    units: r.gather.units.map((u) => ({
      unit: u.unit, status: u.status, files: u.files, gatheredAt: u.gatheredAt, taken: u.taken,
      changes: u.changes.map(({ code, params, message }) => ({ code, params, message })),
      notes: u.notes.map(({ code, params, message }) => ({ code, params, message })),
    })),
    files: r.gather.files.map((f) => ({ file: f.file, unit: f.unit, used: f.used, reason: f.reason && { code: f.reason.code, params: f.reason.params, message: f.reason.message } })),
    missing: r.gather.units.filter((u) => u.status === '未收回').map((u) => u.unit),
    entriesWritten: r.gather.entryWrites,
    ...(r.scored ? { score: jsonReport(r.scored) } : {}),
  };
}

function collectText(r: CollectResult): string {
  const out = [formatTable(['单位', '状态', '采用填报', '文件'], r.gather.units.map((u) => [u.unit, u.status, u.status === '未收回' ? '' : String(u.taken), u.files.join('、')]), [false, false, true, false])];
  const changes = r.gather.units.flatMap((u) => u.changes);
  if (changes.length) out.push('', `改动（未复制到主表，主表保留下达的内容）(${changes.length}) / changes, not copied:`, ...changes.map((c) => c.message));
  const notes = r.gather.units.flatMap((u) => u.notes).filter((n) => n.code !== 'duplicate');
  const unused = r.gather.files.filter((f) => !f.used);
  const reasons = [...new Set([...unused.map((f) => f.reason?.message ?? ''), ...notes.map((n) => n.message)])].filter(Boolean);
  if (reasons.length) out.push('', `未采用与提醒 (${reasons.length}) / not used, notes:`, ...reasons);
  const missing = r.gather.units.filter((u) => u.status === '未收回').map((u) => u.unit);
  out.push('', missing.length ? `未收回 (${missing.length})：${missing.join('、')}` : '全部单位都已收回 / every unit has returned');
  if (r.scored) out.push('', textReport(r.scored));
  return out.join('\n');
}

async function runCollect(master: string, inputs: string[], opts: CollectOptions, io: Io): Promise<number> {
  let plan: OutputPlan;
  try {
    plan = planOutput({ input: master, output: opts.output, defaultName: gatheredName, force: opts.force, inPlace: opts.inPlace, inPlaceAllowed: true });
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return COLLECT_EXIT.failed;
    }
    throw e;
  }
  plan.warnings.forEach((w) => io.err(w));
  const bytes = await readInputFile(master, (line) => io.err(line));
  if (bytes === null) return COLLECT_EXIT.failed;
  const returns = await gatherInputs(master, inputs, io);
  let result: CollectResult;
  try {
    result = collectXlsx(bytes, returns, { now: localTime(new Date()), codec: zlibCodec, score: opts.score });
  } catch (e) {
    if (e instanceof XlsxRefusal) {
      io.err(`${path.basename(master)}：${e.message}`);
      return COLLECT_EXIT.failed;
    }
    throw e;
  }
  let backup: string | null;
  try {
    backup = await saveOutput(plan, result.output);
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return COLLECT_EXIT.failed;
    }
    throw e;
  }
  if (opts.json) io.out(JSON.stringify(collectJson(result), null, 2));
  else {
    io.out(collectText(result));
    io.out('');
    io.out(`已写入 / written: ${writtenLine(plan, backup)}`);
  }
  const attention = result.gather.files.some((f) => !f.used) || result.gather.units.some((u) => u.changes.length > 0 || u.notes.length > 0) ||
    (result.scored?.issues.some((i) => i.severity === 'error') ?? false);
  return attention ? COLLECT_EXIT.attention : COLLECT_EXIT.ok;
}

export function addCollectCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('collect')
    .argument('<master.xlsx>', '主表 / the master workbook')
    .argument('<returns...>', '各单位交回的文件，或存放它们的文件夹 / the returned files, or folders holding them')
    .description('汇集：把各单位交回的填报写入主表 / gather the units\u2019 returns into the master')
    .option('-o, --output <out.xlsx>', '结果文件（默认：与主表同目录的 <名称>.gathered.xlsx）/ output file (default <name>.gathered.xlsx)')
    .option('--in-place', '直接改写主表：先写临时文件并校验，再替换，原文件保留为 <名称>.bak.xlsx / overwrite the master safely, keeping <name>.bak.xlsx')
    .option('--force', '结果文件已存在时覆盖它 / overwrite an existing output file')
    .option('--score', '汇集后接着计分 / score the gathered master too')
    .addOption(new Option('--json', '以 JSON 输出 {units, files, missing} / print {units, files, missing[, score]} as JSON'))
    .addHelpText('after', `
只从回收文件取单位的填报（实际完成、自评分、佐证材料），按序号和考核内容对应到主表的同一行；单位改动的下达内容
（目标值、细项分值……）逐格列出，不会复制到主表。主表只改填报单元格和“收回情况”工作表，其他部件逐字节保留。
Only the unit's entries are taken, matched to the master's rows by content; every issued cell a unit changed is
listed and never copied. Only the entry cells and the 收回情况 sheet of the master change.
${OVERWRITE_HELP}
退出码 / exit codes:
  0  汇集完成，没有要核对的 / gathered, nothing to look at（未收回的单位不算）
  1  汇集完成，但有改动、未采用的文件或（--score）数据错误 / gathered, with changes, unused files or data errors
  2  未写出：主表不可用、没有考核表、结果文件已存在（未加 --force）或无法写出 / nothing written

示例 / example:
  target-scorer collect 2014年度考核.xlsx 收回/
  target-scorer collect 2014年度考核.xlsx 收回/*.xlsx --in-place --score`)
    .action(async (master: string, inputs: string[], opts: CollectOptions) => setExit(await runCollect(master, inputs, opts, io)));
}

