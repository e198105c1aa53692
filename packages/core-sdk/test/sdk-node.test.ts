/**
 * The SDK in Node 20 (the platform's File, Blob, AbortController; axios over node:http) against
 * a standalone mock server on a free port, over real HTTP: both walkthroughs, every error class,
 * tokens, retries, the reliability bars of QUALITY.md ("Faults"), aborts and pagination.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { badFiles, makeDoc, makeDocx, makePdf, makePng, makePaddedPdf } from '@docportal/mock-server/testing';
import { startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import {
  AbortError,
  AuthError,
  ConflictError,
  DocPortalError,
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
  type ClientOptions,
  type Document,
  type DocumentTypeNode,
  type TokenSource,
} from '../src/index.ts';

// ------------------------------------------------------------------------------------ helpers
// Every assert.ok carries a message: without one, Node builds it from the source, which can hang
// under tsx when the assertion fails.

let server: RunningServer;
let base: string;

type Stats = { requests: number; bytesReceived: number; documents: number; uploads: number; openUploads: number };

/** Calls a `/__mock` control endpoint (GET without a body, POST with one). */
async function control<T = any>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/__mock${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const stats = () => control<Stats>('/stats');
const faults = (f: Record<string, number>) => control('/faults', f);
const reset = () => control('/reset', {});
/**
 * An `onRequest` hook that makes a PATCH fail with a 503 when `fail()` says so; every other
 * request passes. The fault is set right before each request goes out (the client is
 * sequential, so the server draws for that very request). `fail` is asked once per PATCH.
 */
const failPatchWhen =
  (fail: () => boolean) =>
  ({ method }: { method: string }) =>
    server.store.setFaults(method === 'PATCH' && fail() ? { failRate: 1, failStatus: 503, retryAfter: 0 } : {});

const clientAs = (token: TokenSource | undefined, options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: base, token, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options });
const manager = () => clientAs('manager');
const contact = (id: string) => clientAs(`contact:${id}`);

const file = (bytes: Uint8Array, name: string, type = '') => new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/**
 * Awaits a rejection and checks it is `Class`, a DocPortalError and never an axios error, with a
 * message of its own (not axios' "Request failed with status code …").
 */
async function rejects<T extends DocPortalError>(p: Promise<unknown>, Class: abstract new (...args: any[]) => T): Promise<T> {
  let error: unknown;
  let resolved = false;
  try {
    await p;
    resolved = true;
  } catch (e) {
    error = e;
  }
  assert.ok(!resolved, `expected ${Class.name}, but the call succeeded`);
  assert.ok(error instanceof DocPortalError, `not a DocPortalError: ${String(error)}`);
  assert.ok(!('isAxiosError' in error), `an axios error escaped: ${String(error)}`);
  assert.ok(error instanceof Class, `expected ${Class.name}, got ${error.name} (${error.status} ${error.code}): ${error.message}`);
  assert.equal(error.name, Class.name);
  assert.ok(error.message.length > 5, `a message of its own: ${error.message}`);
  assert.doesNotMatch(error.message, /Request failed with status code|AxiosError|ECONN|ERR_/);
  return error;
}

/** Every document the manager sees (all pages). */
async function allDocuments(): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of manager().documents.iterate({ limit: 200 })) out.push(d);
  return out;
}

const ROSENWEG = 'property:rosenweg-24';
const W002 = 'max-planck-12-w002';
const FIXTURE_DOCS_NEWEST_FIRST = ['wirtschaftsplan-2027-rosenweg-24', 'protokoll-eigentuemerversammlung-2026', 'energieausweis-rosenweg-24', 'grundriss-max-planck-12-w002'];

before(async () => {
  server = await startHttpServer({ port: 0 });
  base = `${server.url}/api/v1`;
});
after(() => server.close());
beforeEach(async () => {
  await reset();
});

// -------------------------------------------------------------------------------- walkthroughs

