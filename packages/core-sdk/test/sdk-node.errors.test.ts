/**
 * The SDK in Node 20 over real HTTP against a standalone mock server: every error class, raised
 * for real (never an axios error, always a message of its own).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { badFiles, makeDoc, makeDocx, makePdf, makePng, makePaddedPdf } from '@docportal/mock-server/testing';
import {
  AbortError,
  AuthError,
  ConflictError,
  FileTooLargeError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnsupportedFileTypeError,
  ValidationError,
  createClient,
  validateFile,
} from '../src/index.ts';
import {
  stats,
  faults,
  clientAs,
  manager,
  contact,
  file,
  rejects,
  ROSENWEG,
  usesMockServer,
} from './sdk-node-setup.ts';

usesMockServer();

// -------------------------------------------------------------------------------- walkthroughs

describe('errors, raised for real in Node', () => {
  it('maps each HTTP answer to its class with status, code and problem', async () => {
    const m = manager();
    const auth = await rejects(clientAs('bogus').me(), AuthError);
    assert.equal(auth.status, 401);
    assert.equal(auth.code, 'unauthorized');
    assert.equal(auth.problem?.status, 401);
    await rejects(clientAs(undefined).me(), AuthError);

    const forbidden = await rejects(
      contact('ahmet-yilmaz').documentTypes.create({ name: 'Neu' }),
      ForbiddenError,
    );
    assert.deepEqual([forbidden.status, forbidden.code], [403, 'forbidden']);

    const nf = await rejects(m.documents.get('no-such-document'), NotFoundError);
    assert.deepEqual(
      [nf.status, nf.code, nf.problem?.code, nf.problem?.status],
      [404, 'not_found', 'not_found', 404],
    );
    assert.equal(typeof nf.problem?.type, 'string');

    const taken = await rejects(m.documentTypes.create({ name: 'objektunterlagen' }), ConflictError);
    assert.deepEqual([taken.status, taken.code], [409, 'conflict']);
    const notEmpty = await rejects(m.documentTypes.remove('objektunterlagen'), ConflictError);
    assert.equal(notEmpty.code, 'conflict');

    const doc = await m.documents.get('energieausweis-rosenweg-24');
    await m.documents.update(doc.id, { title: 'Energieausweis (neu)' }, { ifMatch: doc.version });
    const stale = await rejects(
      m.documents.update(doc.id, { title: 'Zu spät' }, { ifMatch: doc.version }),
      PreconditionFailedError,
    );
    assert.deepEqual([stale.status, stale.code], [412, 'precondition_failed']);
    assert.equal((await m.documents.get(doc.id)).title, 'Energieausweis (neu)');

    const v = await rejects(m.documents.list({ limit: 500 }), ValidationError);
    assert.deepEqual([v.status, v.code], [422, 'validation_failed']);
    assert.deepEqual(
      v.errors.map((e) => e.path),
      ['limit'],
    );
    assert.ok(v.errors[0]!.message.length > 0, 'each field error says why');
    const badTarget = await rejects(
      m.recipients.resolve({ scope: ROSENWEG, targets: [{ kind: 'contact', contactId: 'nobody-at-all' }] }),
      ValidationError,
    );
    assert.ok(badTarget.errors.length > 0, 'the unknown target is named');
    assert.ok(
      badTarget.errors.every((e) => e.path.startsWith('targets')),
      JSON.stringify(badTarget.errors),
    );
  });

  it('refuses an id of "", "." or ".." before any request: it would name another path', async () => {
    const sent: string[] = [];
    const c = clientAs('manager', { onRequest: ({ url }) => void sent.push(url) });
    for (const id of ['', '.', '..']) {
      const e = await rejects(c.documents.get(id), ValidationError);
      assert.equal(e.code, 'validation_failed');
      await rejects(c.documents.remove(id), ValidationError);
      await rejects(c.documentTypes.update(id, { name: 'x' }), ValidationError);
    }
    assert.deepEqual(sent, [], 'no request went out');
    // Any other text is one encoded segment.
    await rejects(c.documents.get('../types'), NotFoundError);
    assert.match(sent.at(-1)!, /\/documents\/\.\.%2Ftypes$/);
  });

  it('refuses a bad title, type or share list locally, naming each field, with zero requests, by either upload path', async () => {
    const m = manager();
    const before = await stats();
    const pdf = () => file(makePdf('Hausordnung'), 'hausordnung.pdf');
    for (const chunkSize of [undefined, 262_144]) {
      const longTitle = await rejects(
        m.documents.upload(pdf(), {
          title: 'x'.repeat(201),
          documentTypeId: 'hausordnung',
          scope: ROSENWEG,
          chunkSize,
        }),
        ValidationError,
      );
      assert.deepEqual([longTitle.status, longTitle.code], [0, 'validation_failed']);
      assert.deepEqual(
        longTitle.errors.map((e) => e.path),
        ['title'],
      );
      assert.match(longTitle.message, /title/);
      const noType = await rejects(
        m.documents.upload(pdf(), { documentTypeId: '', scope: ROSENWEG, chunkSize }),
        ValidationError,
      );
      assert.deepEqual(
        noType.errors.map((e) => e.path),
        ['documentTypeId'],
      );
      const badShare = await rejects(
        m.documents.upload(pdf(), {
          documentTypeId: 'hausordnung',
          scope: ROSENWEG,
          chunkSize,
          shares: [{ kind: 'contact', contactId: '' }, { kind: 'everyone' } as never],
        }),
        ValidationError,
      );
      assert.ok(
        badShare.errors.length > 0 && badShare.errors.every((e) => e.path.startsWith('shares.')),
        JSON.stringify(badShare.errors),
      );
    }
    const afterwards = await stats();
    assert.equal(afterwards.requests, before.requests, 'no request for a bad form');
    assert.equal(afterwards.uploads, 0);
  });

  it('refuses bad and oversized files locally, with zero requests; exactly 50 MiB passes validation', async () => {
    const m = manager();
    const before = await stats();
    for (const bad of badFiles()) {
      const e = await rejects(
        m.documents.upload(file(bad.bytes, bad.name, bad.type), {
          documentTypeId: 'plaene',
          scope: ROSENWEG,
        }),
        bad.bytes.length === 0 ? ValidationError : UnsupportedFileTypeError,
      );
      assert.equal(e.status, 0, bad.why);
    }
    const png = await rejects(
      m.documents.upload(file(makePng(4, 4), 'plan.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG }),
      UnsupportedFileTypeError,
    );
    assert.deepEqual([png.status, png.code], [0, 'unsupported_file_type']);
    const tooLarge = await rejects(
      m.documents.upload(new File([new Uint8Array(52_428_801)], 'gross.pdf'), {
        documentTypeId: 'plaene',
        scope: ROSENWEG,
      }),
      FileTooLargeError,
    );
    assert.deepEqual([tooLarge.status, tooLarge.code], [0, 'file_too_large']);
    const empty = await rejects(
      m.documents.upload(new File([], 'leer.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG }),
      ValidationError,
    );
    assert.equal(empty.code, 'empty_file');
    const afterwards = await stats();
    assert.equal(afterwards.requests, before.requests, 'no request for a refused file');
    assert.equal(afterwards.uploads, 0);

    assert.deepEqual(
      await validateFile(
        new File(
          [makePaddedPdf(52_428_800, 'Genau 50 MiB', { seed: 1 }) as Uint8Array<ArrayBuffer>],
          'genau.pdf',
        ),
      ),
      { ok: true, kind: 'pdf', mimeType: 'application/pdf' },
    );
    assert.equal((await validateFile(file(makeDoc(), 'alt.doc'))).ok, true);
    assert.equal(
      (
        await validateFile(
          file(
            makeDocx('x'),
            'neu.docx',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ),
        )
      ).ok,
      true,
    );
  });

  it('rate limits, server errors, timeouts, network errors and aborts', async () => {
    await faults({ failRate: 1, failStatus: 429, retryAfter: 2 });
    const rl = await rejects(clientAs('manager', { retry: 0 }).me(), RateLimitError);
    assert.deepEqual([rl.status, rl.code, rl.retryAfterMs], [429, 'rate_limited', 2000]);
    // The answer's headers are on the error, by their lower-case names.
    assert.equal(rl.headers?.['retry-after'], '2');
    assert.match(String(rl.headers?.['content-type']), /^application\/problem\+json/);

    await faults({ failRate: 1, failStatus: 500 });
    const s500 = await rejects(clientAs('manager', { retry: 0 }).me(), ServerError);
    assert.deepEqual([s500.status, s500.code], [500, 'internal_error']);
    await faults({ failRate: 1, failStatus: 503, retryAfter: 0 });
    const s503 = await rejects(
      clientAs('manager', { retry: { maxRetries: 2, baseDelayMs: 1 } }).documents.list(),
      ServerError,
    );
    assert.deepEqual([s503.status, s503.code], [503, 'service_unavailable']);

    await faults({ latencyMs: 200 });
    const timeout = await rejects(clientAs('manager', { timeoutMs: 50, retry: 0 }).me(), TimeoutError);
    assert.deepEqual([timeout.status, timeout.code], [0, 'timeout']);
    await rejects(manager().me({ timeoutMs: 50, maxRetries: 0 }), TimeoutError);

    // Aborted before the start: nothing is sent.
    await faults({});
    const requests = (await stats()).requests;
    const pre = new AbortController();
    pre.abort();
    const early = await rejects(manager().documents.list({ signal: pre.signal }), AbortError);
    assert.deepEqual([early.status, early.code], [0, 'aborted']);
    assert.equal((await stats()).requests, requests);
    // Aborted in flight.
    await faults({ latencyMs: 200 });
    const ctl = new AbortController();
    const pending = manager().me({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 30);
    const late = await rejects(pending, AbortError);
    assert.equal(late.code, 'aborted');
    await faults({});
    // The server still finishes the requests the client gave up on; let them end before the next test.
    await new Promise((r) => setTimeout(r, 300));

    // A closed port: no answer at all.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const net = await rejects(
      createClient({
        baseUrl: `http://127.0.0.1:${port}/api/v1`,
        token: 'manager',
        retry: { maxRetries: 2, baseDelayMs: 1 },
      }).me(),
      NetworkError,
    );
    assert.deepEqual([net.status, net.code, net.problem], [0, 'network_error', undefined]);
  });

  describe('answers that break the contract', () => {
    let rogue: ReturnType<typeof createServer>;
    let rogueBase: string;
    const answers: Record<string, (res: ServerResponse) => void> = {
      '/api/v1/me': (res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end('{"kind": "manager", "id": "manager", "name": '),
      '/api/v1/properties': (res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ items: [{ id: 42, name: null }] })),
      '/api/v1/units/x': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(''),
      '/api/v1/documents/x': (res) =>
        res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>Internal Server Error</h1>'),
      '/api/v1/documents/y': (res) =>
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"nope"}'),
    };

    before(async () => {
      rogue = createServer((req: IncomingMessage, res: ServerResponse) => {
        const answer = answers[new URL(req.url ?? '/', 'http://x').pathname];
        if (answer) answer(res);
        else res.writeHead(404).end();
      });
      await new Promise<void>((r) => rogue.listen(0, '127.0.0.1', r));
      rogueBase = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}/api/v1`;
    });
    after(() => new Promise<void>((r) => rogue.close(() => r())));

    it('a malformed JSON body, a wrong shape or an empty body become ResponseValidationError', async () => {
      const c = createClient({ baseUrl: rogueBase, token: 'manager', retry: 0 });
      const malformed = await rejects(c.me(), ResponseValidationError);
      // There was an answer (200), it just broke the contract: status is 0 only when none came.
      assert.deepEqual([malformed.status, malformed.code], [200, 'invalid_response']);
      assert.ok(malformed.issues.length > 0, 'issues are listed');
      const shape = await rejects(c.properties.list(), ResponseValidationError);
      assert.ok(
        shape.issues.some((i) => i.path.startsWith('items.0')),
        JSON.stringify(shape.issues),
      );
      await rejects(c.units.get('x'), ResponseValidationError);
    });

    it('an error status without a problem document still maps by status', async () => {
      const c = createClient({ baseUrl: rogueBase, token: 'manager', retry: 0 });
      const s = await rejects(c.documents.get('x'), ServerError);
      assert.deepEqual([s.status, s.problem], [500, undefined]);
      const nf = await rejects(c.documents.get('y'), NotFoundError);
      assert.deepEqual([nf.status, nf.problem], [404, undefined]);
    });
  });
});

// -------------------------------------------------------------------------------------- tokens
