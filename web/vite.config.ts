/**
 * The web app's build: React without a plugin (esbuild compiles the JSX), emitted into `web/dist`, which
 * `redress serve` serves on the API's origin.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark modules "use client" for React Server Components; a client-only bundle ignores it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite web` during development: the API runs beside it with `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000', '/complaints-procedure': 'http://127.0.0.1:3000' },
  },
});
