import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import mantinePreset from 'postcss-preset-mantine';

export default defineConfig({
  root: 'src-renderer',
  base: '/',
  plugins: [react()],
  css: { postcss: { plugins: [mantinePreset()] } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // The CSP forbids inline scripts, so nothing may be inlined as a script.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5180' },
  },
});
