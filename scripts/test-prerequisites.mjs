// The first step of `npm test`: makes a fresh clone testable with nothing run before.
// 1. The programs the suites drive (Chromium, LibreOffice, xmllint, poppler): on Debian as root, missing ones are
//    installed with apt-get; otherwise it stops with one line naming the command to run. No suite is ever skipped.
// 2. What the suites read from dist/ (the CLI bundle, the add-in pages, the browser page): rebuilt when missing or
//    when a content hash of its inputs differs from the stamp left by the last build.
// Usage: node scripts/test-prerequisites.mjs            tools, then every build target
//        node scripts/test-prerequisites.mjs --build cli  only that build target (a test file's beforeAll)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Each program the suites need, how to find it, and the Debian package that provides it. */
const TOOLS = [
  { name: 'chromium', found: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' },
  { name: 'soffice', found: () => onPath('soffice'), pkg: 'libreoffice-calc-nogui' },
  { name: 'xmllint', found: () => onPath('xmllint'), pkg: 'libxml2-utils' },
  { name: 'pdftoppm', found: () => onPath('pdftoppm') && onPath('pdftotext'), pkg: 'poppler-utils' },
];

/** What the suites read from dist/: the files a build makes and the inputs that decide whether it is stale. */
const BUILDS = {
  cli: {
    run: ['npm', 'run', 'build:cli'],
    outputs: ['dist/cli/target-scorer.mjs'],
    inputs: ['src', 'scripts/build-cli.mjs', 'package-lock.json'],
  },
  pages: {
    run: ['npm', 'run', 'build'],
    outputs: ['dist/taskpane.html', 'dist/commands.html', 'dist/web/index.html'],
    inputs: ['src', 'addin', 'web', 'scripts/bundle-budget.mjs', 'package-lock.json', 'tsconfig.json'],
  },
};

function onPath(bin) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, bin)));
}

function ensureTools() {
  const missing = TOOLS.filter((t) => !t.found());
  if (missing.length === 0) return;
  const pkgs = missing.map((t) => t.pkg);
  const names = missing.map((t) => t.name).join(', ');
  const asRootOnDebian = existsSync('/etc/debian_version') && process.getuid?.() === 0;
  if (!asRootOnDebian) {
    console.error(`测试需要 ${names}，请先运行 / the tests need ${names}; run: sudo apt-get install -y ${pkgs.join(' ')}`);
    process.exit(1);
  }
  console.log(`安装测试所需的程序 / installing what the tests need: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} 失败 / failed (exit ${r.status}); run: apt-get install -y ${pkgs.join(' ')}`);
      process.exit(1);
    }
  }
  const still = TOOLS.filter((t) => !t.found()).map((t) => t.name);
  if (still.length > 0) {
    console.error(`安装后仍找不到 / still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
}

function filesUnder(path) {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** sha256 over every input's path and bytes; the same tree always gives the same hash, whatever its mtimes. */
function inputHash(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder)) {
    hash.update(`${relative(ROOT, join(ROOT, file)).split('\\').join('/')}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function ensureBuilt(name) {
  const target = BUILDS[name];
  const stamp = join(ROOT, 'dist', `.stamp-${name}`);
  const hash = inputHash(target.inputs);
  const fresh = target.outputs.every((f) => existsSync(join(ROOT, f))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
  if (fresh) return;
  console.log(`构建 / building ${name}: ${target.run.join(' ')}`);
  const r = spawnSync(target.run[0], target.run.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`构建失败 / build failed: ${target.run.join(' ')} (exit ${r.status})`);
    process.exit(1);
  }
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(stamp, hash);
}

const only = process.argv.indexOf('--build');
if (only >= 0) {
  const name = process.argv[only + 1];
  if (!BUILDS[name]) {
    console.error(`unknown build target "${name}"; one of: ${Object.keys(BUILDS).join(', ')}`);
    process.exit(2);
  }
  ensureBuilt(name);
} else {
  ensureTools();
  for (const name of Object.keys(BUILDS)) ensureBuilt(name);
}
