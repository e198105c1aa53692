/**
 * Exactly once, under every fault (API.md "Exactly once, and limits"): the SDK in Node against a
 * standalone mock server whose answers are lost on purpose. Every write carries one
 * Idempotency-Key across its retries, so a lost answer never turns into a false error or a second
 * write, and a write whose outcome stays unknown says so.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { makePdf } from '@docportal/mock-server/testing';
import { startHttpServer } from '@docportal/mock-server/http';
import {
  AbortError,
  DocPortalError,
  ServerError,
  createClient,
  type ClientOptions,
  type Document,
} from '../src/index.ts';
import { apiBase, mockStore, stats, usesMockServer } from './sdk-node-setup.ts';

usesMockServer();

type Fate = 'lose' | 'fail' | undefined;
/** What the server does with a request: the mock's faults for each fate. */
const FATES = {
  lose: { loseResponseRate: 1 },
  fail: { failRate: 1, failStatus: 503, retryAfter: 0 },
} as const;
/** The first answer is lost, the next `fails` attempts fail (all of them when undefined), then it goes through. */
const loseThenFail = (n: number, fails = Infinity): keyof typeof FATES | undefined => {
  if (n === 0) return 'lose';
  return n <= fails ? 'fail' : undefined;
};

/**
 * A client whose requests meet the fates `plan` gives them, by method and path, one per try (the
 * client is sequential, so the server draws for that very request): `lose` takes effect and
 * loses the answer, `fail` answers 503 without effect.
 */
