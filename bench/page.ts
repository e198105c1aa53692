/**
 * A benchmark page served by the mock server itself (same origin as the API): an esbuild bundle
 * of `entry` plus `body` HTML, opened in headless Debian Chromium. The server runs in this
 * process, or as the standalone server in a child process (`standalone`), then optionally on a
 * CPU of its own (`pin`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { nodeSha256, startHttpServer } from '@docportal/mock-server/http';
import { createStore, type DatasetName, type MockStore } from '@docportal/mock-server/testing';
import { launch, type Pinning } from './browser.ts';

export interface BenchPage {
  server: { url: string };
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface BenchPageOptions {
  entry: string;
  body?: string;
  dataset?: DatasetName;
  /** A store for the in-process server. */
  store?: MockStore;
  /** Run `docportal-mock-server` (the CLI) in a child process. */
  standalone?: boolean;
  /** With `standalone`: the server's CPUs and Chromium's, apart. */
  pin?: Pinning;
}

export async function openBenchPage(opts: BenchPageOptions): Promise<BenchPage> {
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
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><meta charset="utf-8"><title>bench</title><body>${opts.body ?? ''}<script type="module" src="./bench.js"></script></body></html>`,
  );
  const server = opts.standalone
    ? await startStandalone(root, dir, opts.dataset ?? 'fixtures', opts.pin?.server)
    : await startHttpServer({
        port: 0,
        staticDir: dir,
        store: opts.store ?? createStore({ dataset: opts.dataset ?? 'fixtures', sha256: nodeSha256 }),
      });
  const browser = await launch(opts.standalone ? opts.pin?.browser : undefined);
  const page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, {
    timeout: 60_000,
  });
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

/** The CLI on a free port, on `cpus` when given; resolves once it listens. */
async function startStandalone(root: string, staticDir: string, dataset: DatasetName, cpus?: string) {
  const args = [
    process.execPath,
    '--conditions=source',
    '--import',
    'tsx',
    join(root, 'packages/mock-server/src/cli.ts'),
    '--port',
    '0',
    '--quiet',
    '--dataset',
    dataset,
    '--static',
    staticDir,
  ];
  const [command, ...rest] = cpus ? ['taskset', '-c', cpus, ...args] : args;
  const child = spawn(command!, rest, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the mock server exited (${code}) before it listened: ${out}`)),
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /API at (\S+)\/api\/v1/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
