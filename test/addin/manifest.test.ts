import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../addin/build/pagesPlugin.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = readFileSync(`${ROOT}manifest.xml`, 'utf8');
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };

const all = (re: RegExp) => [...manifest.matchAll(re)];

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas (npm run validate)', () => {
    const out = execFileSync('sh', ['office-manifest-xsd/validate.sh', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    expect(out + '').not.toContain('fails');
  });

  it('asks for no more than it needs: ReadWriteDocument, ExcelApi 1.1, no AppDomains', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(all(/<Permissions>([^<]+)<\/Permissions>/g).map((m) => m[1])).toEqual(['ReadWriteDocument']);
    expect(manifest).not.toMatch(/AppDomain/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  });

  it('is Chinese by default with English overrides for every name, description and ribbon string', () => {
    for (const el of ['DisplayName', 'Description']) {
      expect(manifest).toMatch(new RegExp(`<${el} DefaultValue="[^"]*[\\u4e00-\\u9fff][^"]*">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
    }
    const strings = all(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>/g);
    expect(strings.length).toBe(all(/<bt:String /g).length);
    expect(strings.find((m) => m[1] === 'Score.Label')?.[2]).toBe('一键计分');
    expect(strings.find((m) => m[1] === 'Pane.Label')?.[2]).toBe('计分面板');
  });

  it('puts 一键计分 (ExecuteFunction scoreWorkbook) and 计分面板 (ShowTaskpane) on the Home tab', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>scoreWorkbook<\/FunctionName>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    const commands = readFileSync(`${ROOT}addin/commands.ts`, 'utf8');
    expect(commands).toContain("Office.actions?.associate('scoreWorkbook', scoreWorkbook)");
  });

  it('defines every resource it uses, with ids of at most 32 characters', () => {
    const defined = all(/<bt:(?:Image|Url|String) id="([^"]+)"/g).map((m) => m[1]);
    const used = all(/resid="([^"]+)"/g).map((m) => m[1]);
    for (const id of used) expect(defined, id).toContain(id);
    for (const id of [...defined, ...all(/ id="([^"]+)"/g).map((m) => m[1])]) expect(id.length, id).toBeLessThanOrEqual(32);
  });

  it('points only at https://localhost:3000 pages and icons that the build produces', () => {
    const urls = all(/"(https?:\/\/[^"]+)"/g).map((m) => m[1]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith('https://localhost:3000/'), url).toBe(true);
      const path = url.slice('https://localhost:3000/'.length);
      if (path.startsWith('assets/')) {
        const file = `${ROOT}addin/${path}`;
        expect(existsSync(file), file).toBe(true);
        const size = Number(/icon-(\d+)\.png$/.exec(path)![1]);
        expect(pngSize(file)).toEqual({ width: size, height: size });
      } else {
        expect(['taskpane.html', 'commands.html']).toContain(path);
      }
    }
    for (const [id, size] of [['Icon.16', 16], ['Icon.32', 32], ['Icon.80', 80]] as const) {
      expect(manifest).toMatch(new RegExp(`<bt:Image id="${id.replace('.', '\\.')}" DefaultValue="https://localhost:3000/assets/icon-${size}.png"/>`));
    }
    expect(manifest).toMatch(/<IconUrl DefaultValue="[^"]+icon-32\.png"\/>/);
    expect(manifest).toMatch(/<HighResolutionIconUrl DefaultValue="[^"]+icon-64\.png"\/>/);
  });
});

describe('build settings', () => {
  it('keeps a strict Content-Security-Policy, with the CDN only when office.js comes from it', () => {
    const cdn = contentSecurityPolicy(false);
    const local = contentSecurityPolicy(true);
    expect(cdn).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(local).toContain("script-src 'self';");
    for (const csp of [cdn, local]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval|frame-ancestors|\*/);
      expect(csp.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
    }
  });

  it('turns the office-addin tools’ usage data off before every script that runs one', () => {
    // dev-server runs office-addin-dev-certs (through addin/vite.config.ts); start/stop run office-addin-debugging.
    for (const name of ['dev-server', 'start', 'stop']) {
      expect(pkg.scripts[name]?.startsWith('node scripts/without-usage-data.mjs '), name).toBe(true);
    }
    for (const [name, cmd] of Object.entries(pkg.scripts)) {
      if (/office-addin-/.test(cmd)) expect(cmd.startsWith('node scripts/without-usage-data.mjs '), name).toBe(true);
    }
  });
});
