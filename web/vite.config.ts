import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { singleFilePage, vitePageRolldownOptions } from './build/singleFilePage.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The browser page: one self-contained dist/web/index.html that works from any static host and from file://.
export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [singleFilePage({ template: here('index.html'), workers: { score: here('src/workers/score.ts'), generate: here('src/workers/generate.ts'), cycle: here('src/workers/cycle.ts') } })],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: false,
    rolldownOptions: vitePageRolldownOptions(here('src/main.ts')),
  },
});
