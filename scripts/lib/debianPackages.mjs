// Programs the project's scripts drive, found on this machine or installed from Debian: as root on Debian the
// missing ones are installed with apt-get; anywhere else the script stops with one line naming the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function onPath(bin) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, bin)));
}

/** A font that covers Chinese, for screenshots and LibreOffice renderings that show characters, not boxes. */
export function hasChineseFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

export const CHROMIUM = { name: 'chromium', found: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' };
export const SOFFICE = { name: 'soffice', found: () => onPath('soffice'), pkg: 'libreoffice-calc-nogui' };
export const XMLLINT = { name: 'xmllint', found: () => onPath('xmllint'), pkg: 'libxml2-utils' };
export const POPPLER = { name: 'pdftoppm', found: () => onPath('pdftoppm') && onPath('pdftotext'), pkg: 'poppler-utils' };
export const CHINESE_FONT = { name: 'a Chinese font', found: hasChineseFont, pkg: 'fonts-wqy-microhei' };

/** Makes sure every tool is there, installing the missing ones when that is possible; exits with one line if not. */
export function ensurePackages(tools, purpose) {
  const missing = tools.filter((t) => !t.found());
  if (missing.length === 0) return;
  const pkgs = missing.map((t) => t.pkg);
  const names = missing.map((t) => t.name).join(', ');
  const asRootOnDebian = existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!asRootOnDebian) {
    console.error(`${purpose.zh}需要 ${names}，请先运行 / ${purpose.en} need ${names}; run: sudo apt-get install -y ${pkgs.join(' ')}`);
    process.exit(1);
  }
  console.log(`安装${purpose.zh}所需的程序 / installing what ${purpose.en} need: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} 失败 / failed (exit ${r.status}); run: apt-get install -y ${pkgs.join(' ')}`);
      process.exit(1);
    }
  }
  const still = tools.filter((t) => !t.found()).map((t) => t.name);
  if (still.length > 0) {
    console.error(`安装后仍找不到 / still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
}
