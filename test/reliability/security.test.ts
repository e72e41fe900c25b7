import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { productionFingerprint } from './lib/prodDeps.ts';

// The pages run inside Excel and a browser with workbook text from other people: no code from data, ever.
const PAGES = ['dist/taskpane.html', 'dist/commands.html', 'dist/web/index.html'];

beforeAll(() => {
  // `npm test` builds first; this rebuilds only when the pages are missing or older than their sources.
  execFileSync(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'pages'], { stdio: 'pipe', timeout: 300_000 });
}, 320_000);

function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/?>/gi)];
  expect(metas.length, 'exactly one CSP meta').toBe(1);
  const head = html.slice(html.search(/<head[^>]*>/i), html.search(/<\/head>/i));
  expect(head.indexOf(metas[0][0]), 'the CSP is inside <head>').toBeGreaterThan(0);
  expect(head.search(/<script\b/i) < 0 || head.search(/<script\b/i) > head.indexOf(metas[0][0]), 'the CSP comes before any script').toBe(true);
  return new Map(metas[0][1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)])) : [];

describe('built pages', () => {
  it('include the add-in pages and the web page', () => {
    expect(PAGES.filter((p) => !existsSync(p)), 'pages not built').toEqual([]);
  });

  it.each(PAGES)('%s has a strict Content-Security-Policy meta', (page) => {
    const csp = cspOf(readFileSync(page, 'utf8'));
    expect(csp.get('default-src')?.some((v) => v === "'self'" || v === "'none'")).toBe(true);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    const scripts = csp.get('script-src') ?? csp.get('default-src')!;
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:']) expect(scripts, `script-src has ${bad}`).not.toContain(bad);
    for (const src of scripts) expect(src, 'script sources are self, hashes or Microsoft’s office.js host').toMatch(/^('self'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|https:\/\/appsforoffice\.microsoft\.com)$/);
    for (const [directive, values] of csp) for (const v of values) expect(v, `${directive} loads over plain http`).not.toMatch(/^http:/);
  });

  it('ship no eval( and no new Function in any script the pages load', () => {
    const scripts = [...files('dist/assets'), ...files('dist/web')].filter((f) => /\.(m?js|html)$/.test(f));
    expect(scripts.length).toBeGreaterThan(2);
    // Minifiers turn `new Function(...)` into `Function(...)`: those calls are checked too. Tolerated, all
    // unreachable in a browser or blocked by the CSP: zod's probe Function("") (is eval allowed?), the
    // global-object fallback Function("return this") behind globalThis/self, the setImmediate polyfill for
    // string callbacks, and regenerator-runtime's fallback behind globalThis (docs/security.md).
    const tolerated = /^Function\((``|""|''|`return this`|"return this"|'return this'|``\+e|""\+e|`r`,`regeneratorRuntime = r`)\)/;
    for (const f of scripts) {
      const text = readFileSync(f, 'utf8');
      for (const re of [/\beval\s*\(/g, /\bnew\s+Function\s*\(/g, /\bFunction\s*\(\s*["'`]/g]) {
        for (const m of text.matchAll(re)) {
          const at = text.slice(m.index, m.index + 60);
          if (!at.startsWith('new') && tolerated.test(at)) continue;
          expect(text.slice(Math.max(0, m.index - 60), m.index + 60), `${f} ${re}`).toBe('(none)');
        }
      }
    }
  });
});

describe('source', () => {
  it('never renders cell text as HTML (src/ui, addin, web)', () => {
    const sources = ['src/ui', 'addin', 'web'].flatMap(files).filter((f) => /\.(tsx?|jsx?|html)$/.test(f) && !f.includes('node_modules'));
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\(|createContextualFragment/);
    }
  });
});

describe('manifest', () => {
  const manifest = readFileSync('manifest.xml', 'utf8');
  it('has no AppDomains and asks only for ReadWriteDocument', () => {
    expect(manifest).not.toMatch(/AppDomain/);
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim())).toEqual(['ReadWriteDocument']);
  });
});

describe('office-addin tools run with their usage data (telemetry) off', () => {
  it('every package.json script that starts an office-addin tool goes through scripts/without-usage-data.mjs', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const wrapper = 'node scripts/without-usage-data.mjs';
    let calls = 0;
    for (const [name, cmd] of Object.entries(scripts)) {
      for (const part of cmd.split(/&&|\|\||;|\|/).map((p) => p.trim())) {
        if (!/office-addin-[a-z-]+/.test(part)) continue;
        calls++;
        expect(part.startsWith(`${wrapper} office-addin-`), `script "${name}": ${part}`).toBe(true);
      }
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    // Vite's dev server loads office-addin-dev-certs in-process: it is wrapped too.
    expect(scripts['dev-server']).toMatch(new RegExp(`^${wrapper} `));
  });
});

describe('npm audit (production dependencies)', () => {
  it('docs/security.md records the audit of exactly the production dependencies in package-lock.json', () => {
    const doc = readFileSync('docs/security.md', 'utf8');
    const fp = productionFingerprint();
    expect(doc, `re-run npm audit --omit=dev and record the result for production set ${fp} in docs/security.md`).toContain(`production set ${fp}`);
  });
});
