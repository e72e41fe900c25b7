// npm run release: the zip for people without Node, opened with fflate and checked against what it was built from.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawEntries } from '../xlsx/helpers.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const TOP = `target-scorer-${version}/`;
const ZIP = path.resolve(`out/release/target-scorer-${version}.zip`);

let bytes: Uint8Array;
let entries: Record<string, Uint8Array>;
let printed: string;
const entry = (name: string) => entries[TOP + name];
const text = (name: string) => strFromU8(entry(name));

beforeAll(() => {
  printed = execFileSync(process.execPath, ['scripts/release.mjs'], { encoding: 'utf8', timeout: 300_000 });
  bytes = new Uint8Array(readFileSync(ZIP));
  entries = unzipSync(bytes);
}, 320_000);

describe('the release zip', () => {
  it('is one folder named after the version, and the script says its size and files', () => {
    expect(Object.keys(entries).every((n) => n.startsWith(TOP))).toBe(true);
    expect(printed).toContain(`out/release/target-scorer-${version}.zip`);
    expect(printed).toContain(`${Object.keys(entries).length} files`);
    expect(statSync(ZIP).size).toBe(bytes.length);
  });

  it('holds the page byte for byte as built, and the two templates as shipped', () => {
    expect(Buffer.compare(entry('index.html'), readFileSync('dist/web/index.html'))).toBe(0);
    for (const name of ['guangyuan-2014.xlsx', 'guangyuan-2014-sample.xlsx']) {
      expect(Buffer.compare(entry(`templates/${name}`), readFileSync(`workbook-templates/${name}`)), name).toBe(0);
    }
  });

  it('holds the manifest with every page and icon it names, and every script the pages load', () => {
    const manifest = text('excel-addin/manifest.xml');
    expect(manifest).toBe(readFileSync('manifest.xml', 'utf8'));
    const named = new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"?#]+)/g)].map((m) => m[1]));
    expect([...named]).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'assets/icon-32.png']));
    for (const file of named) expect(entry(`excel-addin/${file}`), file).toBeDefined();
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = text(`excel-addin/${page}`);
      expect(html).toBe(readFileSync(`dist/${page}`, 'utf8'));
      const local = [...html.matchAll(/\b(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
      expect(local.length, page).toBeGreaterThan(0);
      for (const file of local) expect(Buffer.compare(entry(`excel-addin/${file}`), readFileSync(`dist/${file}`)), file).toBe(0);
    }
  });

  it('holds the quick start with its pictures, and an HTML rendering whose pictures and anchors resolve inside the zip', () => {
    const md = text('docs/quickstart.md');
    expect(md).toBe(readFileSync('docs/quickstart.md', 'utf8'));
    const pictures = [...md.matchAll(/!\[[^\]]*\]\((images\/[^)]+)\)|<img\s+src="(images\/[^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    for (const p of pictures) expect(Buffer.compare(entry(`docs/${p}`), readFileSync(`docs/${p}`)), p).toBe(0);

    const html = text('docs/quickstart.html');
    expect(html).toMatch(/<h1 id="[^"]+">考核人快速上手/);
    expect(html).toContain('<table>');
    const srcs = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.sort()).toEqual([...pictures].sort());
    // Links go only where the reader can follow them: an anchor of the page, or a file in the zip.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, href] of html.matchAll(/<a href="([^"]+)"/g)) {
      if (href.startsWith('#')) expect(ids.has(decodeURIComponent(href.slice(1))), href).toBe(true);
      else expect(entry(path.posix.join('docs', href)), href).toBeDefined();
    }
    expect(html).not.toMatch(/<script|<!--/);
  });

  it('has 使用说明.txt for Notepad (UTF-8 with BOM, CRLF) naming each part, under a UTF-8 flagged name', () => {
    const notes = entry('使用说明.txt');
    expect([...notes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = strFromU8(notes);
    expect(body).toContain(version);
    for (const part of ['index.html', 'templates/', 'excel-addin/', 'docs/quickstart.html']) expect(body).toContain(part);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    const local = rawEntries(bytes).get(`${TOP}使用说明.txt`)!;
    expect((local.local[6] | (local.local[7] << 8)) & 0x800, 'general purpose flag bit 11 (UTF-8 name)').toBe(0x800);
  });
});
