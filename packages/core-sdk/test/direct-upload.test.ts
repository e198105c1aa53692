/**
 * `documents.upload` picks the path by size: files up to the server's `Upload-Limit` in one
 * request (`POST /documents/upload`), larger ones resumably. Real HTTP against the standalone
 * mock server; faults injected in its store.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import axios from 'axios';
import { createStore, makePaddedPdf } from '@docportal/mock-server/testing';
import { startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import { UPLOAD_LIMIT } from '../src/contract.ts';
import { jsonSchemaHints } from '../src/schemas/common.ts';
import { AbortError, createClient, type ClientOptions } from '../src/index.ts';

let server: RunningServer;
before(async () => {
  server = await startHttpServer({ port: 0, store: createStore() });
});
beforeEach(() => {
  server.store.reset();
  server.store.setFaults({});
});
after(() => server.close());

const ROSENWEG = 'property:rosenweg-24';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (bytes: Uint8Array, name: string) =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' });
/** A client that records `METHOD path` of every attempt. */
function recording(options: Partial<ClientOptions> = {}) {
  const calls: string[] = [];
  const client = createClient({
    baseUrl: `${server.url}/api/v1`,
    token: 'manager',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
    onRequest: (i) => {
      calls.push(
        `${i.method} ${new URL(i.url).pathname.replace('/api/v1', '').replace(/\/uploads\/[^/]+$/, '/uploads/{id}')}`,
      );
      options.onRequest?.(i);
    },
  });
  return { client, calls };
}

describe('documents.upload picks the path by size', () => {
  it('a small file goes in one request, byte-exact, with progress to the end', async () => {
    const { client, calls } = recording();
    const bytes = makePaddedPdf(300 * 1024, 'Hausordnung');
    const progress: number[] = [];
    const doc = await client.documents.upload(file(bytes, 'Hausordnung.pdf'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
      onProgress: (p) => progress.push(p.loaded),
    });
    assert.deepEqual(calls, ['POST /documents/upload']);
    assert.equal(doc.sha256, sha256(bytes));
    assert.equal(doc.title, 'Hausordnung');
    assert.equal(progress.at(-1), bytes.length);
    for (let i = 1; i < progress.length; i++)
      assert.ok(progress[i]! >= progress[i - 1]!, 'progress never goes back');
    const s = server.store.stats();
    assert.deepEqual([s.documents, s.openUploads], [1, 0]);
  });

  it('a file above the limit takes the resumable path', async () => {
    const { client, calls } = recording();
    const bytes = makePaddedPdf(UPLOAD_LIMIT + 1, 'Gross');
    const doc = await client.documents.upload(file(bytes, 'Gross.pdf'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
    });
    assert.equal(calls[0], 'POST /uploads');
    assert.ok(calls.includes('PATCH /uploads/{id}'), calls.join());
    assert.equal(calls.at(-1), 'POST /documents');
    assert.equal(doc.sha256, sha256(bytes));
  });

  it('follows the limit the server announces in Upload-Limit (here 1000 bytes)', async () => {
    const ax = axios.create();
    ax.interceptors.response.use((r) => {
      r.headers['upload-limit'] = '1000';
      return r;
    });
    const { client, calls } = recording({ axios: ax });
    // The first upload learns the limit from its own answer; the second follows it.
    await client.documents.upload(file(makePaddedPdf(2000, 'Eins'), 'Eins.pdf'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
    });
    assert.deepEqual(calls, ['POST /documents/upload']);
    calls.length = 0;
    await client.documents.upload(file(makePaddedPdf(2000, 'Zwei'), 'Zwei.pdf'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
    });
    assert.deepEqual(calls, ['POST /uploads', 'PATCH /uploads/{id}', 'POST /documents']);
  });

  it('a lost answer is retried with the same key: one document', async () => {
    let attempt = 0;
    const { client, calls } = recording({
      onRequest: () => server.store.setFaults(attempt++ === 0 ? { loseResponseRate: 1 } : {}),
    });
    const bytes = makePaddedPdf(50_000, 'Verloren');
    const doc = await client.documents.upload(file(bytes, 'Verloren.pdf'), {
      documentTypeId: 'plaene',
      scope: ROSENWEG,
    });
    assert.deepEqual(calls, ['POST /documents/upload', 'POST /documents/upload']);
    const s = server.store.stats();
    assert.deepEqual([s.documents, s.openUploads], [1, 0]);
    assert.equal(doc.sha256, sha256(bytes));
  });

  it('an abort while the request is on its way leaves no document', async () => {
    const ctl = new AbortController();
    const { client } = recording({ onRequest: () => !ctl.signal.aborted && setImmediate(() => ctl.abort()) });
    await assert.rejects(
      client.documents.upload(file(makePaddedPdf(200_000, 'Abbruch'), 'Abbruch.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        signal: ctl.signal,
      }),
      AbortError,
    );
    const s = server.store.stats();
    assert.equal(s.openUploads, 0);
    const left = (await recording().client.documents.list({ q: 'Abbruch' })).items;
    assert.deepEqual(left, [], 'no document left');
  });
});

describe('the resumable path', () => {
  it('keeps nothing per chunk: the contract schemas it parses with are built once', async () => {
    // Each built schema is remembered for the OpenAPI document (jsonSchemaHints, a strong map):
    // one built per PATCH would stay for as long as the page.
    const { client, calls } = recording();
    const upload = (title: string) =>
      client.documents.upload(file(makePaddedPdf(1024 * 1024, title), `${title}.pdf`), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        chunkSize: 256 * 1024,
        resume: false,
      });
    await upload('Erster');
    const before = jsonSchemaHints.size;
    const patches = () => calls.filter((c) => c === 'PATCH /uploads/{id}').length;
    const sent = patches();
    await upload('Zweiter');
    assert.ok(patches() - sent >= 2, `sent in chunks: ${patches() - sent} PATCH`);
    assert.equal(jsonSchemaHints.size, before, 'schemas remembered after the second upload');
  });
});
