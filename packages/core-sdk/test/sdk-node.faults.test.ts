/**
 * The SDK in Node 20 over real HTTP against a standalone mock server: uploads under the faults of
 * QUALITY.md, aborts that leave nothing behind (also while the commit is on its way), pagination.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makePdf, makePaddedPdf } from '@docportal/mock-server/testing';
import { AbortError, type Document } from '../src/index.ts';
import {
  stats,
  faults,
  reset,
  clientAs,
  manager,
  contact,
  file,
  sha256,
  bytesOf,
  rejects,
  allDocuments,
  ROSENWEG,
  FIXTURE_DOCS_NEWEST_FIRST,
  usesMockServer,
} from './sdk-node-setup.ts';

usesMockServer();

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
