/**
 * A benchmark page served by the standalone mock server itself (same origin as the API): an
 * esbuild bundle of `entry` plus `body` HTML, opened in headless Debian Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { nodeSha256, startHttpServer, type RunningServer } from '../packages/mock-server/src/http.ts';
import { createStore, type DatasetName, type MockStore } from '../packages/mock-server/src/store/store.ts';
import { launch } from './browser.ts';

export interface BenchPage {
  server: RunningServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openBenchPage(opts: { entry: string; body?: string; dataset?: DatasetName; store?: MockStore }): Promise<BenchPage> {
  const dir = mkdtempSync(join(tmpdir(), 'docportal-bench-'));
  const root = new URL('../', import.meta.url).pathname;
  await build({
    stdin: { contents: opts.entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.base.json'),
    outfile: join(dir, 'bench.js'),
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="de"><meta charset="utf-8"><title>bench</title><body>${opts.body ?? ''}<script type="module" src="./bench.js"></script></body></html>`);
  const server = await startHttpServer({ port: 0, staticDir: dir, store: opts.store ?? createStore({ dataset: opts.dataset ?? 'fixtures', sha256: nodeSha256 }) });
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 60_000 });
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
