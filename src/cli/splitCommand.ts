import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { splitMaster, type UnitFile } from '../cycle/split.ts';
import { XlsxRefusal } from '../xlsx/index.ts';
import { describeOsError, readInputFile } from './osErrors.ts';
import { planOutput, saveCopy, SaveError, type OutputPlan } from './output.ts';
import { formatTable } from './table.ts';
import { zlibCodec } from './zlibCodec.ts';

/** 0: every unit's file written; 2: nothing written. */
export const SPLIT_EXIT = { ok: 0, failed: 2 } as const;

interface SplitOptions {
  output?: string;
  password?: string;
  force?: boolean;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

export const splitFolderName = (input: string): string => `${input.replace(/\.xlsx$/i, '')}.分发`;

async function runSplit(input: string, opts: SplitOptions, io: Io): Promise<number> {
  const bytes = await readInputFile(input, (line) => io.err(line));
  if (bytes === null) return SPLIT_EXIT.failed;
  let files: UnitFile[];
  try {
    files = splitMaster(bytes, { password: opts.password, codec: zlibCodec }).files;
  } catch (e) {
    if (e instanceof XlsxRefusal) {
      io.err(`${path.basename(input)}：${e.message}`);
      return SPLIT_EXIT.failed;
    }
    throw e;
  }
  const folder = opts.output ?? splitFolderName(input);
  // Every target is checked before the first is written, so a refusal leaves no half-issued folder.
  let plans: OutputPlan[];
  try {
    await mkdir(folder, { recursive: true });
    plans = files.map((f) => planOutput({ input, output: path.join(folder, f.fileName), defaultName: () => '', force: opts.force, inPlaceAllowed: false }));
    for (const [i, f] of files.entries()) await saveCopy(plans[i].target, f.bytes);
  } catch (e) {
    if (e instanceof SaveError) {
      io.err(e.message);
      return SPLIT_EXIT.failed;
    }
    const message = describeOsError(e, folder, 'write');
    if (message === null) throw e;
    io.err(message);
    return SPLIT_EXIT.failed;
  }
  io.out(formatTable(['单位', '可填单元格', '文件'], files.map((f, i) => [f.unit, String(f.entries), plans[i].target]), [false, true, false]));
  io.out('');
  io.out(`已写入 ${files.length} 个单位的填报文件 / wrote ${files.length} unit files: ${folder}` +
    (opts.password ? '（工作表已用密码保护 / sheets protected with the password）' : '（工作表已保护，无密码 / sheets protected, no password）'));
  return SPLIT_EXIT.ok;
}

export function addSplitCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('split')
    .argument('<master.xlsx>', '主表：含各单位考核表的工作簿 / the master workbook')
    .description('分发：每个单位一个填报工作簿 / issue one workbook per unit')
    .option('-o, --output <folder>', '写到这个文件夹（默认：与主表同目录的 <名称>.分发/）/ output folder (default <name>.分发/ beside the master)')
    .option('--password <P>', '工作表保护密码（可选；英文字母、数字和标点）/ sheet protection password (optional, ASCII)')
    .option('--force', '文件夹中已有同名文件时覆盖 / overwrite existing unit files')
    .addHelpText('after', `
每个文件只含本单位的考核表（和填报说明），与主表中的样子完全相同；只有实际完成、自评分、佐证材料可以填写，
其他单元格都被工作表保护锁定；得分、说明、项目得分、考核意见是空的。文件的自定义属性记下了分发的内容，汇集时据此核对。
Each file holds the unit's sheet (and 填报说明) exactly as in the master; only the unit's entries are unlocked, the
assessor's columns are empty, and what was issued is recorded in the file's custom properties.

退出码 / exit codes: 0 已写出全部单位文件 / all written; 2 未写出（主表不可用、没有考核表、文件已存在未加 --force 或无法写入）/ nothing written

示例 / example:
  target-scorer split 2014年度考核.xlsx
  target-scorer split 2014年度考核.xlsx -o 下发 --password 2014`)
    .action(async (input: string, opts: SplitOptions) => setExit(await runSplit(input, opts, io)));
}
