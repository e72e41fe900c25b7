// Builds the WPS add-in into dist/wps/: the add-in folder <name>_<version>/ (manifest.xml, ribbon.xml, index.html,
// the task pane, two classic scripts) and the install and uninstall scripts beside it. Classic scripts, not
// modules: WPS may serve the folder from file:, where module scripts are refused.
import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const WPS_FOLDER = `${name}_${version}`;
const OUT = join(ROOT, 'dist/wps');
const ADDIN = join(OUT, WPS_FOLDER);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(ADDIN, 'images'), { recursive: true });

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // WPS's embedded Chromium trails the desktop browsers by years.
  target: 'chrome69',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};
await build({ ...common, entryPoints: [join(ROOT, 'wps/ribbon.ts')], outfile: join(ADDIN, 'js/ribbon.js') });
await build({ ...common, entryPoints: [join(ROOT, 'wps/taskpane.ts')], outfile: join(ADDIN, 'js/taskpane.js') });

for (const file of ['manifest.xml', 'ribbon.xml', 'index.html', 'taskpane.html']) cpSync(join(ROOT, 'wps', file), join(ADDIN, file));
for (const image of ['score.png', 'pane.png']) cpSync(join(ROOT, 'addin/assets/icon-32.png'), join(ADDIN, 'images', image));

// The scripts find the folder by this name; the build writes it in.
// Windows PowerShell 5 reads a script without a byte-order mark in the ANSI code page, which garbles Chinese.
for (const script of ['install.sh', 'uninstall.sh', 'install.ps1', 'uninstall.ps1', 'install.cmd', 'uninstall.cmd']) {
  const text = readFileSync(join(ROOT, 'wps/install', script), 'utf8').replaceAll('@NAME@', name).replaceAll('@VERSION@', version);
  writeFileSync(join(OUT, script), script.endsWith('.ps1') ? `\ufeff${text}` : text);
  if (script.endsWith('.sh')) chmodSync(join(OUT, script), 0o755);
}
// Notepad reads UTF-8 with a byte-order mark and CRLF line ends in any version.
writeFileSync(join(OUT, '安装说明.txt'), `\ufeff${readFileSync(join(ROOT, 'wps/install/README.txt'), 'utf8').replace(/\r?\n/g, '\r\n')}`);
console.log(`dist/wps/${WPS_FOLDER}/`);
