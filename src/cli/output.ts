import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { openXlsx } from '../xlsx/index.ts';
import { describeOsError, osErrorParts } from './osErrors.ts';
import { zlibCodec } from './zlibCodec.ts';

/** The file operations a save uses; tests swap one for a failing one. */
export interface SaveSteps {
  writeTemp(file: string, bytes: Uint8Array): Promise<void>;
  verify(file: string, expected: Uint8Array): Promise<void>;
  backup(from: string, to: string): Promise<void>;
  replace(temp: string, target: string): Promise<void>;
}

export const realSteps: SaveSteps = {
  writeTemp: (file, bytes) => writeFile(file, bytes),
  async verify(file, expected) {
    const back = await readFile(file);
    if (!back.equals(expected)) throw new Error('写入的文件与计分结果不一致');
    // The bytes are the ones built in memory; opening them checks the package, without reading every sheet again.
    openXlsx(new Uint8Array(back.buffer, back.byteOffset, back.length), { codec: zlibCodec });
  },
  backup: (from, to) => copyFile(from, to),
  replace: (temp, target) => rename(temp, target),
};

/** A refusal or a failed save: the message says what happened and what to do; nothing was lost. */
export class SaveError extends Error {}

const stem = (file: string) => file.replace(/\.xlsx$/i, '');

export const scoredName = (input: string): string => `${stem(input)}.scored.xlsx`;
export const backupName = (input: string): string => `${stem(input)}.bak.xlsx`;

const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';

/** Whether two paths name one existing file, however they are spelt (relative, via links, in another letter case). */
export function sameFile(a: string, b: string): boolean {
  try {
    const [ra, rb] = [realpathSync.native(a), realpathSync.native(b)];
    return caseInsensitive ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
  } catch {
    return false; // one of them does not exist, so they are not the same file
  }
}

const realPathOr = (file: string): string => {
  try {
    return realpathSync.native(file);
  } catch {
    return file; // reading it will say why it cannot be had
  }
};

/**
 * The lock file an office program keeps beside a workbook it has open: ~$name.xlsx (Excel, WPS) or
 * .~lock.name.xlsx# (LibreOffice). Null when there is none.
 */
export function openBy(file: string): { program: string; lockFile: string } | null {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const locks: [string, string][] = [[`~$${base}`, 'Excel 或 WPS'], [`.~lock.${base}#`, 'LibreOffice']];
  for (const [name, program] of locks) {
    const lockFile = path.join(dir, name);
    if (existsSync(lockFile)) return { program, lockFile };
  }
  return null;
}

const openMessage = (file: string, open: { program: string; lockFile: string }, what: string) =>
  `${file} 正在 ${open.program} 中打开（找到锁定文件 ${path.basename(open.lockFile)}），${what}请先在 ${open.program} 中关闭它再重试；` +
  `如果已经关闭，这个锁定文件是程序异常退出时留下的，删除它即可。/ ${file} is open in ${open.program === 'LibreOffice' ? 'LibreOffice' : 'Excel or WPS'} ` +
  `(lock file ${path.basename(open.lockFile)}); close it and try again, or delete the lock file if the program is already closed.`;

/** The overwrite rule as both commands' --help states it. */
export const OVERWRITE_HELP = `
覆盖规则 / overwriting:
  已存在的结果文件不会被覆盖，除非加 --force；-o 指向输入文件本身时等同 --in-place（原文件保留为 <名称>.bak.xlsx）。
  工作簿正在 Excel、WPS 或 LibreOffice 中打开（旁边有 ~$名称.xlsx 或 .~lock.名称.xlsx# 锁定文件）时，
  不改写它；只读取它时给出提醒，因为未保存的修改不会计入。
  An existing output is replaced only with --force; -o naming the input means --in-place (with a backup). A workbook
  open in Excel, WPS or LibreOffice (its lock file is beside it) is never written; reading one gives a warning.
`;

export interface OutputRequest {
  input: string;
  /** -o as given; undefined for the command's default name. */
  output?: string;
  defaultName: (input: string) => string;
  force?: boolean;
  inPlace?: boolean;
  /** Whether the command can replace its input (score can; import reads a different kind of file). */
  inPlaceAllowed: boolean;
}

export interface OutputPlan {
  target: string;
  inPlace: boolean;
  /** An existing file that --force lets us replace. */
  replaces: boolean;
  /** Said on stderr; the command goes on. */
  warnings: string[];
}

/**
 * The one overwrite rule of every command that writes a workbook, decided before any work is done:
 * - the output is the input itself (--in-place, or -o naming it) → replaced safely, the original kept as .bak.xlsx;
 *   refused while the input is open in an office program, since its next save would undo ours;
 * - any other existing file is replaced only with --force, never while it is open (its lock file exists);
 * - writing a copy of a workbook that is open goes on with a warning: unsaved edits are not in the file.
 */
