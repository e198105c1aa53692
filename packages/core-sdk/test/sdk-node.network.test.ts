/**
 * The SDK in Node 20 over real HTTP against a standalone mock server: tokens, retries, chunk sizes,
 * the reliability bars of QUALITY.md ("Faults"), aborts and pagination.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePdf, makePaddedPdf } from '@docportal/mock-server/testing';
import {
  AbortError,
  AuthError,
  DocPortalError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  type Document,
} from '../src/index.ts';
import {
  stats,
  faults,
  reset,
  failPatchWhen,
  clientAs,
  manager,
  contact,
  file,
  sha256,
  bytesOf,
  rejects,
  allDocuments,
  ROSENWEG,
  W002,
  FIXTURE_DOCS_NEWEST_FIRST,
  mockStore,
  usesMockServer,
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

describe('uploads under faults (QUALITY.md)', () => {
  const SIZE = 52_428_800;
  let big: Uint8Array;
  let bigHash: string;

  before(() => {
    big = makePaddedPdf(SIZE, 'Grosse Datei', { seed: 0x5eed });
    bigHash = sha256(big);
  });

  for (const seed of [42, 7, 1234]) {
    it(`50 MiB through 30 % failures and cut connections, byte-exact (seed ${seed})`, async (t) => {
      assert.equal(big.length, SIZE);
      assert.equal(new TextDecoder().decode(big.subarray(0, 5)), '%PDF-');
      await reset();
      await faults({ failRate: 0.3, failStatus: 503, dropAfterBytes: 1_048_576, retryAfter: 0, seed });
      const progress: Array<{ loaded: number; total: number }> = [];
      let attempts = 0;
      const c = clientAs('manager', {
        retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 20 },
        onRequest: () => attempts++,
      });
      const started = performance.now();
      const doc = await c.documents.upload(file(big, `Gross ${seed}.pdf`, 'application/pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        maxRetries: 10,
        onProgress: (p) => progress.push(p),
      });
      const ms = performance.now() - started;
      const s = await stats();
      await faults({});
      const ratio = s.bytesReceived / SIZE;
      t.diagnostic(
        `seed ${seed}: ${Math.round(ms)} ms, ${attempts} requests, re-sent ratio ${ratio.toFixed(3)}`,
      );

      assert.equal(doc.size, SIZE);
      assert.equal(doc.sha256, bigHash);
      assert.ok(ratio <= 1.5, `re-sent ratio ${ratio}`);
      assert.ok(ratio >= 1, `the server got the whole file (${ratio})`);
      assert.deepEqual([s.documents, s.uploads, s.openUploads], [1, 1, 0]);
      assert.ok(progress.length > 1, `progress was reported (${progress.length} events)`);
      for (let i = 1; i < progress.length; i++)
        assert.ok(
          progress[i]!.loaded >= progress[i - 1]!.loaded,
          `progress went back at ${i}: ${progress[i - 1]!.loaded} → ${progress[i]!.loaded}`,
        );
      assert.ok(
        progress.every((p) => p.total === SIZE),
        'total is the file size',
      );
      assert.equal(progress.at(-1)!.loaded, SIZE);

      const downloaded = await c.documents.download(doc.id);
      assert.equal(downloaded.name, `Gross ${seed}.pdf`);
      assert.equal(downloaded.size, SIZE);
      assert.equal(sha256(await bytesOf(downloaded)), bigHash);
    });
  }

  it('200 small uploads under random faults and lost answers: none lost, none duplicated, no orphan session', async (t) => {
    const N = 200;
    await faults({
      failRate: 0.2,
      failStatus: 503,
      loseResponseRate: 0.1,
      dropAfterBytes: 200,
      retryAfter: 0,
      seed: 99,
    });
    const c = clientAs('manager', { retry: { maxRetries: 10, baseDelayMs: 1, maxDelayMs: 5 } });
    const titles = Array.from({ length: N }, (_, i) => `Faults ${String(i).padStart(3, '0')}`);
    const made: Document[] = [];
    const errors: unknown[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < N) {
        const i = next++;
        const bytes = makePaddedPdf(2048 + ((i * 997) % 4096), titles[i]!, { seed: i + 1 });
        try {
          made.push(
            await c.documents.upload(file(bytes, `${titles[i]}.pdf`), {
              documentTypeId: 'plaene',
              scope: ROSENWEG,
              maxRetries: 10,
            }),
          );
        } catch (e) {
          errors.push(e);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const s = await stats();
    await faults({});
    t.diagnostic(`${N} uploads in ${Math.round(performance.now() - started)} ms, ${s.requests} requests`);

    assert.deepEqual(errors.map(String), []);
    assert.equal(made.length, N);
    assert.equal(new Set(made.map((d) => d.id)).size, N, 'each upload its own document');
    assert.equal(s.documents, N, 'stats.documents');
    assert.equal(s.uploads, N, 'one upload session each, even when the answer to POST /uploads was lost');
    assert.equal(s.openUploads, 0, 'no orphan session');
    const fresh = (await allDocuments()).filter((d) => !FIXTURE_DOCS_NEWEST_FIRST.includes(d.id));
    assert.equal(fresh.length, N);
    assert.deepEqual(fresh.map((d) => d.title).sort(), titles);
  });
});

// --------------------------------------------------------------------------------------- abort

describe('abort leaves nothing behind', () => {
  const bytes = makePaddedPdf(2 * 1024 * 1024, 'Abbruch', { seed: 5 });

  it('an already aborted signal sends nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await rejects(
      manager().documents.upload(file(bytes, 'Abbruch.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        signal: ctl.signal,
      }),
      AbortError,
    );
    assert.deepEqual(await stats(), {
      requests: 0,
      bytesReceived: 0,
      documents: 0,
      uploads: 0,
      openUploads: 0,
    });
  });

  for (const [moment, at] of [
    ['before the first byte', 0],
    ['mid-upload', 0.5],
    ['right before the commit', 1],
  ] as const) {
    it(`aborted ${moment}`, async (t) => {
      const ctl = new AbortController();
      let abortedAt = -1;
      const p = manager().documents.upload(file(bytes, 'Abbruch.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: 256 * 1024,
        signal: ctl.signal,
        onProgress: ({ loaded, total }) => {
          if (abortedAt < 0 && loaded >= total * at) {
            abortedAt = loaded;
            ctl.abort();
          }
        },
      });
      await rejects(p, AbortError);
      assert.ok(abortedAt >= 0, 'the abort happened');
      t.diagnostic(`aborted at byte ${abortedAt} of ${bytes.length}`);
      if (at === 0.5) assert.ok(abortedAt > 0 && abortedAt < bytes.length, `aborted at ${abortedAt}`);
      const s = await stats();
      assert.deepEqual(
        { documents: s.documents, openUploads: s.openUploads },
        { documents: 0, openUploads: 0 },
      );
      assert.equal(s.uploads, 1);
      assert.ok(!(await allDocuments()).some((d) => d.title === 'Abbruch'), 'no document left');
    });
  }
});

describe('abort while the commit is on its way', () => {
  it('leaves no document and no open upload', async () => {
    const ctl = new AbortController();
    const c = clientAs('manager', {
      onRequest: ({ method, url }) => {
        if (method === 'POST' && url.endsWith('/documents') && !ctl.signal.aborted)
          setImmediate(() => ctl.abort());
      },
    });
    const bytes = makePdf('Abbruch beim Festschreiben');
    // A chunk size: the resumable path, whose commit this is about (direct-upload.test.ts aborts the one-request path).
    await rejects(
      c.documents.upload(file(bytes, 'Abbruch.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: 256 * 1024,
        signal: ctl.signal,
        shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }],
      }),
      AbortError,
    );
    const s = await stats();
    // The clean-up deletes the session first, so a commit still on its way finds nothing to
    // commit; had it got there first, its key would be replayed and the document deleted.
    assert.ok(s.documents <= 1, `documents made: ${s.documents}`);
    assert.equal(s.openUploads, 0);
    assert.ok(!(await allDocuments()).some((d) => d.title === 'Abbruch'), 'no document left');
    assert.ok(
      !(await contact('ahmet-yilmaz').documents.list()).items.some((d) => d.title === 'Abbruch'),
      'nothing visible to the recipient',
    );
  });
});

// ---------------------------------------------------------------------------------- pagination

describe('pagination', () => {
  it('iterate walks every page in order, with limit 3', async () => {
    let lists = 0;
    const c = clientAs('manager', { onRequest: ({ url }) => void (url.includes('/documents') && lists++) });
    const seen: Document[] = [];
    for await (const d of c.documents.iterate({ limit: 3 })) seen.push(d);
    assert.deepEqual(
      seen.map((d) => d.id),
      FIXTURE_DOCS_NEWEST_FIRST,
    );
    assert.equal(lists, 2, 'two pages of at most 3');
    const created = seen.map((d) => Date.parse(d.createdAt));
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
    );

    const byTitle: string[] = [];
    for await (const d of c.documents.iterate({ limit: 3, sort: 'title:asc' })) byTitle.push(d.title);
    assert.equal(byTitle.length, 4);
    assert.deepEqual(
      byTitle,
      [...byTitle].sort((a, b) => a.localeCompare(b, 'de')),
    );

    const scoped: string[] = [];
    for await (const d of c.documents.iterate({ limit: 1, scope: 'property:max-planck-12' }))
      scoped.push(d.id);
    assert.deepEqual(scoped, ['protokoll-eigentuemerversammlung-2026', 'grundriss-max-planck-12-w002']);

    // A contact iterates only what they see.
    const ahmet: string[] = [];
    for await (const d of contact('ahmet-yilmaz').documents.iterate({ limit: 1 })) ahmet.push(d.id);
    assert.deepEqual(
      ahmet,
      (await contact('ahmet-yilmaz').documents.list()).items.map((d) => d.id),
    );
  });

  it('list gives nextCursor, and the next page continues without duplicates, even after an insert', async () => {
    const m = manager();
    const first = await m.documents.list({ limit: 3 });
    assert.equal(first.items.length, 3);
    assert.equal(typeof first.nextCursor, 'string');
    // A new document between the pages must not shift the second page.
    await m.documents.upload(file(makePdf('Neu'), 'Neu.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG });
    const second = await m.documents.list({ limit: 3, cursor: first.nextCursor! });
    assert.equal(second.nextCursor, null);
    const ids = [...first.items, ...second.items].map((d) => d.id);
    assert.deepEqual(ids, FIXTURE_DOCS_NEWEST_FIRST);
    assert.equal(new Set(ids).size, ids.length);
  });
});
