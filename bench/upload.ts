/**
 * Upload throughput and memory in Chromium: `documents.upload` of a 50 MiB file from a page
 * served by the standalone mock server (same origin), against one plain `fetch` PUT of the same
 * Blob to `PUT /__mock/discard` on the same server, runs interleaved; and the JS heap growth
 * while uploading 10 MiB and 50 MiB.
 */
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const MiB = 1024 * 1024;
const RUNS = 9;

const ENTRY = `
import { createClient } from '@docportal/core-sdk';
const client = createClient({ baseUrl: '/api/v1', token: 'manager' });
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
`;

type W = Window & { makeFile(n: number): number; baseline(): Promise<number>; sdkUpload(): Promise<number> };

export async function benchUpload(): Promise<Row[]> {
  const { page, server, close } = await openBenchPage({ entry: ENTRY });
  const rows: Row[] = [];
  try {
    const cdp = await page.context().newCDPSession(page);
    const reset = () => fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    await page.evaluate((n) => (window as unknown as W).makeFile(n), 50 * MiB);
    // Warm-up, then interleaved runs.
    await page.evaluate(() => (window as unknown as W).baseline());
    await reset();
    await page.evaluate(() => (window as unknown as W).sdkUpload());
    const base: number[] = [];
    const sdk: number[] = [];
    // Alternating which goes first, so that neither always runs right after a reset.
    for (let i = 0; i < RUNS; i++) {
      await reset();
      const runBase = async () => base.push(await page.evaluate(() => (window as unknown as W).baseline()));
      const runSdk = async () => sdk.push(await page.evaluate(() => (window as unknown as W).sdkUpload()));
      if (i % 2) await runSdk().then(runBase);
      else await runBase().then(runSdk);
    }
    const mbps = (ms: number) => round((50 * MiB) / 1e6 / (ms / 1000), 0);
    const ratio = median(base) / median(sdk);
    rows.push({ name: 'upload: 50 MiB documents.upload vs fetch PUT /__mock/discard (throughput)', value: mbps(median(sdk)), unit: 'MB/s', baseline: mbps(median(base)), ratio: round(ratio), budget: '≥ 0.85×', ok: ratio >= 0.85 });

    for (const size of [10, 50]) {
      await page.evaluate((n) => (window as unknown as W).makeFile(n), size * MiB);
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
      await page.evaluate(() => (window as unknown as W).sdkUpload());
      sampling = false;
      await sampler;
      const growth = round((peak - before) / MiB, 1);
      rows.push({ name: `upload: JS heap growth while uploading ${size} MiB`, value: growth, unit: 'MiB', budget: '≤ 16 MiB', ok: growth <= 16 });
    }
  } finally {
    await close();
  }
  return rows;
}
