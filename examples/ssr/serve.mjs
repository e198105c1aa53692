// One command: `node --conditions=source --import tsx examples/ssr/serve.mjs` (from the repo
// root; with the published packages, `node serve.mjs`). Renders the page on the server, bundles
// the client script, and serves both with the standalone mock backend on http://127.0.0.1:4020.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startHttpServer } from '@docportal/mock-server/http';
import { renderPage } from './page.mjs';

/** Bundles client.mjs for the browser into `dir`. */
export async function buildClient(dir) {
  await build({
    entryPoints: [new URL('./client.mjs', import.meta.url).pathname],
    outfile: join(dir, 'client.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: new URL('../../tsconfig.base.json', import.meta.url).pathname,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'docportal-ssr-'));
  await buildClient(dir);
  writeFileSync(join(dir, 'index.html'), await renderPage());
  const server = await startHttpServer({ port: Number(process.env.PORT ?? 4020), staticDir: dir });
  console.log(`Server-rendered page on ${server.url}/ (Ctrl+C stops)`);
}
