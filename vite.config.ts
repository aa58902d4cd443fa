import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer bundle only: the window loads it from disk (relative base), with no dev server,
// remote assets or inline scripts, so the CSP in index.html can stay strict.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
  },
});
