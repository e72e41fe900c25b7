// The first step of `npm test`: makes a fresh clone testable with nothing run before.
// 1. The programs the suites drive (Chromium, LibreOffice, xmllint, poppler): on Debian as root, missing ones are
//    installed with apt-get; otherwise it stops with one line naming the command to run. No suite is ever skipped.
// 2. What the suites read from dist/ (the CLI bundle, the add-in pages, the browser page): rebuilt when missing or
//    when a content hash of its inputs differs from the stamp left by the last build.
// Usage: node scripts/test-prerequisites.mjs            tools, then every build target
//        node scripts/test-prerequisites.mjs --build cli  only that build target (a test file's beforeAll)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, ensurePackages, POPPLER, SOFFICE, XMLLINT } from './lib/debianPackages.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The programs the suites drive. */
const TOOLS = [CHROMIUM, SOFFICE, XMLLINT, POPPLER];

/** What the suites read from dist/: the files a build makes and the inputs that decide whether it is stale. */
const BUILDS = {
  cli: {
    run: ['npm', 'run', 'build:cli'],
    outputs: ['dist/cli/target-scorer.mjs'],
    inputs: ['src', 'scripts/build-cli.mjs', 'package.json', 'package-lock.json'],
  },
  wps: {
    run: ['node', 'scripts/build-wps.mjs'],
    outputs: [`dist/wps/${PACKAGE.name}_${PACKAGE.version}/js/ribbon.js`, `dist/wps/${PACKAGE.name}_${PACKAGE.version}/js/taskpane.js`],
    inputs: ['src', 'addin', 'wps', 'scripts/build-wps.mjs', 'package.json', 'package-lock.json'],
  },
  pages: {
    run: ['npm', 'run', 'build'],
    outputs: ['dist/taskpane.html', 'dist/commands.html', 'dist/web/index.html'],
    inputs: ['src', 'addin', 'web', 'scripts/bundle-budget.mjs', 'package-lock.json', 'tsconfig.json'],
  },
};

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
    hash.update(`${file.split('\\').join('/')}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `work` (and returns what it returns) while holding dist/.lock-<name>, so that test files building at the same time take turns. */
function withLock(name, work) {
  const lock = join(ROOT, 'dist', `.lock-${name}`);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes belongs to a build that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ensureBuilt(name) {
  if (!withLock(name, () => buildIfStale(name))) process.exit(1);
}

function buildIfStale(name) {
  const target = BUILDS[name];
  const stamp = join(ROOT, 'dist', `.stamp-${name}`);
  const hash = inputHash(target.inputs);
  const fresh = target.outputs.every((f) => existsSync(join(ROOT, f))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
  if (fresh) return true;
  console.log(`构建 / building ${name}: ${target.run.join(' ')}`);
  const r = spawnSync(target.run[0], target.run.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`构建失败 / build failed: ${target.run.join(' ')} (exit ${r.status})`);
    return false;
  }
  writeFileSync(stamp, hash);
  return true;
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
  ensurePackages(TOOLS, { zh: '测试', en: 'the tests' });
  for (const name of Object.keys(BUILDS)) ensureBuilt(name);
}
