/**
 * Small files on a real connection: a 300 KB PDF through `documents.upload` against one plain
 * `fetch` PUT of the same Blob to `PUT /__mock/discard`, with 80 ms of latency on every request
 * (the mock's `latencyMs` fault, which the discard endpoint honours too), runs interleaved. The
 * one-request path is the budget; the resumable path for the same file (three requests) is info.
 */
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const RUNS = Number(process.env.RUNS ?? 21);
const LATENCY_MS = 80;
const SIZE = 300 * 1000;

const ENTRY = `
import { createClient } from '@docportal/core-sdk';
const client = createClient({ baseUrl: '/api/v1', token: 'manager' });
const bytes = new Uint8Array(${SIZE});
crypto.getRandomValues(bytes.subarray(0, 65536));
bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
const file = new File([bytes], 'Hausordnung.pdf', { type: 'application/pdf' });
const time = async (f) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
window.baseline = () => time(async () => {
  const r = await fetch('/__mock/discard', { method: 'PUT', body: file });
  if (r.status !== 204) throw new Error('discard ' + r.status);
});
const upload = (extra) => time(async () => {
  const doc = await client.documents.upload(file, { documentTypeId: 'plaene', scope: 'property:rosenweg-24', resume: false, ...extra });
  if (doc.size !== file.size) throw new Error('size');
});
window.sdk = () => upload({});
// A chunk size sends it through the resumable path: open, one PATCH, commit.
window.resumable = () => upload({ chunkSize: 1048576 });
window.ready = true;
`;

type Kind = 'baseline' | 'sdk' | 'resumable';

export async function benchUploadSmall(): Promise<Row[]> {
  const { page, server, close } = await openBenchPage({ entry: ENTRY, standalone: true });
  const control = (path: string, body: unknown) =>
    fetch(`${server.url}/__mock/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    const run = (kind: Kind) =>
      page.evaluate((f) => (window as unknown as Record<Kind, () => Promise<number>>)[f](), kind);
    const kinds: Kind[] = ['baseline', 'sdk', 'resumable'];
    await control('faults', { latencyMs: LATENCY_MS });
    for (const k of kinds) await run(k); // warm-up
    const runs: Record<Kind, number[]> = { baseline: [], sdk: [], resumable: [] };
    for (let i = 0; i < RUNS; i++)
      for (let k = 0; k < kinds.length; k++)
        runs[kinds[(i + k) % kinds.length]!].push(await run(kinds[(i + k) % kinds.length]!));
    await control('faults', {});
    const base = median(runs.baseline);
    const row = (kind: Kind, name: string, budget?: number): Row => {
      const ratio = median(runs[kind]) / base;
      return {
        name,
        value: round(median(runs[kind]), 0),
        unit: 'ms',
        baseline: round(base, 0),
        ratio: round(ratio),
        budget: budget ? `≤ ${budget}×` : 'info',
        ok: budget ? ratio <= budget : true,
      };
    };
    return [
      row(
        'sdk',
        `upload: 300 KB PDF through documents.upload vs one fetch PUT /__mock/discard, ${LATENCY_MS} ms latency on every request (one request)`,
        1.3,
      ),
      row(
        'resumable',
        `upload: the same file through the resumable path (open, PATCH, commit), ${LATENCY_MS} ms latency`,
      ),
    ];
  } finally {
    await close();
  }
}
