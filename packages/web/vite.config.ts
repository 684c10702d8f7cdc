import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/** The server serves this folder (packages/server/src/http/routes/web.ts); `npm run build` fills it. */
export const OUT_DIR = fileURLToPath(new URL('../server/public', import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // No @preact/preset-vite: JSX compiles with Preact's automatic runtime, as tsconfig.json says.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npx vite` in this folder talks to a `chatlens serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:4747', '/health': 'http://127.0.0.1:4747' },
  },
})
