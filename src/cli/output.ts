import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openXlsx } from '../xlsx/index.ts';
import { zlibCodec } from './zlibCodec.ts';

/** The file operations an in-place save uses; tests swap one for a failing one. */
export interface SaveSteps {
  writeTemp(file: string, bytes: Uint8Array): Promise<void>;
  verify(file: string, expected: Uint8Array): Promise<void>;
  backup(from: string, to: string): Promise<void>;
  replace(temp: string, target: string): Promise<void>;
}

export const realSteps: SaveSteps = {
  writeTemp: (file, bytes) => writeFile(file, bytes),
  async verify(file, expected) {
    const back = new Uint8Array(await readFile(file));
    if (back.length !== expected.length || back.some((b, i) => b !== expected[i])) throw new Error('写入的文件与计分结果不一致');
    openXlsx(back, { codec: zlibCodec }).readSheets();
  },
  backup: (from, to) => copyFile(from, to),
  replace: (temp, target) => rename(temp, target),
};

export class SaveError extends Error {}

const stem = (file: string) => file.replace(/\.xlsx$/i, '');

export const scoredName = (input: string): string => `${stem(input)}.scored.xlsx`;
export const backupName = (input: string): string => `${stem(input)}.bak.xlsx`;

/**
 * Replaces the input only after the new bytes are on disk and read back intact; the original is kept
 * as <name>.bak.xlsx. A failure at any step leaves the original untouched.
 */
export async function saveInPlace(input: string, bytes: Uint8Array, steps: SaveSteps = realSteps): Promise<string> {
  const temp = path.join(path.dirname(input), `.${path.basename(input)}.${process.pid}.tmp`);
  const bak = backupName(input);
  let step = '写入临时文件';
  let backedUp = false;
  try {
    await steps.writeTemp(temp, bytes);
    step = '校验临时文件';
    await steps.verify(temp, bytes);
    step = '备份原文件';
    await steps.backup(input, bak);
    backedUp = true;
    step = '替换原文件';
    await steps.replace(temp, input);
    return bak;
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const where = backedUp ? `原文件未改动，另有备份在 ${bak}` : '原文件未改动';
    throw new SaveError(`保存失败（${step}）：${(e as Error).message}。${where}。`);
  }
}

export async function saveCopy(output: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(output, bytes);
  } catch (e) {
    throw new SaveError(`无法写入 ${output}：${(e as Error).message}`);
  }
}