function faulty(
  plan: (method: string, path: string, n: number) => Fate,
  options: Partial<ClientOptions> = {},
) {
  const seen = new Map<string, number>();
  return createClient({
    baseUrl: apiBase(),
    token: 'manager',
    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onRequest: ({ method, url }) => {
      const path = new URL(url).pathname.replace('/api/v1', '');
      const k = `${method} ${path}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      const fate = plan(method, path, n);
      mockStore().setFaults(fate ? FATES[fate] : {});
    },
    ...options,
  });
}
/** The first try of `method path` loses its answer; every other request passes. */
const loseFirst = (m: string, p: string | RegExp) =>
  faulty((method, path, n) =>
    method === m && (typeof p === 'string' ? path === p : p.test(path)) && n === 0 ? 'lose' : undefined,
  );

const pdf = (title: string, size = 4096) => {
  const out = new Uint8Array(size).fill(0x20);
  out.set(makePdf(title));
  return new File([out], `${title}.pdf`, { type: 'application/pdf', lastModified: 1_700_000_000_000 });
};
const ROSENWEG = 'property:rosenweg-24';
/** These tests are about the resumable protocol: chunkSize sends even a small file through it. */
const CHUNK = 256 * 1024;

async function rejection(p: Promise<unknown>): Promise<DocPortalError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DocPortalError, `not a DocPortalError: ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

describe('a lost answer is never a false error', () => {
  it('documents.update with ifMatch: the retry gets the applied change, not PreconditionFailedError', async () => {
    const c = loseFirst('PATCH', '/documents/energieausweis-rosenweg-24');
    const before = await c.documents.get('energieausweis-rosenweg-24');
    const doc = await c.documents.update(
      before.id,
      { title: 'Energieausweis 2027' },
      { ifMatch: before.version },
    );
    assert.equal(doc.title, 'Energieausweis 2027');
    assert.equal(doc.version, before.version + 1, 'changed once');
  });

  it('documents.remove: the retry answers like the first, not NotFoundError', async () => {
    const c = loseFirst('DELETE', '/documents/energieausweis-rosenweg-24');
    await c.documents.remove('energieausweis-rosenweg-24');
    assert.equal(
      (await c.documents.list({ limit: 200 })).items.some((d) => d.id === 'energieausweis-rosenweg-24'),
      false,
    );
  });

  it('documentTypes.create: the retry gets the created type, not ConflictError, and only one exists', async () => {
    const c = loseFirst('POST', '/document-types');
    const t = await c.documentTypes.create({ name: 'Verträge' });
    const named = (await c.documentTypes.list()).filter((x) => x.name === 'Verträge');
    assert.deepEqual(
      named.map((x) => x.id),
      [t.id],
    );
  });

  it('idempotencyKey overrides the key: the same key twice acts once', async () => {
    const c = faulty(() => undefined);
    const a = await c.documentTypes.create({ name: 'Einmal' }, { idempotencyKey: 'mein-schluessel' });
    const b = await c.documentTypes.create({ name: 'Einmal' }, { idempotencyKey: 'mein-schluessel' });
    assert.equal(b.id, a.id);
  });
});

describe('an upload whose commit answer is lost', () => {
  it('in one request (POST /documents/upload), then 503s: the outcome is unknown; the next upload of the file returns that document, and there is one', async () => {
    const f = pdf('Phantom klein');
    const c = faulty((method, path, n) =>
      method === 'POST' && path === '/documents/upload' ? loseThenFail(n) : undefined,
    );
    const e = await rejection(c.documents.upload(f, { documentTypeId: 'plaene', scope: ROSENWEG }));
    assert.equal(e.outcome, 'unknown', `${e.name}: ${e.message}`);
    assert.equal((await stats()).documents, 1, 'the upload took effect');

    mockStore().setFaults({});
    const again = await createClient({ baseUrl: apiBase(), token: 'manager' }).documents.upload(f, {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
    });
    assert.equal((await stats()).documents, 1, 'no second document');
    const mine = (await c.documents.list({ limit: 200 })).items.filter(
      (d: Document) => d.title === 'Phantom klein',
    );
    assert.deepEqual(
      mine.map((d) => d.id),
      [again.id],
    );
  });

  it('then 503s: the error says the outcome is unknown; the next upload of the file returns that document, and there is one', async () => {
    const f = pdf('Phantom');
    const c = faulty((method, path, n) =>
      method === 'POST' && path === '/documents' ? loseThenFail(n) : undefined,
    );
    const e = await rejection(
      c.documents.upload(f, { documentTypeId: 'plaene', scope: ROSENWEG, chunkSize: CHUNK }),
    );
    assert.ok(e instanceof ServerError, `${e.name}: ${e.message}`);
    assert.equal(e.outcome, 'unknown');
    assert.equal(typeof e.idempotencyKey, 'string');
    assert.equal((await stats()).documents, 1, 'the commit took effect');

    mockStore().setFaults({});
    const again = await createClient({ baseUrl: apiBase(), token: 'manager' }).documents.upload(f, {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
      chunkSize: CHUNK,
    });
    const s = await stats();
    assert.equal(s.documents, 1, 'no second document');
    assert.equal(s.openUploads, 0);
    const mine = (await c.documents.list({ limit: 200 })).items.filter(
      (d: Document) => d.title === 'Phantom',
    );
    assert.deepEqual(
      mine.map((d) => d.id),
      [again.id],
    );
  });

  for (const [path, chunkSize] of [
    ['/documents/upload', undefined],
    ['/documents', CHUNK],
  ] as const)
    it(`through ${path}, then a later call for the file meets only 503s: that call says the outcome is still unknown, and the next one returns the one document`, async () => {
      const f = pdf(`Zweimal unklar ${chunkSize ?? 'klein'}`);
      const options = { documentTypeId: 'plaene', scope: ROSENWEG, ...(chunkSize ? { chunkSize } : {}) };
      const first = faulty((method, p, n) => (method === 'POST' && p === path ? loseThenFail(n) : undefined));
      assert.equal((await rejection(first.documents.upload(f, options))).outcome, 'unknown');
      // Nothing of this call reaches the server; the first call's write happened all the same.
      const second = faulty((method, p) => (method === 'POST' && p === path ? 'fail' : undefined));
      const e = await rejection(second.documents.upload(f, options));
      assert.ok(e instanceof ServerError, `${e.name}: ${e.message}`);
      assert.equal(e.outcome, 'unknown', 'a 503 says nothing of the earlier call');
      assert.equal(typeof e.idempotencyKey, 'string');

      mockStore().setFaults({});
      const again = await createClient({ baseUrl: apiBase(), token: 'manager' }).documents.upload(f, options);
      const s = await stats();
      assert.deepEqual([s.documents, s.openUploads], [1, 0], 'one document, no open session');
      assert.equal(again.title, `Zweimal unklar ${chunkSize ?? 'klein'}`);
    });

  it('and is retried at once: one document, no error', async () => {
    const c = loseFirst('POST', '/documents');
    const doc = await c.documents.upload(pdf('Einmal'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
      chunkSize: CHUNK,
    });
    assert.deepEqual([(await stats()).documents, (await stats()).openUploads], [1, 0]);
    assert.equal(doc.title, 'Einmal');
  });
});

describe('no stranded session', () => {
  it('the answer to POST /uploads is lost, then the SDK gives up: it learns the session by its key and deletes it', async () => {
    const c = faulty((method, path, n) =>
      method === 'POST' && path === '/uploads' ? loseThenFail(n, 3) : undefined,
    );
    const e = await rejection(
      c.documents.upload(pdf('Verloren'), { documentTypeId: 'plaene', scope: ROSENWEG, chunkSize: CHUNK }),
    );
    assert.ok(e instanceof ServerError, e.name);
    const s = await stats();
    assert.equal(s.uploads, 1, 'one session was made');
    assert.equal(s.openUploads, 0, 'and deleted');
  });

  it('the answer to POST /uploads is lost, then the caller aborts: the session is deleted', async () => {
    const ctl = new AbortController();
    const c = faulty((method, path, n) => {
      if (method === 'POST' && path === '/uploads' && n === 1) setImmediate(() => ctl.abort());
      return method === 'POST' && path === '/uploads' && n === 0 ? 'lose' : undefined;
    });
    const e = await rejection(
      c.documents.upload(pdf('Abbruch'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: CHUNK,
        signal: ctl.signal,
      }),
    );
    assert.ok(e instanceof AbortError, e.name);
    const s = await stats();
    assert.equal(s.openUploads, 0);
    assert.equal(s.documents, 0);
  });

  it('every PATCH fails: the SDK gives up and deletes its session', async () => {
    const c = faulty((method) => (method === 'PATCH' ? 'fail' : undefined));
    const e = await rejection(
      c.documents.upload(pdf('Aufgegeben'), { documentTypeId: 'plaene', scope: ROSENWEG, chunkSize: CHUNK }),
    );
    assert.ok(e instanceof ServerError, e.name);
    assert.equal((await stats()).openUploads, 0);
  });
});

describe('a session another PATCH still holds', () => {
  it('409 upload_busy: the SDK waits Retry-After, resumes after the server cuts the stalled PATCH, and the bytes come out equal', async () => {
    const idle = await startHttpServer({ port: 0, uploadIdleMs: 300 });
    try {
      const bytes = new Uint8Array(300 * 1024).fill(0x41);
      bytes.set(makePdf('Blockiert'));
      const f = new File([bytes], 'Blockiert.pdf', { type: 'application/pdf' });
      let busy = 0;
      let stalled: ReturnType<typeof request> | undefined;
      // The first PATCH finds the session held by a stalled PATCH of the same bytes (as an
      // earlier try of this client on a dying connection would).
      const withStall: typeof fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        const method = input instanceof Request ? input.method : init?.method;
        if (method === 'PATCH' && !stalled) {
          stalled = request(url, {
            method: 'PATCH',
            headers: {
              Authorization: 'Bearer manager',
              'Upload-Offset': '0',
              'Content-Type': 'application/offset+octet-stream',
              'Content-Length': String(bytes.length),
            },
          });
          stalled.on('error', () => undefined);
          stalled.write(bytes.subarray(0, 1000));
          await new Promise((r) => setTimeout(r, 100));
        }
        const res = await fetch(input, init);
        if (res.status === 409 && (await res.clone().json()).code === 'upload_busy') busy++;
        return res;
      };
      const c = createClient({
        baseUrl: `${idle.url}/api/v1`,
        token: 'manager',
        fetch: withStall,
        retry: { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 5 },
      });
      const doc = await c.documents.upload(f, {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: CHUNK,
      });
      stalled?.destroy();
      assert.ok(busy >= 1, `met upload_busy ${busy} times`);
      assert.equal(doc.size, bytes.length);
      assert.equal(doc.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(idle.store.stats().openUploads, 0);
    } finally {
      await idle.close();
    }
  });
});