describe('walkthroughs of DOMAIN.md through the SDK', () => {
  it('1: house rules for all tenants of Rosenweg 24, downloads, count and digest', async () => {
    await control('/clock', { now: '2026-11-27T10:00:00Z' });
    const m = manager();
    const me = await m.me();
    assert.deepEqual([me.kind, me.id], ['manager', 'manager']);
    const property = await m.properties.get('rosenweg-24');
    assert.equal(property.name, 'Rosenweg 24');
    assert.deepEqual(property.addresses.map((a) => a.id).sort(), ['rosenweg-24', 'rosenweg-24a']);

    // The type tree, nested, with the counts of the scope.
    const tree = await m.documentTypes.tree({ scope: ROSENWEG });
    const find = (nodes: DocumentTypeNode[], id: string): DocumentTypeNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const inner = find(n.children, id);
        if (inner) return inner;
      }
      return undefined;
    };
    const folder = tree.find((n) => n.id === 'objektunterlagen');
    assert.ok(folder, 'Objektunterlagen is a top-level type');
    assert.equal(folder.name, 'Objektunterlagen');
    assert.equal(folder.parentId, null);
    assert.deepEqual(folder.children.map((c) => c.id).sort(), ['energieausweis', 'plaene']);
    for (const id of ['bedienungsanleitungen', 'abrechnungen', 'protokolle']) assert.ok(tree.some((n) => n.id === id), id);
    assert.deepEqual(find(tree, 'abrechnungen')!.children.map((c) => c.id).sort(), ['hausgeldabrechnungen', 'nebenkostenabrechnungen']);
    assert.equal(folder.documentCount, 0);
    const subtreeBefore = folder.subtreeCount;

    // The share choice "Alle Mieter" and how many people it reaches.
    const [allTenants] = await m.recipients.search({ scope: ROSENWEG, q: 'Alle Mieter' });
    assert.ok(allTenants, 'an option "Alle Mieter"');
    assert.equal(allTenants.label, 'Alle Mieter');
    assert.deepEqual(allTenants.target, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] });
    const resolved = await m.recipients.resolve({ scope: { kind: 'property', id: 'rosenweg-24' }, targets: [allTenants.target] });
    const tenants = resolved.contacts.map((c) => c.id).sort();
    assert.deepEqual(tenants, ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);
    assert.equal(resolved.count, 4);
    assert.equal(allTenants.recipientCount, 4);

    // Upload: the title comes from the file name.
    const bytes = makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']);
    const doc = await m.documents.upload(file(bytes, 'Hausordnung.pdf', 'application/pdf'), { documentTypeId: 'objektunterlagen', scope: ROSENWEG, shares: [allTenants.target] });
    assert.equal(doc.title, 'Hausordnung');
    assert.equal(doc.fileName, 'Hausordnung.pdf');
    assert.equal(doc.mimeType, 'application/pdf');
    assert.equal(doc.size, bytes.length);
    assert.equal(doc.sha256, sha256(bytes));
    assert.equal(doc.downloadCount, 0);
    assert.equal(doc.recipientCount, 4);
    assert.deepEqual((await m.documents.list({ scope: ROSENWEG, documentTypeId: 'objektunterlagen' })).items.map((d) => d.id), [doc.id]);
    const after = (await m.documentTypes.tree({ scope: ROSENWEG })).find((n) => n.id === 'objektunterlagen')!;
    assert.equal(after.documentCount, 1);
    assert.equal(after.subtreeCount, subtreeBefore + 1);

    // Ahmet sees and downloads it, byte-exact, named by Content-Disposition.
    const ahmet = contact('ahmet-yilmaz');
    const visible = (await ahmet.documents.list()).items;
    assert.ok(visible.some((d) => d.id === doc.id), 'Ahmet sees the house rules');
    assert.equal(visible.find((d) => d.id === doc.id)!.downloadCount, undefined, 'contacts never see counts');
    const progress: number[] = [];
    const downloaded = await ahmet.documents.download(doc.id, { onProgress: (p) => progress.push(p.loaded) });
    assert.ok(downloaded instanceof File, 'download gives a File');
    assert.equal(downloaded.name, 'Hausordnung.pdf');
    assert.equal(downloaded.type, 'application/pdf');
    assert.deepEqual(await bytesOf(downloaded), bytes);
    assert.equal(progress.at(-1), bytes.length);

    // Paul (former tenant) and Kristina (another property) do not see it.
    for (const who of ['paul-klein', 'kristina-maiblume']) {
      const c = contact(who);
      assert.ok(!(await c.documents.list()).items.some((d) => d.id === doc.id), who);
      await rejects(c.documents.get(doc.id), NotFoundError);
      // A refused download keeps the server's problem (the body arrives as bytes, not JSON).
      const refused = await rejects(c.documents.download(doc.id), NotFoundError);
      assert.deepEqual([refused.status, refused.code, refused.problem?.code], [404, 'not_found', 'not_found']);
    }

    // The manager's count reads 1; the manager's own download does not count.
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    assert.deepEqual(await bytesOf(await m.documents.download(doc.id)), bytes);
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    const downloads = await m.documents.downloads(doc.id);
    assert.equal(downloads.total, 1);
    assert.deepEqual(downloads.byContact.map((d) => [d.contactId, d.count]), [['ahmet-yilmaz', 1]]);

    // Tomorrow's digest: every current tenant of Rosenweg 24, no one else.
    const day = await m.notifications.digests({ date: '2026-11-28' });
    assert.equal(day.date, '2026-11-28');
    assert.deepEqual(day.digests.map((d) => d.contact.id).sort(), tenants);
    for (const d of day.digests) assert.deepEqual(d.documents.map((x) => [x.id, x.title, x.documentTypeName, x.propertyName]), [[doc.id, 'Hausordnung', 'Objektunterlagen', 'Rosenweg 24']]);
    const mail = await m.notifications.email({ date: '2026-11-28', contactId: 'ahmet-yilmaz' });
    assert.match(mail.subject, /\S/);
    assert.match(mail.text, /Hausordnung/);
    assert.match(mail.html, /Hausordnung/);
    await rejects(m.notifications.email({ date: '2026-11-28', contactId: 'paul-klein' }), NotFoundError);
    // Today's digest (documents of yesterday) does not hold it.
    const today = await m.notifications.digests({ date: '2026-11-27' });
    assert.ok(!today.digests.some((d) => d.documents.some((x) => x.id === doc.id)), 'not in the digest of the upload day');
  });

  it('2: operating manual for Kristina alone, reopened and edited in the unit', async () => {
    await control('/clock', { now: '2026-11-27T10:00:00Z' });
    const m = manager();
    const units = await m.properties.units('max-planck-12');
    assert.equal(units.find((u) => u.id === W002)?.name, 'Wohnung 002');
    const unit = await m.units.get(W002);
    assert.deepEqual(unit.residents.map((r) => `${r.contactId}:${r.role}`).sort(), ['jonas-becker:owner', 'kristina-maiblume:tenant']);
    const options = await m.recipients.search({ scope: { kind: 'unit', id: W002 }, q: 'maiblume' });
    assert.deepEqual(options.map((o) => o.target), [{ kind: 'contact', contactId: 'kristina-maiblume' }]);

    const bytes = makePdf('Bedienungsanleitung Therme');
    const doc = await m.documents.upload(file(bytes, 'Bedienungsanleitung Therme.pdf'), {
      documentTypeId: 'bedienungsanleitungen',
      scope: { kind: 'unit', id: W002 },
      shares: options.map((o) => o.target),
    });
    assert.equal(doc.title, 'Bedienungsanleitung Therme');
    assert.deepEqual(doc.scope, { kind: 'unit', id: W002 });
    assert.equal(doc.recipientCount, 1);

    const kristina = contact('kristina-maiblume');
    assert.ok((await kristina.documents.list({ scope: `unit:${W002}` })).items.some((d) => d.id === doc.id), 'Kristina sees it');
    const downloaded = await kristina.documents.download(doc.id);
    assert.equal(downloaded.name, 'Bedienungsanleitung Therme.pdf');
    assert.equal(sha256(await bytesOf(downloaded)), doc.sha256);
    for (const who of ['lena-hoffmann', 'jonas-becker']) await rejects(contact(who).documents.get(doc.id), NotFoundError);

    // Reopen it among the unit's documents and change title and sharing.
    const mine = await m.documents.list({ scope: `unit:${W002}`, documentTypeId: 'bedienungsanleitungen' });
    assert.deepEqual(mine.items.map((d) => d.id), [doc.id]);
    const edited = await m.documents.update(doc.id, { title: 'Bedienungsanleitung Gastherme' }, { ifMatch: doc.version });
    assert.equal(edited.title, 'Bedienungsanleitung Gastherme');
    assert.equal(edited.version, doc.version + 1);
    const shared = await m.documents.share(doc.id, [{ kind: 'unit', unitId: W002, roles: ['tenant', 'owner'] }], { ifMatch: edited.version });
    assert.equal(shared.recipientCount, 2);
    assert.equal((await contact('jonas-becker').documents.get(doc.id)).title, 'Bedienungsanleitung Gastherme');
    await rejects(contact('lena-hoffmann').documents.get(doc.id), NotFoundError);
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    const day = await m.notifications.digests({ date: '2026-11-28' });
    assert.deepEqual(day.digests.map((d) => d.contact.id).sort(), ['jonas-becker', 'kristina-maiblume']);
  });
});

