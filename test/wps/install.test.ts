import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, FOLDER, ensureWpsBuild, wellFormed, xpath } from './bundle.ts';

// The Linux scripts, run in a temporary HOME as an ordinary user (nobody, when the tests run as root).
const NOBODY = 65534;
const root = process.getuid?.() === 0;
let work = '';
let pkg = '';

beforeAll(() => {
  ensureWpsBuild();
  work = mkdtempSync(join(tmpdir(), 'wps-install-'));
  pkg = join(work, 'wps');
  cpSync(DIST, pkg, { recursive: true });
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name));
}

function freshHome(publish?: string): { home: string; jsaddons: string; publishXml: string } {
  const home = mkdtempSync(join(work, 'home-'));
  const jsaddons = join(home, '.local/share/Kingsoft/wps/jsaddons');
  if (publish !== undefined) {
    mkdirSync(jsaddons, { recursive: true });
    writeFileSync(join(jsaddons, 'publish.xml'), publish);
  }
  return { home, jsaddons, publishXml: join(jsaddons, 'publish.xml') };
}

function run(script: string, home: string, { asRoot = false } = {}) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
  if (asRoot) {
    if (root) return spawnSync('sh', [join(pkg, script)], { env, encoding: 'utf8' });
    // Not root here: an `id` that answers 0 stands in for it.
    const bin = join(work, 'fake-root');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'id'), '#!/bin/sh\necho 0\n');
    chmodSync(join(bin, 'id'), 0o755);
    return spawnSync('sh', [join(pkg, script)], { env: { ...env, PATH: `${bin}:${env.PATH}` }, encoding: 'utf8' });
  }
  if (!root) return spawnSync('sh', [join(pkg, script)], { env, encoding: 'utf8' });
  chownTree(work);
  return spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sh', join(pkg, script)], { env, encoding: 'utf8' });
}

const OTHERS = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="HelloEt" type="et" url="http://127.0.0.1:3889/" debug="" enable="enable_dev" install="null"/>
  <jsplugin name="target-scorer-extra" type="et" url="target-scorer-extra_1.0.0" version="1.0.0" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;

const ours = (file: string) => Number(xpath(file, "count(/jsplugins/*[@name='target-scorer'])"));

describe('install.sh and uninstall.sh', () => {
  it('copy the folder and merge one entry into publish.xml, keeping the others; uninstall restores the file', () => {
    const { home, jsaddons, publishXml } = freshHome(OTHERS);
    mkdirSync(join(jsaddons, 'target-scorer_0.0.1'));
    mkdirSync(join(jsaddons, 'target-scorer-extra_1.0.0'));

    const first = run('install.sh', home);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(wellFormed(publishXml)).toEqual({ ok: true, errors: '' });
    expect(ours(publishXml)).toBe(1);
    const entry = "/jsplugins/jsplugin[@name='target-scorer']";
    expect(xpath(publishXml, `string(${entry}/@type)`)).toBe('et');
    expect(xpath(publishXml, `string(${entry}/@url)`)).toBe(FOLDER);
    expect(xpath(publishXml, 'count(/jsplugins/*)')).toBe('3');
    for (const line of OTHERS.split('\n').filter((l) => l.includes('<jsplugin'))) expect(readFileSync(publishXml, 'utf8')).toContain(line);
    expect(existsSync(join(jsaddons, FOLDER, 'ribbon.xml'))).toBe(true);
    expect(existsSync(join(jsaddons, FOLDER, 'js/ribbon.js'))).toBe(true);
    expect(existsSync(join(jsaddons, 'target-scorer_0.0.1'))).toBe(false);
    expect(existsSync(join(jsaddons, 'target-scorer-extra_1.0.0'))).toBe(true);

    const installed = readFileSync(publishXml, 'utf8');
    expect(run('install.sh', home).status).toBe(0);
    expect(readFileSync(publishXml, 'utf8')).toBe(installed);

    const gone = run('uninstall.sh', home);
    expect(gone.status).toBe(0);
    expect(readFileSync(publishXml, 'utf8')).toBe(OTHERS);
    expect(readdirSync(jsaddons).sort()).toEqual(['publish.xml', 'target-scorer-extra_1.0.0']);
  });

  it('writes a new publish.xml where there is none', () => {
    const { home, publishXml } = freshHome();
    expect(run('install.sh', home).status).toBe(0);
    expect(wellFormed(publishXml).ok).toBe(true);
    expect(ours(publishXml)).toBe(1);
    expect(xpath(publishXml, 'count(/jsplugins/*)')).toBe('1');
  });

  it('fills an empty <jsplugins/> and leaves a file it does not understand alone', () => {
    const empty = freshHome('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins/>\n');
    expect(run('install.sh', empty.home).status).toBe(0);
    expect(wellFormed(empty.publishXml).ok).toBe(true);
    expect(ours(empty.publishXml)).toBe(1);

    const odd = freshHome('<plugins><x/></plugins>\n');
    const r = run('install.sh', odd.home);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法识别');
    expect(readFileSync(odd.publishXml, 'utf8')).toBe('<plugins><x/></plugins>\n');
    expect(existsSync(join(odd.jsaddons, FOLDER))).toBe(false);
  });

  it('refuse to run as root, changing nothing', () => {
    const { home, jsaddons, publishXml } = freshHome(OTHERS);
    for (const script of ['install.sh', 'uninstall.sh']) {
      const r = run(script, home, { asRoot: true });
      expect(r.status, script).toBe(1);
      expect(r.stderr).toContain('root');
    }
    expect(readFileSync(publishXml, 'utf8')).toBe(OTHERS);
    expect(readdirSync(jsaddons)).toEqual(['publish.xml']);
  });
});

describe('the Windows scripts', () => {
  it('carry a byte-order mark (Windows PowerShell reads a script without one in the ANSI code page) and the folder name', () => {
    for (const script of ['install.ps1', 'uninstall.ps1']) {
      const text = readFileSync(join(DIST, script), 'utf8');
      expect(text.startsWith('\ufeff'), script).toBe(true);
      expect(text).not.toContain('@NAME@');
    }
    expect(readFileSync(join(DIST, 'install.ps1'), 'utf8')).toContain(`$Folder = "\${Name}_$Version"`);
    for (const script of ['install.cmd', 'uninstall.cmd']) expect(readFileSync(join(DIST, script), 'latin1')).toMatch(/^[ -~\r\n]*$/);
  });
});
