import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';
const CSP_SLOT = '%ADDIN_CSP%';
const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));
const OFFICE_JS_DIST = fileURLToPath(new URL('../../node_modules/@microsoft/office-js/dist/', import.meta.url));

/** The pages' Content-Security-Policy. Office.js needs its CDN for scripts unless it is served from here. */
export function contentSecurityPolicy(localOfficeJs: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self'${localOfficeJs ? '' : ' https://appsforoffice.microsoft.com'}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The add-in's pages: a CSP meta tag first in <head>, office.js from the CDN or (OFFICE_JS=local) from a copy of
 * @microsoft/office-js beside the pages, and the ribbon icons under assets/.
 */
export function addinPages(options: { localOfficeJs: boolean }): Plugin {
  let outDir = '';
  let building = false;
  return {
    name: 'target-scorer-addin-pages',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    buildStart() {
      if (!building) return;
      // dist/ is shared with the CLI bundle: clear only what this build owns.
      for (const p of ['assets', 'office-js', 'taskpane.html', 'commands.html']) rmSync(join(outDir, p), { recursive: true, force: true });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(CSP_SLOT)) throw new Error(`a page lacks its CSP meta tag (${CSP_SLOT})`);
        const page = html.replace(CSP_SLOT, contentSecurityPolicy(options.localOfficeJs));
        return options.localOfficeJs ? page.replace(OFFICE_JS_CDN, OFFICE_JS_LOCAL) : page;
      },
    },
    generateBundle() {
      for (const name of readdirSync(ASSETS).filter((n) => n.endsWith('.png'))) {
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: readFileSync(join(ASSETS, name)) });
      }
    },
    closeBundle() {
      if (!building || !options.localOfficeJs) return;
      // The debug builds double the size and are only loaded by office.debug.js.
      cpSync(OFFICE_JS_DIST, join(outDir, 'office-js'), { recursive: true, filter: (src) => !src.endsWith('.debug.js') });
    },
  };
}
