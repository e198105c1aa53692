/**
 * Exactly once, measured (not part of `npm test` nor of `npm run bench`; run it alone):
 *
 *   node --conditions=source --import tsx bench/exactly-once.ts [runs=30]
 *
 * 1. Re-sent bytes: `runs` uploads of 50 MiB through the SDK at 30 % failures (503s and bodies cut
 *    after 1 MiB), each on a fresh store; the ratio of bytes the server received to the file
 *    (QUALITY.md: ≤ 1.5×).
 * 2. Server memory (RSS of a standalone server in its own process): at rest, after a 100 MB and a
 *    300 MB JSON body (both refused with 413 unbuffered), with 8 upload sessions of 25 MiB, and
 *    after those sessions expired and were purged (the server collects garbage twice a second).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { makePdf } from '@docportal/mock-server/testing';
import { startHttpServer } from '@docportal/mock-server/http';
import { createClient } from '@docportal/core-sdk';

const runs = Number(process.argv[2] ?? 30);
const MiB = 1024 * 1024;

async function resentRatios(): Promise<number[]> {
  const server = await startHttpServer({ port: 0 });
  const size = 50 * MiB;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  bytes.set(makePdf('Gross'));
  const ratios: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      server.store.reset();
      server.store.setFaults({
        failRate: 0.3,
        failStatus: 503,
        dropAfterBytes: MiB,
        retryAfter: 0,
        seed: 1000 + run,
      });
      const c = createClient({
        baseUrl: `${server.url}/api/v1`,
        token: 'manager',
        retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 20 },
      });
      await c.documents.upload(new File([bytes], `Gross ${run}.pdf`, { type: 'application/pdf' }), {
        documentTypeId: 'plaene',
        scope: 'property:rosenweg-24',
        maxRetries: 10,
      });
      const s = server.store.stats();
      ratios.push(s.bytesReceived / size);
      process.stdout.write(`run ${run + 1}/${runs}: re-sent ratio ${ratios.at(-1)!.toFixed(3)}\n`);
    }
  } finally {
    await server.close();
  }
  return ratios;
}

/** RSS and the bytes held outside the JS heap (Buffers) of the server, in MiB. */
const rss = (_pid: number) => {
  const m = JSON.parse(readFileSync(MEMO_FILE, 'utf8')) as NodeJS.MemoryUsage;
  return `RSS ${(m.rss / MiB).toFixed(0)}, heap ${(m.heapUsed / MiB).toFixed(0)}, buffers ${(m.arrayBuffers / MiB).toFixed(0)}`;
};

/** Sends a body of `mb` megabytes in 1 MB pieces; resolves the status. */
function bigJson(url: string, mb: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: 'Bearer manager',
          'Content-Type': 'application/json',
          'Content-Length': String(mb * 1_000_000),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    const piece = Buffer.alloc(1_000_000, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < mb) {
        sent++;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/**
 * In the server's process: collects twice a second and writes its memory figures to a file, so
 * that what is still held shows (RSS alone keeps what the allocator does not give back).
 */
const MEMO_FILE = `/tmp/docportal-mock-memory-${process.pid}.json`;
const GC_OFTEN = `data:text/javascript,import { writeFileSync } from 'node:fs'; setInterval(() => { globalThis.gc(); writeFileSync('${MEMO_FILE}', JSON.stringify(process.memoryUsage())); }, 500).unref();`;

async function memory(): Promise<Record<string, string>> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      GC_OFTEN,
      '--conditions=source',
      '--import',
      'tsx',
      'packages/mock-server/src/cli.ts',
      '--port',
      '0',
      '--quiet',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise<string>((resolve) =>
    child.stdout.on(
      'data',
      (d: Buffer) =>
        /API at (http:\/\/\S+)\/api\/v1/.test(String(d)) &&
        resolve(/API at (http:\/\/\S+)\/api\/v1/.exec(String(d))![1]!),
    ),
  );
  const api = `${origin}/api/v1`;
  const control = (path: string, body: unknown) =>
    fetch(`${origin}/__mock${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const settle = () => new Promise((r) => setTimeout(r, 1500));
  const out: Record<string, string> = {};
  try {
    await settle();
    out['at rest'] = rss(child.pid!);
    for (const mb of [100, 300]) {
      const status = await bigJson(`${api}/document-types`, mb);
      await settle();
      out[`after a ${mb} MB JSON body (${status})`] = rss(child.pid!);
    }
    const size = 25 * MiB;
    const bytes = new Uint8Array(size).fill(0x25);
    for (let i = 0; i < 8; i++) {
      const c = await (
        await fetch(`${api}/uploads`, {
          method: 'POST',
          headers: { Authorization: 'Bearer manager', 'Content-Type': 'application/json' },
          body: JSON.stringify({ fileName: `s${i}.pdf`, size, mimeType: 'application/pdf' }),
        })
      ).json();
      await fetch(`${api}/uploads/${c.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: 'Bearer manager',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
        },
        body: bytes,
      });
    }
    await settle();
    out['with 8 open sessions of 25 MiB'] = rss(child.pid!);
    await control('/clock', { now: new Date(Date.now() + 25 * 3_600_000).toISOString() });
    const stats = await (await fetch(`${origin}/__mock/stats`)).json();
    await settle();
    out[`after they expired (openUploads ${stats.openUploads})`] = rss(child.pid!);
  } finally {
    child.kill();
  }
  return out;
}

const ratios = await resentRatios();
const sorted = [...ratios].sort((a, b) => a - b);
console.log(
  `\nre-sent ratio over ${runs} runs of 50 MiB at 30 % faults: median ${sorted[Math.floor(runs / 2)]!.toFixed(3)}, max ${sorted.at(-1)!.toFixed(3)} (bar ≤ 1.5)`,
);
console.log('\nserver memory (MiB):');
for (const [k, v] of Object.entries(await memory())) console.log(`  ${k}: ${v}`);
