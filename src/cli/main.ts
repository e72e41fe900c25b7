import path from 'node:path';
import { Command, Option } from 'commander';
import { scoreXlsxAsync, XlsxRefusal } from '../file/scoreXlsx.ts';
import { zlibCodec } from './zlibCodec.ts';
import { addImportCommand } from './importCommand.ts';
import { addSplitCommand } from './splitCommand.ts';
import { addCollectCommand } from './collectCommand.ts';
import { addReportCommand } from './publishCommand.ts';
import { jsonReport, textReport } from './report.ts';
import { readInputFile } from './osErrors.ts';
import { OVERWRITE_HELP, planOutput, saveOutput, SaveError, scoredName, writtenLine, type OutputPlan } from './output.ts';
import { version } from './version.ts';

export const EXIT = { ok: 0, dataErrors: 1, cannotScore: 2 } as const;

interface ScoreOptions {
  output?: string;
  inPlace?: boolean;
  force?: boolean;
  json?: boolean;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

async function runScore(input: string, opts: ScoreOptions, io: Io): Promise<number> {
  let plan: OutputPlan;
  try {
    plan = planOutput({ input, output: opts.output, defaultName: scoredName, force: opts.force, inPlace: opts.inPlace, inPlaceAllowed: true });
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return EXIT.cannotScore;
    }
    throw e;
  }
  plan.warnings.forEach((w) => io.err(w));
  const bytes = await readInputFile(input, (line) => io.err(line));
  if (bytes === null) return EXIT.cannotScore;
  let scored;
  try {
    scored = await scoreXlsxAsync(bytes, { codec: zlibCodec });
  } catch (e) {
    if (e instanceof XlsxRefusal) {
      io.err(`${path.basename(input)}：${e.message}`);
      return EXIT.cannotScore;
    }
    throw e;
  }
  const { result, output } = scored;
  if (!output) {
    if (opts.json) io.out(JSON.stringify(jsonReport(result), null, 2));
    else io.err(result.issues.map((i) => i.message).join('\n'));
    return EXIT.cannotScore;
  }
  let backup: string | null;
  try {
    backup = await saveOutput(plan, output);
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return EXIT.cannotScore;
    }
    throw e;
  }
  if (opts.json) {
    io.out(JSON.stringify(jsonReport(result), null, 2));
  } else {
    io.out(textReport(result));
    io.out('');
    io.out(`已写入 / written: ${writtenLine(plan, backup)}`);
  }
  return result.issues.some((i) => i.severity === 'error') ? EXIT.dataErrors : EXIT.ok;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('target-scorer')
    .description('目标绩效计分：按计分规则（docs/rules.md）给工作簿中的每张考核表计分，写回得分、说明、项目得分与汇总；或从指标表生成考核表。\n' +
      'Target performance scoring: scores every assessment sheet and writes scores, notes, subtotals and 汇总 back; ' +
      'or generates the assessment sheets from an indicator table.')
    .version(version, '-V, --version', '显示版本号 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('score')
    .argument('<in.xlsx>', '要计分的工作簿 / the workbook to score')
    .description('计分并写出结果工作簿 / score a workbook and write the scored copy')
    .option('-o, --output <out.xlsx>', '结果文件（默认：与输入同目录的 <名称>.scored.xlsx）/ output file (default <name>.scored.xlsx beside the input)')
    .option('--in-place', '直接改写输入文件：先写临时文件并校验，再替换，原文件保留为 <名称>.bak.xlsx / overwrite the input safely, keeping <name>.bak.xlsx')
    .option('--force', '结果文件已存在时覆盖它 / overwrite an existing output file')
    .addOption(new Option('--json', '以 JSON 输出 {units, issues} / print {units:[{unit,total,rank,status,subtotals}], issues:[{sheet,cell,severity,message}]}'))
    .addHelpText('after', `
只改写输出单元格（得分、说明、项目得分、案件台账的扣分、汇总表），其他内容逐字节保留。
Only output cells change; every other part of the file is kept byte for byte.
${OVERWRITE_HELP}
退出码 / exit codes:
  0  计分完成，没有数据错误 / scored, no data errors
  1  计分完成，但有数据错误（结果文件照常写出，错误单元格的说明列写明原因）/ scored with data errors (output still written)
  2  无法计分：文件不是可用的 .xlsx（.xls、.xlsb、加密、Strict OOXML、损坏），输出单元格含公式，没有考核表，
     结果文件已存在（未加 --force）或正在打开，或无法写出
     / could not score: unusable file, formula in an output cell, no assessment sheet, the output exists (without
     --force) or is open, or it could not be saved

示例 / example:
  target-scorer score 2014年度考核.xlsx
  target-scorer score 2014年度考核.xlsx --json > 结果.json
  target-scorer score 2014年度考核.xlsx --in-place`)
    .action(async (input: string, opts: ScoreOptions) => setExit(await runScore(input, opts, io)));

  addImportCommand(program, io, setExit);
  addSplitCommand(program, io, setExit);
  addCollectCommand(program, io, setExit);
  addReportCommand(program, io, setExit);
  return program;
}

export async function main(argv: string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === 'commander.helpDisplayed' || ce.code === 'commander.help' || ce.code === 'commander.version') return EXIT.ok;
    if (ce.exitCode !== undefined) return ce.code === 'commander.executeSubCommandAsync' ? ce.exitCode : EXIT.cannotScore;
    io.err(`内部错误，未写出任何文件 / internal error, nothing was written: ${(e as Error).stack ?? e}`);
    return EXIT.cannotScore;
  }
  return code;
}
