// Vite builds the workspace app (React 19) into dist/app, served by Fastify under /app/ (src/web/app-shell.ts).
// No dev server is needed to use Concord: `npm start` builds once (scripts/build-app.mjs skips the
// build when nothing changed). For hot reload while working on the app, run `npm run app:dev` beside
// `npm run dev`: Vite proxies /api, /sign-in and friends to the Concord server on PORT (default 3000).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const backend = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/app', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One chunk per page would be premature: the whole app is well under 300 kB.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/sign-in', '/sign-out', '/set-password', '/assets', '/calendar'].map((p) => [p, backend]),
    ),
  },
});
