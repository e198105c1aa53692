/**
 * Upload throughput and memory in Chromium: `documents.upload` of a 50 MiB file from a page
 * served by the standalone mock server (same origin), against one plain `fetch` PUT of the same
 * Blob to `PUT /__mock/discard` on the same server, runs interleaved; and the JS heap growth
 * while uploading 10 MiB and 50 MiB.
 */
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const MiB = 1024 * 1024;
/** Interleaved rounds; the machine's noise needs more than a handful (`RUNS=41 npm run bench upload`). */
const RUNS = Number(process.env.RUNS ?? 21);

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
// A warm client has uploaded before and starts at the chunk size it learned; a cold one is new.
const upload = async (c) => {
  const t = performance.now();
  const doc = await c.documents.upload(window.file, { documentTypeId: 'plaene', scope: 'property:rosenweg-24', resume: false });
  if (doc.size !== window.file.size) throw new Error('size');
  return performance.now() - t;
};
window.sdkUpload = () => upload(client);
window.sdkCold = () => upload(createClient({ baseUrl: '/api/v1', token: 'manager' }));
// The protocol's floor: its three requests written by hand with fetch (no validation, no
// progress, no retries), the whole file in one PATCH.
window.byHand = async () => {
  const t = performance.now();
  const auth = { Authorization: 'Bearer manager' };
  const json = { ...auth, 'Content-Type': 'application/json' };
  const f = window.file;
  const s = await (await fetch('/api/v1/uploads', { method: 'POST', headers: json, body: JSON.stringify({ fileName: f.name, size: f.size, mimeType: f.type }) })).json();
  const patch = await fetch('/api/v1/uploads/' + s.id, { method: 'PATCH', headers: { ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: f });
  if (patch.status !== 204) throw new Error('PATCH ' + patch.status);
  const doc = await fetch('/api/v1/documents', { method: 'POST', headers: { ...json, 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ uploadId: s.id, title: 'Bench', documentTypeId: 'plaene', scope: { kind: 'property', id: 'rosenweg-24' }, shares: [] }) });
  if (doc.status !== 201) throw new Error('commit ' + doc.status);
  return performance.now() - t;
};
window.ready = true;
`;

type W = Window & { makeFile(n: number): number; baseline(): Promise<number>; sdkUpload(): Promise<number>; sdkCold(): Promise<number>; byHand(): Promise<number> };

export async function benchUpload(): Promise<Row[]> {
  const { page, server, close } = await openBenchPage({ entry: ENTRY });
  const rows: Row[] = [];
  try {
    const cdp = await page.context().newCDPSession(page);
    const reset = () => fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    await page.evaluate((n) => (window as unknown as W).makeFile(n), 50 * MiB);
    // Warm-up (the client learns its chunk size here), then interleaved runs.
    await page.evaluate(() => (window as unknown as W).baseline());
    await reset();
    await page.evaluate(() => (window as unknown as W).sdkUpload());
    await page.evaluate(() => (window as unknown as W).byHand());
    const runs = { baseline: [] as number[], sdkUpload: [] as number[], sdkCold: [] as number[], byHand: [] as number[] };
    const kinds = Object.keys(runs) as Array<keyof typeof runs>;
    // Each round runs all four, each in turn first, so that none always runs right after a reset.
    for (let i = 0; i < RUNS; i++) {
      await reset();
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length]!;
        runs[kind].push(await page.evaluate((f) => (window as unknown as W)[f](), kind));
      }
    }
    const mbps = (ms: number) => round((50 * MiB) / 1e6 / (ms / 1000), 0);
    const base = median(runs.baseline);
    const ratio = base / median(runs.sdkUpload);
    const cold = base / median(runs.sdkCold);
    const hand = base / median(runs.byHand);
    rows.push({ name: 'upload: 50 MiB documents.upload vs fetch PUT /__mock/discard (throughput)', value: mbps(median(runs.sdkUpload)), unit: 'MB/s', baseline: mbps(base), ratio: round(ratio), budget: '≥ 0.85×', ok: ratio >= 0.85 });
    rows.push({ name: "upload: the same, a new client's first upload (starts at the server's 16 MiB hint: two PATCHes)", value: mbps(median(runs.sdkCold)), unit: 'MB/s', baseline: mbps(base), ratio: round(cold), budget: 'info', ok: true });
    rows.push({ name: 'upload: the same protocol by hand (create, one fetch PATCH, commit; no validation): the floor for any client', value: mbps(median(runs.byHand)), unit: 'MB/s', baseline: mbps(base), ratio: round(hand), budget: 'info', ok: true });

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
