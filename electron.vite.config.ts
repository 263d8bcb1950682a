// Builds the three Electron parts. The preload is CommonJS with its dependencies bundled,
// because sandboxed preloads cannot load ES modules or node_modules. The main build also
// makes the format readers' worker (out/main/reader-worker.js), found beside index.js.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // mammoth is a hundred CommonJS files: bundled, the reader worker loads it in a third of the time at every Word import.
      externalizeDeps: { exclude: ['mammoth', '@xmldom/xmldom'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'reader-worker': resolve('src/core/import/reader-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, it is half the size (0.9 MB) and
      // the app shows its first document about a tenth sooner.
      minify: true,
      emptyOutDir: true,
    },
  },
});
