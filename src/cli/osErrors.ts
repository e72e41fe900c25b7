import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the command was doing with the file when the operating system refused. */
export type FileAction = 'read' | 'write';

const VERB = { read: ['读取', 'read'], write: ['写入', 'write'] } as const;

const OPEN_ELSEWHERE_ZH = '如果它正在 Excel、WPS 或其他程序中打开，请先关闭';
const OPEN_ELSEWHERE_EN = 'if it is open in Excel, WPS or another program, close it first';

/** Reason and what to do, in Chinese and English, for each error code a file read or write can meet. */
function explain(code: string, file: string, action: FileAction): [string, string] | null {
  const dir = path.dirname(file);
  switch (code) {
    case 'ENOENT':
      return action === 'read'
        ? ['文件不存在。请检查路径和文件名（可以把文件拖进命令行窗口，得到完整路径）',
          'the file does not exist; check the path and the name (dragging the file into the terminal gives its full path)']
        : [`文件夹 ${dir} 不存在。请先建好这个文件夹，或用 -o 写到已有的文件夹`,
          `the folder ${dir} does not exist; create it first or write elsewhere with -o`];
    case 'EACCES':
    case 'EPERM':
      return action === 'read'
        ? [`没有读取它的权限。请把文件复制到自己的文件夹（如桌面）后重试；${OPEN_ELSEWHERE_ZH}`,
          `permission denied; copy the file into a folder of your own (the desktop, say) and try again; ${OPEN_ELSEWHERE_EN}`]
        : [`没有写入权限：文件或文件夹 ${dir} 是只读的或属于其他用户。请用 -o 写到自己有权限的文件夹（如桌面）；${OPEN_ELSEWHERE_ZH}`,
          `permission denied: the file or the folder ${dir} is read-only or someone else's; write to a folder of your own with -o; ${OPEN_ELSEWHERE_EN}`];
    case 'EISDIR':
      return action === 'read'
        ? ['这是一个文件夹，不是文件。请给出 .xlsx 文件的路径', 'this is a folder, not a file; give the path of the .xlsx file']
        : [`已有一个同名的文件夹，不能写成文件。请用 -o 写上文件名（如 ${path.join(file, '结果.xlsx')}），或把这个文件夹改名`,
          `a folder of that name exists and cannot be written as a file; give a file name with -o (such as ${path.join(file, 'result.xlsx')}) or rename the folder`];
    case 'ENOTDIR':
      return ['路径中有一级是文件而不是文件夹。请检查路径中的各级文件夹名',
        'a part of the path is a file, not a folder; check the folder names in the path'];
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return [`文件正被其他程序占用。${OPEN_ELSEWHERE_ZH}，然后重试`, `the file is in use by another program; ${OPEN_ELSEWHERE_EN}, then try again`];
    case 'ENOSPC':
    case 'EDQUOT':
      return ['磁盘空间不足（或超出了磁盘配额）。请清理磁盘，或用 -o 写到其他磁盘',
        'the disk is full (or the quota is used up); free some space or write to another disk with -o'];
    case 'EROFS':
      return ['所在的磁盘是只读的（如光盘、写保护的 U 盘或只读的网络共享）。请用 -o 写到其他位置',
        'the disk is read-only (a CD, a write-protected USB stick, a read-only share); write elsewhere with -o'];
    case 'ENAMETOOLONG':
      return ['路径太长。请把文件移到层级较浅的文件夹，或改用较短的文件名', 'the path is too long; move the file to a shallower folder or use a shorter name'];
    case 'ELOOP':
      return ['路径中的快捷方式（符号链接）循环指向自己。请给出文件的实际位置', 'a symbolic link in the path points back to itself; give the real location'];
    case 'EMFILE':
    case 'ENFILE':
      return ['系统打开的文件太多。请关闭一些程序后重试', 'too many files are open; close some programs and try again'];
    case 'EIO':
      return ['磁盘读写出错（磁盘、U 盘或网络共享可能有故障）。请把文件复制到本机硬盘后重试',
        'an input/output error (the disk, USB stick or network share may be failing); copy the file to a local disk and try again'];
    default:
      return null;
  }
}

/** The error's system code (EACCES, ENOENT, …), or undefined when it is not an operating-system error. */
export const osErrorCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
};

/**
 * Why the operating system refused and what to do, in Chinese and in English, without the file's name;
 * null for anything that is not an operating-system error.
 */
export function osErrorParts(e: unknown, file: string, action: FileAction): { zh: string; en: string } | null {
  const code = osErrorCode(e);
  if (code === undefined) return null;
  const known = explain(code, file, action);
  if (known) return { zh: known[0], en: known[1] };
  // An error we have no words for still gets a sentence and its system text, never a bare code.
  const detail = String((e as Error).message ?? '').replace(/^[A-Z]+: /, '') || code;
  return { zh: `系统错误 ${code}（${detail}）。请检查文件和所在文件夹后重试`, en: `system error ${code} (${detail}); check the file and its folder` };
}

/**
 * A file error as the user should read it: what failed, why, and what to do, in Chinese and then in English.
 * Every command (score, import and the others) reports read and write failures through this one function.
 * Returns null for anything that is not an operating-system error.
 */
export function describeOsError(e: unknown, file: string, action: FileAction): string | null {
  const parts = osErrorParts(e, file, action);
  if (!parts) return null;
  const [zhVerb, enVerb] = VERB[action];
  return `无法${zhVerb} ${file}：${parts.zh}。/ Cannot ${enVerb} ${file}: ${parts.en}.`;
}

/** The input file's bytes, or null after telling the user in Chinese why it cannot be read (an unknown error is thrown). */
export async function readInputFile(file: string, err: (line: string) => void): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const message = describeOsError(e, file, 'read');
    if (message === null) throw e;
    err(message);
    return null;
  }
}
