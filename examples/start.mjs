// Starts one example: the standalone mock server (the API, with the fixtures) on one port and
// the example's page on another, so the page talks to the API cross-origin, as a portal does.
// `node examples/<name>/start.mjs [--port 5173] [--api-port 4010]`; Ctrl+C stops both.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/**
 * Builds the example `name` (its *.html pages, with `%API%` replaced by the API's URL, and its
 * entry points bundled by esbuild), starts the mock server and a static server, and returns
 * their URLs and a stop function.
 */
export async function startExample(name, { port = 0, apiPort = 0 } = {}) {
  const { startHttpServer, nodeSha256 } = await import('@docportal/mock-server/http');
  const { createStore } = await import('@docportal/mock-server');
  const api = await startHttpServer({ port: apiPort, store: createStore({ sha256: nodeSha256 }) });
  const dir = join(root, 'examples', name);
  const out = mkdtempSync(join(tmpdir(), `docportal-example-${name}-`));
  const entries = readdirSync(dir)
    .filter((f) => /^(app\.(tsx|ts)|widgets\.ts)$/.test(f))
    .map((f) => join(dir, f));
  await build({
    entryPoints: entries,
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['source', 'browser', 'production'],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    tsconfig: join(root, 'tsconfig.base.json'),
    logLevel: 'warning',
  });
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')))
    writeFileSync(join(out, f), readFileSync(join(dir, f), 'utf8').replaceAll('%API%', `${api.url}/api/v1`));
  // The pages come from a server of their own (the mock server's static folder, which never
  // serves outside it), so that they call the API on the other one cross-origin.
  const site = await startHttpServer({ port, staticDir: out });
  return {
    url: site.url,
    api: `${api.url}/api/v1`,
    async close() {
      await site.close();
      await api.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** The body of each example's start.mjs. */
export async function main(name) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5173' }, 'api-port': { type: 'string', default: '4010' } },
  });
  const ex = await startExample(name, { port: Number(values.port), apiPort: Number(values['api-port']) });
  console.log(`docportal example "${name}": ${ex.url} (API at ${ex.api}); Ctrl+C stops it.`);
  const stop = () => void ex.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
