/**
 * The SDK in Node 20 over real HTTP against a standalone mock server: tokens (a string, a sync or
 * an async function; asked again after a 401), retries, chunk sizes that adapt to the connection,
 * and a chunk cut when its bytes stop moving.
 */
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { makePaddedPdf } from '@docportal/mock-server/testing';
import {
  AuthError,
  DocPortalError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../src/index.ts';
import {
  stats,
  faults,
  reset,
  failPatchWhen,
  clientAs,
  file,
  sha256,
  rejects,
  ROSENWEG,
  W002,
  mockStore,
  usesMockServer,
  apiBase,
} from './sdk-node-setup.ts';

usesMockServer();

describe('tokens', () => {
  it('accepts a string, a sync function and an async function, asked before each request', async () => {
    assert.equal((await clientAs('manager').me()).kind, 'manager');
    let calls = 0;
    const sync = clientAs(() => (calls++, 'contact:ahmet-yilmaz'));
    assert.equal((await sync.me()).id, 'ahmet-yilmaz');
    await sync.properties.list();
    assert.equal(calls, 2);
    const asyncToken = clientAs(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return 'contact:kristina-maiblume';
    });
    assert.equal((await asyncToken.me()).id, 'kristina-maiblume');
  });

  it('after a 401 asks a token function once more and retries; a string token fails without retry', async () => {
    const tokens = ['expired', 'manager'];
    let calls = 0;
    const refreshed = clientAs(async () => (calls++, tokens.shift() ?? 'manager'));
    let before = (await stats()).requests;
    assert.equal((await refreshed.me()).kind, 'manager');
    assert.equal(calls, 2);
    assert.equal((await stats()).requests - before, 2);

    // A function that keeps giving a bad token: asked twice, then AuthError.
    calls = 0;
    before = (await stats()).requests;
    await rejects(clientAs(() => (calls++, 'still-bad')).me(), AuthError);
    assert.equal(calls, 2);
    assert.equal((await stats()).requests - before, 2);

    // A string cannot be refreshed: one request, AuthError.
    before = (await stats()).requests;
    const e = await rejects(clientAs('bad-string').me(), AuthError);
    assert.equal(e.status, 401);
    assert.equal((await stats()).requests - before, 1);
  });
});

// ------------------------------------------------------------------------------------- retries

describe('retries', () => {
  const reads = (c: ReturnType<typeof clientAs>) => [
    () => c.me(),
    () => c.properties.list(),
    () => c.properties.get('rosenweg-24'),
    () => c.properties.units('max-planck-12'),
    () => c.properties.groups('rosenweg-24'),
    () => c.units.get(W002),
    () => c.documentTypes.list({ scope: ROSENWEG }),
    () => c.documents.list({ scope: ROSENWEG }),
    () => c.documents.get('energieausweis-rosenweg-24'),
    () => c.recipients.search({ scope: ROSENWEG, q: 'rosenweg' }),
    () => c.notifications.digests({ date: '2026-11-28' }),
    () => c.documents.downloads('energieausweis-rosenweg-24'),
  ];

  it('GET calls succeed through 50 % 503s with the default retries, and fail with none', async () => {
    const f = { failRate: 0.5, failStatus: 503, retryAfter: 0, seed: 20261127 };
    await faults(f);
    let attempts = 0;
    const retrying = clientAs('manager', { retry: { baseDelayMs: 5 }, onRequest: () => attempts++ });
    for (const call of reads(retrying)) await call();
    const n = reads(retrying).length;
    assert.ok(attempts > n, `some calls were retried (${attempts} attempts for ${n} calls)`);
    assert.equal((await stats()).requests, attempts);

    await reset();
    await faults(f);
    const once = clientAs('manager', { retry: { maxRetries: 0 } });
    const failures: DocPortalError[] = [];
    for (const call of reads(once)) await call().catch((e: unknown) => failures.push(e as DocPortalError));
    assert.ok(failures.length > 0, 'with the same draws and no retries some calls fail');
    for (const e of failures) {
      assert.ok(e instanceof ServerError && !('isAxiosError' in e), String(e));
      assert.deepEqual([e.status, e.code], [503, 'service_unavailable']);
    }
    assert.equal((await stats()).requests, n, 'no retries');
  });

  it('does not retry what cannot succeed (404, 422)', async () => {
    let attempts = 0;
    const c = clientAs('manager', { onRequest: () => attempts++ });
    await rejects(c.documents.get('missing'), NotFoundError);
    await rejects(c.documents.list({ limit: 0 }), ValidationError);
    assert.equal(attempts, 2);
  });

  it("the client's retry policy also bounds the retries of upload chunks", async () => {
    // The first `failFirst` PATCHes fail with a 503.
    let patches = 0;
    let failFirst = Infinity;
    const onRequest = failPatchWhen(() => ++patches <= failFirst);
    // A chunk size: the resumable path even for this small file.
    const upload = (c: ReturnType<typeof clientAs>, name: string) =>
      c.documents.upload(file(makePaddedPdf(64 * 1024, name, { seed: 3 }), `${name}.pdf`), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: 256 * 1024,
      });

    const e = await rejects(
      upload(clientAs('manager', { retry: { maxRetries: 2, baseDelayMs: 1 }, onRequest }), 'Zwei'),
      ServerError,
    );
    assert.equal(e.status, 503);
    assert.equal(patches, 3, 'one try and two retries of the chunk');

    patches = 0;
    failFirst = 7;
    const doc = await upload(
      clientAs('manager', { retry: { maxRetries: 8, baseDelayMs: 1 }, onRequest }),
      'Acht',
    );
    assert.equal(patches, 8, 'seven failures, then the chunk went through');
    assert.equal(doc.title, 'Acht');
    mockStore().setFaults({});
  });

  it('honours Retry-After of a 429 before the retry', async () => {
    await faults({ failRate: 1, failStatus: 429, retryAfter: 1 });
    const at: number[] = [];
    const c = clientAs('manager', {
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      onRequest: () => at.push(performance.now()),
    });
    const e = await rejects(c.me(), RateLimitError);
    assert.equal(e.retryAfterMs, 1000);
    assert.equal(at.length, 2, 'one retry');
    assert.ok(at[1]! - at[0]! >= 950, `waited ${Math.round(at[1]! - at[0]!)} ms before the retry`);
  });
});