// -------------------------------------------------------------------------------------- errors

describe('errors, raised for real in Node', () => {
  it('maps each HTTP answer to its class with status, code and problem', async () => {
    const m = manager();
    const auth = await rejects(clientAs('bogus').me(), AuthError);
    assert.equal(auth.status, 401);
    assert.equal(auth.code, 'unauthorized');
    assert.equal(auth.problem?.status, 401);
    await rejects(clientAs(undefined).me(), AuthError);

    const forbidden = await rejects(contact('ahmet-yilmaz').documentTypes.create({ name: 'Neu' }), ForbiddenError);
    assert.deepEqual([forbidden.status, forbidden.code], [403, 'forbidden']);

    const nf = await rejects(m.documents.get('no-such-document'), NotFoundError);
    assert.deepEqual([nf.status, nf.code, nf.problem?.code, nf.problem?.status], [404, 'not_found', 'not_found', 404]);
    assert.equal(typeof nf.problem?.type, 'string');

    const taken = await rejects(m.documentTypes.create({ name: 'objektunterlagen' }), ConflictError);
    assert.deepEqual([taken.status, taken.code], [409, 'conflict']);
    const notEmpty = await rejects(m.documentTypes.remove('objektunterlagen'), ConflictError);
    assert.equal(notEmpty.code, 'conflict');

    const doc = await m.documents.get('energieausweis-rosenweg-24');
    await m.documents.update(doc.id, { title: 'Energieausweis (neu)' }, { ifMatch: doc.version });
    const stale = await rejects(m.documents.update(doc.id, { title: 'Zu spät' }, { ifMatch: doc.version }), PreconditionFailedError);
    assert.deepEqual([stale.status, stale.code], [412, 'precondition_failed']);
    assert.equal((await m.documents.get(doc.id)).title, 'Energieausweis (neu)');

    const v = await rejects(m.documents.list({ limit: 500 }), ValidationError);
    assert.deepEqual([v.status, v.code], [422, 'validation_failed']);
    assert.deepEqual(v.errors.map((e) => e.path), ['limit']);
    assert.ok(v.errors[0]!.message.length > 0, 'each field error says why');
    const badTarget = await rejects(m.recipients.resolve({ scope: ROSENWEG, targets: [{ kind: 'contact', contactId: 'nobody-at-all' }] }), ValidationError);
    assert.ok(badTarget.errors.length > 0, 'the unknown target is named');
    assert.ok(badTarget.errors.every((e) => e.path.startsWith('targets')), JSON.stringify(badTarget.errors));
  });

  it('refuses a bad title, type or share list locally, naming each field, with zero requests, by either upload path', async () => {
    const m = manager();
    const before = await stats();
    const pdf = () => file(makePdf('Hausordnung'), 'hausordnung.pdf');
    for (const chunkSize of [undefined, 262_144]) {
      const longTitle = await rejects(m.documents.upload(pdf(), { title: 'x'.repeat(201), documentTypeId: 'hausordnung', scope: ROSENWEG, chunkSize }), ValidationError);
      assert.deepEqual([longTitle.status, longTitle.code], [0, 'validation_failed']);
      assert.deepEqual(longTitle.errors.map((e) => e.path), ['title']);
      assert.match(longTitle.message, /title/);
      const noType = await rejects(m.documents.upload(pdf(), { documentTypeId: '', scope: ROSENWEG, chunkSize }), ValidationError);
      assert.deepEqual(noType.errors.map((e) => e.path), ['documentTypeId']);
      const badShare = await rejects(
        m.documents.upload(pdf(), { documentTypeId: 'hausordnung', scope: ROSENWEG, chunkSize, shares: [{ kind: 'contact', contactId: '' }, { kind: 'everyone' } as never] }),
        ValidationError,
      );
      assert.ok(badShare.errors.length > 0 && badShare.errors.every((e) => e.path.startsWith('shares.')), JSON.stringify(badShare.errors));
    }
    const afterwards = await stats();
    assert.equal(afterwards.requests, before.requests, 'no request for a bad form');
    assert.equal(afterwards.uploads, 0);
  });

  it('refuses bad and oversized files locally, with zero requests; exactly 50 MiB passes validation', async () => {
    const m = manager();
    const before = await stats();
    for (const bad of badFiles()) {
      const e = await rejects(m.documents.upload(file(bad.bytes, bad.name, bad.type), { documentTypeId: 'plaene', scope: ROSENWEG }), bad.bytes.length === 0 ? ValidationError : UnsupportedFileTypeError);
      assert.equal(e.status, 0, bad.why);
    }
    const png = await rejects(m.documents.upload(file(makePng(4, 4), 'plan.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG }), UnsupportedFileTypeError);
    assert.deepEqual([png.status, png.code], [0, 'unsupported_file_type']);
    const tooLarge = await rejects(m.documents.upload(new File([new Uint8Array(52_428_801)], 'gross.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG }), FileTooLargeError);
    assert.deepEqual([tooLarge.status, tooLarge.code], [0, 'file_too_large']);
    const empty = await rejects(m.documents.upload(new File([], 'leer.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG }), ValidationError);
    assert.equal(empty.code, 'empty_file');
    const afterwards = await stats();
    assert.equal(afterwards.requests, before.requests, 'no request for a refused file');
    assert.equal(afterwards.uploads, 0);

    assert.deepEqual(await validateFile(new File([makePaddedPdf(52_428_800, 'Genau 50 MiB', { seed: 1 }) as Uint8Array<ArrayBuffer>], 'genau.pdf')), { ok: true, kind: 'pdf', mimeType: 'application/pdf' });
    assert.equal((await validateFile(file(makeDoc(), 'alt.doc'))).ok, true);
    assert.equal((await validateFile(file(makeDocx('x'), 'neu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).ok, true);
  });

  it('rate limits, server errors, timeouts, network errors and aborts', async () => {
    await faults({ failRate: 1, failStatus: 429, retryAfter: 2 });
    const rl = await rejects(clientAs('manager', { retry: 0 }).me(), RateLimitError);
    assert.deepEqual([rl.status, rl.code, rl.retryAfterMs], [429, 'rate_limited', 2000]);

    await faults({ failRate: 1, failStatus: 500 });
    const s500 = await rejects(clientAs('manager', { retry: 0 }).me(), ServerError);
    assert.deepEqual([s500.status, s500.code], [500, 'internal_error']);
    await faults({ failRate: 1, failStatus: 503, retryAfter: 0 });
    const s503 = await rejects(clientAs('manager', { retry: { maxRetries: 2, baseDelayMs: 1 } }).documents.list(), ServerError);
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
    const net = await rejects(createClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, token: 'manager', retry: { maxRetries: 2, baseDelayMs: 1 } }).me(), NetworkError);
    assert.deepEqual([net.status, net.code, net.problem], [0, 'network_error', undefined]);
  });

  describe('answers that break the contract', () => {
    let rogue: ReturnType<typeof createServer>;
    let rogueBase: string;
    const answers: Record<string, (res: ServerResponse) => void> = {
      '/api/v1/me': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"kind": "manager", "id": "manager", "name": '),
      '/api/v1/properties': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items: [{ id: 42, name: null }] })),
      '/api/v1/units/x': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(''),
      '/api/v1/documents/x': (res) => res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>Internal Server Error</h1>'),
      '/api/v1/documents/y': (res) => res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"nope"}'),
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
      assert.ok(shape.issues.some((i) => i.path.startsWith('items.0')), JSON.stringify(shape.issues));
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
    const upload = (c: ReturnType<typeof clientAs>, name: string) => c.documents.upload(file(makePaddedPdf(64 * 1024, name, { seed: 3 }), `${name}.pdf`), { documentTypeId: 'plaene', scope: ROSENWEG, chunkSize: 256 * 1024 });

    const e = await rejects(upload(clientAs('manager', { retry: { maxRetries: 2, baseDelayMs: 1 }, onRequest }), 'Zwei'), ServerError);
    assert.equal(e.status, 503);
    assert.equal(patches, 3, 'one try and two retries of the chunk');

    patches = 0;
    failFirst = 7;
    const doc = await upload(clientAs('manager', { retry: { maxRetries: 8, baseDelayMs: 1 }, onRequest }), 'Acht');
    assert.equal(patches, 8, 'seven failures, then the chunk went through');
    assert.equal(doc.title, 'Acht');
    server.store.setFaults({});
  });

  it('honours Retry-After of a 429 before the retry', async () => {
    await faults({ failRate: 1, failStatus: 429, retryAfter: 1 });
    const at: number[] = [];
    const c = clientAs('manager', { retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 }, onRequest: () => at.push(performance.now()) });
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
      const doc = await c.documents.upload(file(data, `${name}.pdf`), { documentTypeId: 'plaene', scope: ROSENWEG, resume: false });
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
    server.store.setFaults({});
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
      const c = clientAs('manager', { retry: { maxRetries: 10, baseDelayMs: 5, maxDelayMs: 20 }, onRequest: () => attempts++ });
      const started = performance.now();
      const doc = await c.documents.upload(file(big, `Gross ${seed}.pdf`, 'application/pdf'), { documentTypeId: 'plaene', scope: ROSENWEG, maxRetries: 10, onProgress: (p) => progress.push(p) });
      const ms = performance.now() - started;
      const s = await stats();
      await faults({});
      const ratio = s.bytesReceived / SIZE;
      t.diagnostic(`seed ${seed}: ${Math.round(ms)} ms, ${attempts} requests, re-sent ratio ${ratio.toFixed(3)}`);

      assert.equal(doc.size, SIZE);
      assert.equal(doc.sha256, bigHash);
      assert.ok(ratio <= 1.5, `re-sent ratio ${ratio}`);
      assert.ok(ratio >= 1, `the server got the whole file (${ratio})`);
      assert.deepEqual([s.documents, s.uploads, s.openUploads], [1, 1, 0]);
      assert.ok(progress.length > 1, `progress was reported (${progress.length} events)`);
      for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.loaded >= progress[i - 1]!.loaded, `progress went back at ${i}: ${progress[i - 1]!.loaded} → ${progress[i]!.loaded}`);
      assert.ok(progress.every((p) => p.total === SIZE), 'total is the file size');
      assert.equal(progress.at(-1)!.loaded, SIZE);

      const downloaded = await c.documents.download(doc.id);
      assert.equal(downloaded.name, `Gross ${seed}.pdf`);
      assert.equal(downloaded.size, SIZE);
      assert.equal(sha256(await bytesOf(downloaded)), bigHash);
    });
  }

  it('200 small uploads under random faults and lost answers: none lost, none duplicated, no orphan session', async (t) => {
    const N = 200;
    await faults({ failRate: 0.2, failStatus: 503, loseResponseRate: 0.1, dropAfterBytes: 200, retryAfter: 0, seed: 99 });
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
          made.push(await c.documents.upload(file(bytes, `${titles[i]}.pdf`), { documentTypeId: 'plaene', scope: ROSENWEG, maxRetries: 10 }));
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
    await rejects(manager().documents.upload(file(bytes, 'Abbruch.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG, signal: ctl.signal }), AbortError);
    assert.deepEqual(await stats(), { requests: 0, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });
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
      assert.deepEqual({ documents: s.documents, openUploads: s.openUploads }, { documents: 0, openUploads: 0 });
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
        if (method === 'POST' && url.endsWith('/documents') && !ctl.signal.aborted) setImmediate(() => ctl.abort());
      },
    });
    const bytes = makePdf('Abbruch beim Festschreiben');
    // A chunk size: the resumable path, whose commit this is about (direct-upload.test.ts aborts the one-request path).
    await rejects(c.documents.upload(file(bytes, 'Abbruch.pdf'), { documentTypeId: 'plaene', scope: ROSENWEG, chunkSize: 256 * 1024, signal: ctl.signal, shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }] }), AbortError);
    const s = await stats();
    // The clean-up deletes the session first, so a commit still on its way finds nothing to
    // commit; had it got there first, its key would be replayed and the document deleted.
    assert.ok(s.documents <= 1, `documents made: ${s.documents}`);
    assert.equal(s.openUploads, 0);
    assert.ok(!(await allDocuments()).some((d) => d.title === 'Abbruch'), 'no document left');
    assert.ok(!(await contact('ahmet-yilmaz').documents.list()).items.some((d) => d.title === 'Abbruch'), 'nothing visible to the recipient');
  });
});

// ---------------------------------------------------------------------------------- pagination

describe('pagination', () => {
  it('iterate walks every page in order, with limit 3', async () => {
    let lists = 0;
    const c = clientAs('manager', { onRequest: ({ url }) => void (url.includes('/documents') && lists++) });
    const seen: Document[] = [];
    for await (const d of c.documents.iterate({ limit: 3 })) seen.push(d);
    assert.deepEqual(seen.map((d) => d.id), FIXTURE_DOCS_NEWEST_FIRST);
    assert.equal(lists, 2, 'two pages of at most 3');
    const created = seen.map((d) => Date.parse(d.createdAt));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));

    const byTitle: string[] = [];
    for await (const d of c.documents.iterate({ limit: 3, sort: 'title:asc' })) byTitle.push(d.title);
    assert.equal(byTitle.length, 4);
    assert.deepEqual(byTitle, [...byTitle].sort((a, b) => a.localeCompare(b, 'de')));

    const scoped: string[] = [];
    for await (const d of c.documents.iterate({ limit: 1, scope: 'property:max-planck-12' })) scoped.push(d.id);
    assert.deepEqual(scoped, ['protokoll-eigentuemerversammlung-2026', 'grundriss-max-planck-12-w002']);

    // A contact iterates only what they see.
    const ahmet: string[] = [];
    for await (const d of contact('ahmet-yilmaz').documents.iterate({ limit: 1 })) ahmet.push(d.id);
    assert.deepEqual(ahmet, (await contact('ahmet-yilmaz').documents.list()).items.map((d) => d.id));
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