export function planOutput(req: OutputRequest): OutputPlan {
  const target = req.output ?? req.defaultName(req.input);
  if (req.inPlace && req.output !== undefined && !sameFile(req.input, req.output)) {
    throw new SaveError('不能同时使用 -o 和 --in-place。/ -o and --in-place cannot be used together.');
  }
  const inPlace = !!req.inPlace || sameFile(req.input, target);
  const inputOpen = openBy(req.input);
  if (inPlace) {
    if (!req.inPlaceAllowed) throw new SaveError('输出文件不能是输入文件本身。/ The output must not be the input file.');
    if (inputOpen) throw new SaveError(openMessage(req.input, inputOpen, '改写它会与该程序下次保存互相覆盖。'));
    // Through a link, the file it points to is replaced (and backed up beside it), not the link.
    return { target: realPathOr(req.input), inPlace: true, replaces: true, warnings: [] };
  }
  const targetOpen = openBy(target);
  if (targetOpen) throw new SaveError(openMessage(target, targetOpen, '不能覆盖它。'));
  let replaces = false;
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new SaveError(writeFailure({ code: 'EISDIR' }, target));
    if (!req.force) {
      throw new SaveError(`${target} 已存在，未改动。要覆盖它请加 --force，或用 -o 换一个文件名。` +
        `/ ${target} exists and was left alone; add --force to overwrite it, or choose another name with -o.`);
    }
    replaces = true;
  }
  const warnings = inputOpen
    ? [`提醒：${req.input} 正在 ${inputOpen.program} 中打开；读取的是它最后一次保存的内容，未保存的修改不会计入。` +
      `/ Note: ${req.input} is open in another program; its last saved version is read, unsaved edits are not.`]
    : [];
  return { target, inPlace: false, replaces, warnings };
}

const writeFailure = (e: unknown, file: string): string =>
  describeOsError(e, file, 'write') ?? `无法写入 ${file}：${(e as Error).message}`;

const tempBeside = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);

/**
 * Replaces the input only after the new bytes are on disk and read back intact; the original is kept
 * as <name>.bak.xlsx. A failure at any step leaves the original untouched.
 */
export async function saveInPlace(input: string, bytes: Uint8Array, steps: SaveSteps = realSteps): Promise<string> {
  const temp = tempBeside(input);
  const bak = backupName(input);
  let step: [zh: string, en: string, file: string] = ['写入临时文件', 'writing the temporary file', input];
  let backedUp = false;
  try {
    await steps.writeTemp(temp, bytes);
    step = ['校验临时文件', 'checking the temporary file', input];
    await steps.verify(temp, bytes);
    step = ['备份原文件', 'backing up the original', bak];
    await steps.backup(input, bak);
    backedUp = true;
    step = ['替换原文件', 'replacing the original', input];
    await steps.replace(temp, input);
    return bak;
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const os = osErrorParts(e, step[2], 'write');
    const [zh, en] = os ? [os.zh, os.en] : [(e as Error).message, (e as Error).message];
    const where = backedUp ? [`原文件未改动，另有备份在 ${bak}`, `the original is unchanged, and backed up in ${bak}`] : ['原文件未改动', 'the original is unchanged'];
    throw new SaveError(`保存失败（${step[0]}）：${zh}。${where[0]}。/ Saving failed (${step[1]}): ${en}; ${where[1]}.`);
  }
}

/**
 * Writes a new file, or replaces one the plan allowed: the bytes go to a temporary file beside it, are read back,
 * and only then take the name, so a failure never leaves a half-written workbook or destroys the file it replaces.
 */
export async function saveCopy(output: string, bytes: Uint8Array, steps: SaveSteps = realSteps): Promise<void> {
  const temp = tempBeside(output);
  try {
    await steps.writeTemp(temp, bytes);
    await steps.verify(temp, bytes);
    await steps.replace(temp, output);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new SaveError(writeFailure(e, output));
  }
}

/** Writes what a plan decided; returns the backup's path for an in-place save. */
export async function saveOutput(plan: OutputPlan, bytes: Uint8Array): Promise<string | null> {
  if (plan.inPlace) return saveInPlace(plan.target, bytes);
  await saveCopy(plan.target, bytes);
  return null;
}

/** The path written, and what became of a file that was there: the backup of an in-place save, or "replaced". */
export function writtenLine(plan: OutputPlan, backup: string | null): string {
  if (backup) return `${plan.target}（原文件备份 / backup: ${backup}）`;
  return plan.replaces ? `${plan.target}（替换了原有文件 / replaced the existing file）` : plan.target;
}
