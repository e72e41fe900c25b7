import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build, type Plugin, type Rolldown } from 'vite';

const CSP_SLOT = '%WEB_CSP%';
const SCRIPTS_SLOT = '<!--%WEB_SCRIPTS%-->';

export interface SingleFilePageOptions {
  /** The HTML template with the two slots above. */
  template: string;
  /** Worker id → entry; each becomes a `<script type="text/plain" id="worker-<id>">` block. */
  workers: Record<string, string>;
}

/** Keeps `</script` and `<!--` from ending or confusing the inline block; `\x3C` means `<` in strings and regexes alike. */
export const inlineSafe = (js: string): string => js.replace(/<(\/script|!--)/gi, '\\x3C$1');

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * No network at all. The one script is allowed by its hash, which also works from file:// where 'self' means
 * nothing; workers start from blob: URLs; Fluent UI (Griffel) inserts its styles at run time.
 */
export function contentSecurityPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    'worker-src blob:',
    // Browsers before CSP3's worker-src (Safari < 15.5) take workers from child-src.
    'child-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function ignoreDirectives(level: Rolldown.LogLevel, log: Rolldown.RollupLog, handler: Rolldown.LogOrStringHandler) {
  // Fluent's "use client" markers mean nothing outside React Server Components.
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handler(level, log);
}

/** One entry as one classic script (IIFE), every dynamic import inlined. */
export async function bundleClassicScript(entry: string, mode: string): Promise<string> {
  const out = await build({
    configFile: false,
    mode,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2020',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { input: entry, output: { format: 'iife', codeSplitting: false }, onLog: ignoreDirectives },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => ('output' in o ? o.output : []))
    .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  return chunks[0].code;
}

export const vitePageRolldownOptions = (entry: string): Rolldown.RolldownOptions => ({
  input: entry,
  output: { format: 'iife', codeSplitting: false, entryFileNames: 'page.js' },
  onLog: ignoreDirectives,
});

/**
 * Turns the build's single IIFE chunk into one self-contained index.html: the page script inline (allowed by its
 * sha256 in the CSP meta), each worker's code in an inert text block the page turns into a Blob URL. Chromium
 * refuses module scripts and module workers from file://; classic inline scripts and blob workers work there.
 */
export function singleFilePage(options: SingleFilePageOptions): Plugin {
  let mode = 'production';
  const workerCode = new Map<string, string>();
  return {
    name: 'target-scorer-single-file-page',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      mode = config.mode;
    },
    async buildStart() {
      // One at a time: the machine is shared, and nested builds are memory-hungry.
      for (const [id, entry] of Object.entries(options.workers)) workerCode.set(id, await bundleClassicScript(entry, mode));
    },
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
      if (chunks.length !== 1) throw new Error(`the page must be one chunk, got ${chunks.length}`);
      const styles: string[] = [];
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css')) styles.push(String(file.source));
        delete bundle[file.fileName];
      }
      const script = inlineSafe(chunks[0].code);
      const workers = [...workerCode].map(([id, code]) =>
        `<script type="text/plain" id="worker-${id}">${inlineSafe(code)}</script>`);
      const template = readFileSync(options.template, 'utf8');
      if (!template.includes(CSP_SLOT) || !template.includes(SCRIPTS_SLOT)) throw new Error(`${options.template} lacks ${CSP_SLOT} or ${SCRIPTS_SLOT}`);
      const html = template
        .replace(CSP_SLOT, () => contentSecurityPolicy(sha256(script)))
        .replace('</head>', () => (styles.length ? `<style>${styles.join('\n')}</style>\n</head>` : '</head>'))
        .replace(SCRIPTS_SLOT, () => [...workers, `<script>${script}</script>`].join('\n'));
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}
