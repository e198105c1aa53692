/**
 * Upload throughput and memory in Chromium: `documents.upload` of a 50 MiB file from a page
 * served by the standalone mock server (same origin), against one plain `fetch` PUT of the same
 * Blob to `PUT /__mock/discard` on the same server, runs interleaved; and the JS heap growth
 * while uploading 10 MiB and 50 MiB. Two series: the server on a CPU of its own (the budget),
 * and the server sharing every CPU with Chromium (info).
 */
import type { Page } from 'playwright-core';
import { pinning } from './browser.ts';
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const MiB = 1024 * 1024;
/** Interleaved rounds per series; more give steadier figures (`RUNS=41 npm run bench upload`). */
const RUNS = Number(process.env.RUNS ?? 21);

const ENTRY = `
import { createClient } from '@docportal/core-sdk';
// PATCH requests of the upload under way, from the client's onRequest hook.
let patches = 0;
const onRequest = ({ method }) => void (method === 'PATCH' && patches++);
const newClient = () => createClient({ baseUrl: '/api/v1', token: 'manager', onRequest });
const client = newClient();
window.patches = { sdkUpload: [], sdkCold: [] };
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
const upload = async (c, kind) => {
  patches = 0;
  const t = performance.now();
  const doc = await c.documents.upload(window.file, { documentTypeId: 'plaene', scope: 'property:rosenweg-24', resume: false });
  const ms = performance.now() - t;
  if (doc.size !== window.file.size) throw new Error('size');
  window.patches[kind].push(patches);
  return ms;
};
window.sdkUpload = () => upload(client, 'sdkUpload');
window.sdkCold = () => upload(newClient(), 'sdkCold');
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

type W = Window & {
  patches: { sdkUpload: number[]; sdkCold: number[] };
  makeFile(n: number): number;
  baseline(): Promise<number>;
  sdkUpload(): Promise<number>;
  sdkCold(): Promise<number>;
  byHand(): Promise<number>;
};
type Kind = 'baseline' | 'sdkUpload' | 'sdkCold' | 'byHand';
type Runs = Record<Kind, number[]>;

const reset = (url: string) =>
  fetch(`${url}/__mock/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });

/**
 * Times `kinds` (the others stay empty) over RUNS interleaved rounds on one page. Each round
 * runs every kind, each in turn first, so that none always runs right after a reset.
 */
async function series(page: Page, url: string, kinds: Kind[]): Promise<Runs> {
  const run = (kind: Kind) => page.evaluate((f) => (window as unknown as W)[f](), kind);
  await page.evaluate((n) => (window as unknown as W).makeFile(n), 50 * MiB);
  // Warm-up (the client learns its chunk size here), not counted.
  await run('baseline');
  await reset(url);
  await run('sdkUpload');
  await run('byHand');
  await page.evaluate(() => ((window as unknown as W).patches = { sdkUpload: [], sdkCold: [] }));
  const runs: Runs = { baseline: [], sdkUpload: [], sdkCold: [], byHand: [] };
  for (let i = 0; i < RUNS; i++) {
    await reset(url);
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length]!;
      runs[kind].push(await run(kind));
    }
  }
  return runs;
}

const mbps = (ms: number) => round((50 * MiB) / 1e6 / (ms / 1000), 0);

/** One row: the median of `kind` against the baseline's of the same series. */
function row(runs: Runs, kind: Kind, name: string, budget?: number): Row {
  const base = median(runs.baseline);
  const ratio = base / median(runs[kind]);
  return {
    name,
    value: mbps(median(runs[kind])),
    unit: 'MB/s',
    baseline: mbps(base),
    ratio: round(ratio),
    budget: budget ? `≥ ${budget}×` : 'info',
    ok: budget ? ratio >= budget : true,
  };
}

export async function benchUpload(): Promise<Row[]> {
  const rows: Row[] = [];
  // A real backend never runs on the browser's CPU, so the budget is measured with the standalone
  // server on a CPU of its own. Sharing two CPUs, the server (about 150 ms of CPU per 50 MiB:
  // socket reads and SHA-256) and Chromium (about 250 ms) contend for them, and the same code
  // measures anywhere from 0.77× to 0.96× from run to run; apart, 0.90–0.95×. The shared series
  // stays in the table as info.
  const pin = pinning();
  const apart = await openBenchPage({ entry: ENTRY, standalone: true, pin });
  try {
    const runs = await series(apart.page, apart.server.url, ['baseline', 'sdkUpload', 'sdkCold', 'byHand']);
    const where = pin
      ? `server on CPU ${pin.server}, Chromium on CPU ${pin.browser}`
      : 'server and Chromium on the same CPUs: no taskset or one CPU';
    rows.push(
      row(
        runs,
        'sdkUpload',
        `upload: 50 MiB documents.upload vs fetch PUT /__mock/discard, standalone server (${where})`,
        0.85,
      ),
    );
    rows.push(
      row(
        runs,
        'sdkCold',
        "upload: the same, a new client's first upload (starts at the server's 16 MiB hint: two PATCHes)",
      ),
    );
    rows.push(
      row(
        runs,
        'byHand',
        'upload: the same protocol by hand (create, one fetch PATCH, commit; no validation): the floor for any client',
      ),
    );
    const p = await apart.page.evaluate(() => (window as unknown as W).patches);
    const most = (xs: number[]) => Math.max(...xs);
    rows.push({
      name: `upload: PATCH requests of a 50 MiB upload, most seen: a new client (a warm client: ${most(p.sdkUpload)})`,
      value: most(p.sdkCold),
      unit: 'chunks',
      budget: '≤ 2',
      ok: most(p.sdkCold) <= 2 && most(p.sdkUpload) <= 2,
    });
  } finally {
    await apart.close();
  }

  const { page, server, close } = await openBenchPage({ entry: ENTRY, standalone: true });
  try {
    const runs = await series(page, server.url, ['baseline', 'sdkUpload', 'byHand']);
    rows.push(
      row(
        runs,
        'sdkUpload',
        'upload: documents.upload again, the standalone server sharing every CPU with Chromium',
      ),
    );
    rows.push(row(runs, 'byHand', 'upload: the protocol by hand, sharing all CPUs likewise'));

    const cdp = await page.context().newCDPSession(page);
    for (const size of [10, 50]) {
      await page.evaluate((n) => (window as unknown as W).makeFile(n), size * MiB);
      await reset(server.url);
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
      rows.push({
        name: `upload: JS heap growth while uploading ${size} MiB`,
        value: growth,
        unit: 'MiB',
        budget: '≤ 16 MiB',
        ok: growth <= 16,
      });
    }
  } finally {
    await close();
  }
  return rows;
}
