import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { addinPages } from './build/pagesPlugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// OFFICE_JS=local serves office.js from dist/office-js/ instead of Microsoft's CDN (intranets without the CDN).
export default defineConfig(async ({ command }): Promise<UserConfig> => ({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [addinPages({ localOfficeJs: process.env.OFFICE_JS === 'local' })],
  build: {
    outDir: here('../dist'),
    emptyOutDir: false,
    target: 'es2020',
    rolldownOptions: {
      input: { taskpane: here('taskpane.html'), commands: here('commands.html') },
      onLog(level, log, handler) {
        // Fluent's "use client" markers mean nothing outside React Server Components.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: command === 'serve'
    ? {
      port: 3000,
      strictPort: true,
      // Office loads add-ins only over HTTPS; office-addin-dev-certs makes and trusts a localhost certificate.
      https: await (await import('office-addin-dev-certs')).getHttpsServerOptions(),
    }
    : undefined,
}));
