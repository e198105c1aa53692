/**
 * Upload throughput and memory in Chromium: `documents.upload` of a 50 MiB file from a page
 * served by the standalone mock server (same origin), against one plain `fetch` PUT of the same
 * Blob to `PUT /__mock/discard` on the same server, runs interleaved; and the JS heap growth
 * while uploading 10 MiB and 50 MiB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startHttpServer } from '../packages/mock-server/src/http.ts';
import { launch } from './browser.ts';
import { median, round, type Row } from './lib.ts';

const MiB = 1024 * 1024;
const RUNS = 5;

export async function benchUpload(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'docportal-bench-'));
  await build({
    entryPoints: [new URL('../packages/core-sdk/src/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['source', 'browser'],
    outfile: join(dir, 'sdk.js'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>upload bench</title><script type="module">
import * as sdk from './sdk.js';
const client = sdk.createClient({ baseUrl: '/api/v1', token: 'manager' });
window.makeFile = (size) => {
  const parts = [];
  for (let o = 0; o < size; o += 1048576) {
    const a = new Uint8Array(Math.min(1048576, size - o));
    for (let i = 0; i < a.length; i += 65536) crypto.getRandomValues(a.subarray(i, i + 65536));
    if (o === 0) a.set(new TextEncoder().encode('%PDF-1.7\\n'));
    parts.push(a);
  }
  window.file = new File(parts, 'Bench.pdf', { type: 'application/pdf' });
  return window.file.size;
};
window.baseline = async () => {
  const t = performance.now();
  const r = await fetch('/__mock/discard', { method: 'PUT', body: window.file });
  if (r.status !== 204) throw new Error('discard ' + r.status);
  return performance.now() - t;
};
window.sdkUpload = async () => {
  const t = performance.now();
  const doc = await client.documents.upload(window.file, { documentTypeId: 'plaene', scope: 'property:rosenweg-24', resume: false });
  if (doc.size !== window.file.size) throw new Error('size');
  return performance.now() - t;
};
window.ready = true;
</script>`,
  );
  const server = await startHttpServer({ port: 0, staticDir: dir });
  const browser = await launch();
  const rows: Row[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => (window as any).ready === true);
    const cdp = await page.context().newCDPSession(page);
    const reset = () => fetch(`${server.url}/__mock/reset`, { method: 'POST' });

    await page.evaluate((n) => (window as any).makeFile(n), 50 * MiB);
    // Warm-up, then interleaved runs.
    await page.evaluate(() => (window as any).baseline());
    await reset();
    await page.evaluate(() => (window as any).sdkUpload());
    const base: number[] = [];
    const sdk: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await reset();
      base.push(await page.evaluate(() => (window as any).baseline()));
      sdk.push(await page.evaluate(() => (window as any).sdkUpload()));
    }
    const mbps = (ms: number) => round((50 * MiB) / 1e6 / (ms / 1000), 0);
    const ratio = median(base) / median(sdk);
    rows.push({ name: 'upload: 50 MiB documents.upload vs fetch PUT /__mock/discard (throughput)', value: mbps(median(sdk)), unit: 'MB/s', baseline: mbps(median(base)), ratio: round(ratio), budget: '≥ 0.85×', ok: ratio >= 0.85 });

    for (const size of [10, 50]) {
      await page.evaluate((n) => (window as any).makeFile(n), size * MiB);
      await reset();
      await cdp.send('HeapProfiler.collectGarbage');
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await page.evaluate(() => (window as any).sdkUpload());
      sampling = false;
      await sampler;
      const growth = round((peak - before) / MiB, 1);
      rows.push({ name: `upload: JS heap growth while uploading ${size} MiB`, value: growth, unit: 'MiB', budget: '≤ 16 MiB', ok: growth <= 16 });
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