describe('chunk sizes adapt to the connection', () => {
  it('a client whose last upload went through cleanly sends the next file in one PATCH; a small file or a failed chunk does not make it start below the hint', async () => {
    await reset();
    const bytes = makePaddedPdf(40 * 1024 * 1024, 'Lernend', { seed: 11 });
    let patches = 0;
    let failNext = false;
    // Counts the PATCHes; only the one after `failNext = true` fails.
    const onRequest = failPatchWhen(() => {
      patches++;
      const fail = failNext;
      failNext = false;
      return fail;
    });
    const c = clientAs('manager', { retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 }, onRequest });
    /** Uploads `data` as `name` and answers how many PATCHes it took. */
    const upload = async (name: string, data = bytes) => {
      patches = 0;
      const doc = await c.documents.upload(file(data, `${name}.pdf`), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        resume: false,
      });
      assert.equal(doc.sha256, sha256(data), `${name}: byte-exact`);
      return patches;
    };
    // A small file first (in one request, no PATCH): it must not make the next upload start small.
    assert.equal(await upload('Klein', makePaddedPdf(100 * 1024, 'Klein', { seed: 12 })), 0);
    // The server's hint (16 MiB) first; the measured rate then allows the largest PATCH (64 MiB).
    assert.equal(await upload('Erste'), 2, 'first large upload: the hint, then the rest');
    assert.equal(await upload('Zweite'), 1, 'second upload: one PATCH');
    failNext = true;
    assert.ok((await upload('Dritte')) >= 2, 'third upload: its first chunk failed and was sent again');
    assert.equal(await upload('Vierte'), 2, 'after a failure the client starts at the hint again');
    mockStore().setFaults({});
    const s = await stats();
    assert.deepEqual([s.documents, s.uploads, s.openUploads], [5, 5, 0]);
  });
});

// ----------------------------------------------------------------------- reliability ("Faults")

describe('a chunk whose bytes stop moving', () => {
  it('is cut once no byte moved for timeoutMs, and the upload goes on from the server’s offset', async () => {
    const api = new URL(apiBase());
    // A proxy in front of the mock server that takes the first PATCH's first bytes, then neither
    // reads nor answers it: only the SDK's stall detection can end it (chunks have no total timeout).
    let patches = 0;
    let held: IncomingMessage | undefined;
    const proxy = createServer((req, res) => {
      if (req.method === 'PATCH' && patches++ === 0) {
        held = req;
        req.once('data', () => req.pause());
        return;
      }
      const out = request(
        { host: api.hostname, port: api.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const bytes = makePaddedPdf(600 * 1024, 'Stau', { seed: 9 });
      const client = clientAs('manager', {
        baseUrl: `http://127.0.0.1:${port}${api.pathname}`,
        retry: { baseDelayMs: 1 },
      });
      const doc = await client.documents.upload(file(bytes, 'stau.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: 256 * 1024,
        timeoutMs: 400,
      });
      assert.ok(held, 'the first PATCH was held');
      // Read on, the held PATCH's connection turns out closed: the SDK cut it. (A paused socket
      // does not notice before it reads again; had the SDK kept waiting, it would stay open.)
      const closed = new Promise((resolve) => held!.socket.once('close', () => resolve('closed')));
      held.resume();
      assert.equal(await Promise.race([closed, sleep(5000)]), 'closed', 'the SDK cut the held PATCH');
      assert.ok(patches >= 3, `${patches} PATCHes: the held one, then the file's chunks again`);
      assert.deepEqual([doc.size, doc.sha256], [bytes.byteLength, sha256(bytes)]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
