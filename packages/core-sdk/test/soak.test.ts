/**
 * The soak (QUALITY.md "Faults", sized for CI): 200 uploads through the SDK in Node against a
 * standalone mock server that fails requests, cuts bodies and loses answers at random, with
 * mixed sizes around chunk boundaries. None lost, none duplicated, no phantom, no open session,
 * every byte equal. The figures are printed as diagnostics.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { makePaddedPdf } from '@docportal/mock-server/testing';
import { startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import { DocPortalError, createClient, type Document } from '../src/index.ts';

let server: RunningServer;
before(async () => {
  server = await startHttpServer({ port: 0 });
});
after(() => server.close());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const CHUNK = 256 * 1024;
/** Sizes around the chunk boundaries of a 256 KiB first chunk, and small files. */
const SIZES = [
  1000,
  4096,
  CHUNK - 1,
  CHUNK,
  CHUNK + 1,
  2 * CHUNK,
  2 * CHUNK + 1,
  (3 * CHUNK) / 2,
  5 * CHUNK + 17,
  12_345,
];

it('200 uploads under random faults and lost answers: none lost, none duplicated, no phantom, no open session, every byte equal', async (t) => {
  const N = 200;
  const api = `${server.url}/api/v1`;
  server.store.reset();
  server.store.setFaults({
    failRate: 0.3,
    failStatus: 503,
    dropAfterBytes: 64 * 1024,
    loseResponseRate: 0.15,
    retryAfter: 0,
    seed: 2026,
  });
  const c = createClient({
    baseUrl: api,
    token: 'manager',
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const files = Array.from({ length: N }, (_, i) => {
    const bytes = makePaddedPdf(SIZES[i % SIZES.length]!, `Soak ${i + 1}`, { seed: i + 1 });
    return {
      title: `Soak ${String(i).padStart(3, '0')}`,
      bytes,
      file: new File([bytes as Uint8Array<ArrayBuffer>], `Soak ${i}.pdf`, {
        type: 'application/pdf',
        lastModified: 1,
      }),
    };
  });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const ok = new Map<number, Document>();
  let typed = 0;
  let tries = 0;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      const f = files[i]!;
      // A typed failure (the retries ran out) is tried again, as a person would: the same file
      // resumes or replays what it left, and must never come out twice.
      for (let attempt = 0; attempt < 20 && !ok.has(i); attempt++) {
        tries++;
        try {
          ok.set(
            i,
            await c.documents.upload(f.file, {
              title: f.title,
              documentTypeId: 'plaene',
              scope: 'property:rosenweg-24',
              ...(i % 2 ? { chunkSize: CHUNK } : {}),
            }),
          );
        } catch (e) {
          assert.ok(e instanceof DocPortalError, `untyped failure: ${String(e)}`);
          typed++;
        }
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const s = server.store.stats();
  server.store.setFaults({});
  const ms = Math.round(performance.now() - started);

  const all: Document[] = [];
  for await (const d of c.documents.iterate({ limit: 200 })) if (d.title.startsWith('Soak ')) all.push(d);
  const byTitle = new Map<string, Document[]>();
  for (const d of all) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d]);
  const lost = files.filter((f) => !byTitle.has(f.title)).length;
  const duplicated = [...byTitle.values()].filter((l) => l.length > 1).length;
  const phantom = all.filter((d) => ![...ok.values()].some((x) => x.id === d.id)).length;
  let unequal = 0;
  for (const [i, d] of ok)
    if (d.sha256 !== sha256(files[i]!.bytes) || d.size !== files[i]!.bytes.length) unequal++;
  const figures = {
    tried: tries,
    ok: ok.size,
    typedFailures: typed,
    lost,
    duplicated,
    phantom,
    openSessions: s.openUploads,
    resentRatio: Number((s.bytesReceived / total).toFixed(3)),
    ms,
  };
  t.diagnostic(JSON.stringify(figures));

  assert.equal(ok.size, N, 'every file ended as a document');
  assert.equal(lost, 0, 'none lost');
  assert.equal(duplicated, 0, 'none duplicated');
  assert.equal(phantom, 0, 'no document nobody was told of');
  assert.equal(s.openUploads, 0, 'no open session');
  assert.equal(unequal, 0, 'every byte equal');
  assert.equal(s.documents, N, 'one document per file');
});
