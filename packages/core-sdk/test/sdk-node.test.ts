/**
 * The SDK in Node 20 (the platform's File, Blob, AbortController; axios over node:http) against
 * a standalone mock server on a free port, over real HTTP: both walkthroughs and every error class.
 * Tokens, retries, faults, aborts and pagination: sdk-node.network.test.ts.
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
  type DocumentTypeNode,
} from '../src/index.ts';
import {
  control,
  stats,
  faults,
  clientAs,
  manager,
  contact,
  file,
  sha256,
  bytesOf,
  rejects,
  ROSENWEG,
  W002,
  usesMockServer,
} from './sdk-node-setup.ts';

usesMockServer();

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
    for (const id of ['bedienungsanleitungen', 'abrechnungen', 'protokolle'])
      assert.ok(
        tree.some((n) => n.id === id),
        id,
      );
    assert.deepEqual(
      find(tree, 'abrechnungen')!
        .children.map((c) => c.id)
        .sort(),
      ['hausgeldabrechnungen', 'nebenkostenabrechnungen'],
    );
    assert.equal(folder.documentCount, 0);
    const subtreeBefore = folder.subtreeCount;

    // The share choice "Alle Mieter" and how many people it reaches.
    const [allTenants] = await m.recipients.search({ scope: ROSENWEG, q: 'Alle Mieter' });
    assert.ok(allTenants, 'an option "Alle Mieter"');
    assert.equal(allTenants.label, 'Alle Mieter');
    assert.deepEqual(allTenants.target, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] });
    const resolved = await m.recipients.resolve({
      scope: { kind: 'property', id: 'rosenweg-24' },
      targets: [allTenants.target],
    });
    const tenants = resolved.contacts.map((c) => c.id).sort();
    assert.deepEqual(tenants, ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);
    assert.equal(resolved.count, 4);
    assert.equal(allTenants.recipientCount, 4);

    // Upload: the title comes from the file name.
    const bytes = makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']);
    const doc = await m.documents.upload(file(bytes, 'Hausordnung.pdf', 'application/pdf'), {
      documentTypeId: 'objektunterlagen',
      scope: ROSENWEG,
      shares: [allTenants.target],
    });
    assert.equal(doc.title, 'Hausordnung');
    assert.equal(doc.fileName, 'Hausordnung.pdf');
    assert.equal(doc.mimeType, 'application/pdf');
    assert.equal(doc.size, bytes.length);
    assert.equal(doc.sha256, sha256(bytes));
    assert.equal(doc.downloadCount, 0);
    assert.equal(doc.recipientCount, 4);
    assert.deepEqual(
      (await m.documents.list({ scope: ROSENWEG, documentTypeId: 'objektunterlagen' })).items.map(
        (d) => d.id,
      ),
      [doc.id],
    );
    const after = (await m.documentTypes.tree({ scope: ROSENWEG })).find((n) => n.id === 'objektunterlagen')!;
    assert.equal(after.documentCount, 1);
    assert.equal(after.subtreeCount, subtreeBefore + 1);

    // Ahmet sees and downloads it, byte-exact, named by Content-Disposition.
    const ahmet = contact('ahmet-yilmaz');
    const visible = (await ahmet.documents.list()).items;
    assert.ok(
      visible.some((d) => d.id === doc.id),
      'Ahmet sees the house rules',
    );
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
      assert.deepEqual(
        [refused.status, refused.code, refused.problem?.code],
        [404, 'not_found', 'not_found'],
      );
    }

    // The manager's count reads 1; the manager's own download does not count.
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    assert.deepEqual(await bytesOf(await m.documents.download(doc.id)), bytes);
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    const downloads = await m.documents.downloads(doc.id);
    assert.equal(downloads.total, 1);
    assert.deepEqual(
      downloads.byContact.map((d) => [d.contactId, d.count]),
      [['ahmet-yilmaz', 1]],
    );

    // Tomorrow's digest: every current tenant of Rosenweg 24, no one else.
    const day = await m.notifications.digests({ date: '2026-11-28' });
    assert.equal(day.date, '2026-11-28');
    assert.deepEqual(day.digests.map((d) => d.contact.id).sort(), tenants);
    for (const d of day.digests)
      assert.deepEqual(
        d.documents.map((x) => [x.id, x.title, x.documentTypeName, x.propertyName]),
        [[doc.id, 'Hausordnung', 'Objektunterlagen', 'Rosenweg 24']],
      );
    const mail = await m.notifications.email({ date: '2026-11-28', contactId: 'ahmet-yilmaz' });
    assert.match(mail.subject, /\S/);
    assert.match(mail.text, /Hausordnung/);
    assert.match(mail.html, /Hausordnung/);
    await rejects(m.notifications.email({ date: '2026-11-28', contactId: 'paul-klein' }), NotFoundError);
    // Today's digest (documents of yesterday) does not hold it.
    const today = await m.notifications.digests({ date: '2026-11-27' });
    assert.ok(
      !today.digests.some((d) => d.documents.some((x) => x.id === doc.id)),
      'not in the digest of the upload day',
    );
  });

  it('2: operating manual for Kristina alone, reopened and edited in the unit', async () => {
    await control('/clock', { now: '2026-11-27T10:00:00Z' });
    const m = manager();
    const units = await m.properties.units('max-planck-12');
    assert.equal(units.find((u) => u.id === W002)?.name, 'Wohnung 002');
    const unit = await m.units.get(W002);
    assert.deepEqual(unit.residents.map((r) => `${r.contactId}:${r.role}`).sort(), [
      'jonas-becker:owner',
      'kristina-maiblume:tenant',
    ]);
    const options = await m.recipients.search({ scope: { kind: 'unit', id: W002 }, q: 'maiblume' });
    assert.deepEqual(
      options.map((o) => o.target),
      [{ kind: 'contact', contactId: 'kristina-maiblume' }],
    );

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
    assert.ok(
      (await kristina.documents.list({ scope: `unit:${W002}` })).items.some((d) => d.id === doc.id),
      'Kristina sees it',
    );
    const downloaded = await kristina.documents.download(doc.id);
    assert.equal(downloaded.name, 'Bedienungsanleitung Therme.pdf');
    assert.equal(sha256(await bytesOf(downloaded)), doc.sha256);
    for (const who of ['lena-hoffmann', 'jonas-becker'])
      await rejects(contact(who).documents.get(doc.id), NotFoundError);

    // Reopen it among the unit's documents and change title and sharing.
    const mine = await m.documents.list({ scope: `unit:${W002}`, documentTypeId: 'bedienungsanleitungen' });
    assert.deepEqual(
      mine.items.map((d) => d.id),
      [doc.id],
    );
    const edited = await m.documents.update(
      doc.id,
      { title: 'Bedienungsanleitung Gastherme' },
      { ifMatch: doc.version },
    );
    assert.equal(edited.title, 'Bedienungsanleitung Gastherme');
    assert.equal(edited.version, doc.version + 1);
    const shared = await m.documents.share(
      doc.id,
      [{ kind: 'unit', unitId: W002, roles: ['tenant', 'owner'] }],
      { ifMatch: edited.version },
    );
    assert.equal(shared.recipientCount, 2);
    assert.equal(
      (await contact('jonas-becker').documents.get(doc.id)).title,
      'Bedienungsanleitung Gastherme',
    );
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
