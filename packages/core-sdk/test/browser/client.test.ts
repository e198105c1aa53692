import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import buildURL from 'axios/unsafe/helpers/buildURL.js';
import { makeDocx, makePdf, makePng, badFiles } from '@docportal/mock-server/testing';
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
  type Document,
} from '../../src/index.ts';
import { BASE, clientAs, control, ready, sha256 } from './setup.ts';

const manager = clientAs('manager');
const file = (bytes: Uint8Array, name: string, type = '') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
const rosenweg = 'property:rosenweg-24';

async function rejects<T extends Error>(p: Promise<unknown>, Class: new (...a: any[]) => T): Promise<T> {
  try {
    await p;
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(Class);
    return e as T;
  }
  throw new Error(`expected ${Class.name}`);
}

describe('core-sdk in the browser against the MSW worker', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
    localStorage.clear();
  });

  describe('walkthroughs', () => {
    it('1: house rules for all tenants of Rosenweg 24', async () => {
      // Arrange
      const [allTenants] = await manager.recipients.search({ scope: rosenweg, q: 'Alle Mieter' });
      expect(allTenants!.label).to.equal('Alle Mieter');
      const resolved = await manager.recipients.resolve({ scope: rosenweg, targets: [allTenants!.target] });
      expect(resolved.count).to.equal(4);
      const bytes = makePdf('Hausordnung');
      // Act
      const doc = await manager.documents.upload(file(bytes, 'Hausordnung.pdf', 'application/pdf'), {
        documentTypeId: 'objektunterlagen',
        scope: rosenweg,
        shares: [allTenants!.target],
      });
      // Assert
      expect(doc.title).to.equal('Hausordnung');
      expect(doc.downloadCount).to.equal(0);
      const folder = await manager.documents.list({ scope: rosenweg, documentTypeId: 'objektunterlagen' });
      expect(folder.items.map((d) => d.id)).to.deep.equal([doc.id]);
      const ahmet = clientAs('contact:ahmet-yilmaz');
      expect((await ahmet.documents.list()).items.map((d) => d.id)).to.include(doc.id);
      const downloaded = await ahmet.documents.download(doc.id);
      expect(downloaded.name).to.equal('Hausordnung.pdf');
      expect(await sha256(downloaded)).to.equal(doc.sha256);
      for (const who of ['paul-klein', 'kristina-maiblume'])
        await rejects(clientAs(`contact:${who}`).documents.get(doc.id), NotFoundError);
      expect((await manager.documents.get(doc.id)).downloadCount).to.equal(1);
    });

    it('2: operating manual for Kristina alone, edited afterwards', async () => {
      const unit = await manager.units.get('max-planck-12-w002');
      expect(unit.residents.map((r) => r.contactId)).to.have.members(['kristina-maiblume', 'jonas-becker']);
      const doc = await manager.documents.upload(
        file(makePdf('Bedienungsanleitung Therme'), 'Bedienungsanleitung Therme.pdf'),
        {
          documentTypeId: 'bedienungsanleitungen',
          scope: { kind: 'unit', id: 'max-planck-12-w002' },
          shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }],
        },
      );
      expect(doc.title).to.equal('Bedienungsanleitung Therme');
      expect((await clientAs('contact:kristina-maiblume').documents.download(doc.id)).size).to.equal(
        doc.size,
      );
      for (const who of ['lena-hoffmann', 'jonas-becker'])
        await rejects(clientAs(`contact:${who}`).documents.get(doc.id), NotFoundError);
      const edited = await manager.documents.update(
        doc.id,
        { title: 'Bedienungsanleitung Gastherme' },
        { ifMatch: doc.version },
      );
      expect(edited.version).to.equal(doc.version + 1);
      const shared = await manager.documents.share(doc.id, [
        { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] },
      ]);
      expect(shared.recipientCount).to.equal(2);
      await rejects(
        manager.documents.update(doc.id, { title: 'stale' }, { ifMatch: doc.version }),
        PreconditionFailedError,
      );
    });
  });

  describe('errors', () => {
    it('maps every answer to its class, with status, code and problem', async () => {
      const auth = await rejects(clientAs('bogus').me(), AuthError);
      expect(auth.status).to.equal(401);
      expect(auth.code).to.equal('unauthorized');
      await rejects(clientAs('contact:ahmet-yilmaz').documentTypes.create({ name: 'X' }), ForbiddenError);
      const nf = await rejects(manager.documents.get('missing'), NotFoundError);
      expect(nf.problem?.code).to.equal('not_found');
      await rejects(manager.documentTypes.create({ name: 'objektunterlagen' }), ConflictError);
      const v = await rejects(manager.documents.list({ limit: 500 }), ValidationError);
      expect(v.errors.map((x) => x.path)).to.deep.equal(['limit']);
      expect(v.status).to.equal(422);
    });

    it('refuses bad files locally without a request', async () => {
      const before = (await control('/stats')).requests;
      for (const bad of badFiles())
        await rejects(
          manager.documents.upload(file(bad.bytes, bad.name, bad.type), {
            documentTypeId: 'plaene',
            scope: rosenweg,
          }),
          UnsupportedFileTypeError,
        );
      const big = new File([new Uint8Array(52_428_801)], 'gross.pdf');
      const tooLarge = await rejects(
        manager.documents.upload(big, { documentTypeId: 'plaene', scope: rosenweg }),
        FileTooLargeError,
      );
      expect(tooLarge.code).to.equal('file_too_large');
      expect(tooLarge.status).to.equal(0);
      await rejects(
        manager.documents.upload(new File([], 'leer.pdf'), { documentTypeId: 'plaene', scope: rosenweg }),
        ValidationError,
      );
      expect((await control('/stats')).requests).to.equal(before);
    });

    it('validateFile tells kinds by content', async () => {
      expect(await validateFile(file(makePng(2, 2), 'a.png', 'image/png'))).to.deep.equal({
        ok: true,
        kind: 'png',
        mimeType: 'image/png',
      });
      expect(await validateFile(file(makeDocx('x'), 'a.docx'))).to.include({ ok: true, kind: 'docx' });
      const png = await validateFile(file(makePng(2, 2), 'a.pdf'));
      expect(png).to.include({ ok: false, code: 'unsupported_file_type' });
    });

    it('rate limits, server errors, timeouts, network errors and aborts', async () => {
      await control('/faults', { failRate: 1, failStatus: 429, retryAfter: 0 });
      const rl = await rejects(clientAs('manager', { retry: 0 }).me(), RateLimitError);
      expect(rl.retryAfterMs).to.equal(0);
      await control('/faults', { failRate: 1, failStatus: 500 });
      await rejects(clientAs('manager', { retry: 1 }).me(), ServerError);
      await control('/faults', { latencyMs: 300 });
      await rejects(clientAs('manager', { timeoutMs: 50, retry: 0 }).me(), TimeoutError);
      await control('/faults', {});
      await rejects(
        createClient({ baseUrl: 'http://127.0.0.1:9/no-api', token: 'manager', retry: 0 }).me(),
        NetworkError,
      );
      const ctl = new AbortController();
      const p = manager.me({ signal: ctl.signal });
      ctl.abort();
      await rejects(p, AbortError);
    });

    it('turns an answer that breaks the schema into a ResponseValidationError', async () => {
      const { worker } = await ready;
      worker.use(http.get('*/api/v1/me', () => HttpResponse.json({ kind: 'alien', id: 1 })));
      try {
        const e = await rejects(manager.me(), ResponseValidationError);
        expect(e.code).to.equal('invalid_response');
        expect(e.issues.map((i) => i.path)).to.include('kind');
      } finally {
        worker.resetHandlers();
      }
    });

    it('writes a query as axios does (through XHR and through the fetch option)', async () => {
      // Arrange: the URLs the server gets, and what axios' own buildURL makes of the same query.
      const { worker } = await ready;
      const seen: string[] = [];
      worker.use(
        http.get(
          '*/api/v1/recipients',
          ({ request }) => (seen.push(request.url), HttpResponse.json({ items: [] })),
        ),
      );
      const query = { scope: rosenweg, q: "Mieter & Co: 100% $, ~'!(x)", limit: 5, locale: 'de' as const };
      const expected = new URL(buildURL(`${BASE}/recipients`, query), location.href).href;
      try {
        // Act
        await manager.recipients.search(query);
        await clientAs('manager', { fetch: window.fetch.bind(window) }).recipients.search(query);
        // Assert
        expect(seen).to.deep.equal([expected, expected]);
      } finally {
        worker.resetHandlers();
      }
    });

    it('refreshes a token function once after a 401', async () => {
      const tokens = ['expired', 'manager'];
      const calls: string[] = [];
      const c = createClient({
        baseUrl: BASE,
        token: async () => (calls.push('t'), tokens.shift() ?? 'manager'),
      });
      expect((await c.me()).kind).to.equal('manager');
      expect(calls.length).to.equal(2);
    });
  });

  describe('pagination', () => {
    it('iterates every document once, page by page', async () => {
      const seen: string[] = [];
      for await (const d of manager.documents.iterate({ limit: 1, sort: 'title:asc' })) seen.push(d.title);
      expect(seen).to.deep.equal([...seen].sort((a, b) => a.localeCompare(b, 'de')));
      expect(new Set(seen).size).to.equal(4);
    });
  });

  describe('uploads', () => {
    it('survives 30 % server errors, byte-exact, progress never backwards', async () => {
      await control('/faults', { failRate: 0.3, failStatus: 503, retryAfter: 0, seed: 3 });
      const bytes = new Uint8Array(3 * 1024 * 1024);
      bytes.set(makePdf('Faults'));
      crypto.getRandomValues(bytes.subarray(4096, 4096 + 65536));
      const progress: number[] = [];
      const doc = await manager.documents.upload(file(bytes, 'Faults.pdf'), {
        documentTypeId: 'plaene',
        scope: rosenweg,
        chunkSize: 256 * 1024,
        maxRetries: 10,
        onProgress: (p) => progress.push(p.loaded),
      });
      await control('/faults', {});
      expect(doc.sha256).to.equal(await sha256(new Blob([bytes])));
      expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).to.equal(bytes.length);
      const stats = await control('/stats');
      expect(stats.documents).to.equal(1);
      expect(stats.openUploads).to.equal(0);
    });

    it("a client's second upload of 25 MiB goes in one PATCH: it starts at the chunk size the first one ended on", async () => {
      const bytes = new Uint8Array(25 * 1024 * 1024);
      bytes.set(makePdf('Zweimal'));
      crypto.getRandomValues(bytes.subarray(4096, 4096 + 65536));
      const hash = await sha256(new Blob([bytes]));
      let patches = 0;
      const c = clientAs('manager', { onRequest: ({ method }) => void (method === 'PATCH' && patches++) });
      const counts: number[] = [];
      // The chunk size follows the measured rate. So that this test proves the memory, not the
      // machine's speed (a loaded machine is slow), the page's clock moves 1 ms per reading: every
      // chunk looks fast, and the size grows as far as it may.
      const realNow = Date.now;
      let clock = realNow();
      Date.now = () => (clock += 1);
      try {
        for (const name of ['Erste', 'Zweite']) {
          patches = 0;
          const doc = await c.documents.upload(file(bytes, `${name}.pdf`), {
            documentTypeId: 'plaene',
            scope: rosenweg,
            resume: false,
          });
          expect(doc.sha256).to.equal(hash);
          counts.push(patches);
        }
      } finally {
        Date.now = realNow;
      }
      // The server's hint is 16 MiB: 16 + 9 MiB first, then the whole file at once.
      expect(counts).to.deep.equal([2, 1]);
    });

    it('uploads through the fetch option too (progress per chunk: fetch has no upload progress over HTTP/1.1)', async () => {
      const bytes = new Uint8Array(1024 * 1024);
      bytes.set(makePdf('Per Fetch'));
      const viaFetch = clientAs('manager', { fetch: window.fetch.bind(window) });
      const progress: number[] = [];
      const doc = await viaFetch.documents.upload(file(bytes, 'Per Fetch.pdf'), {
        documentTypeId: 'plaene',
        scope: rosenweg,
        chunkSize: 256 * 1024,
        onProgress: (p) => progress.push(p.loaded),
      });
      expect(doc.sha256).to.equal(await sha256(new Blob([bytes])));
      expect(progress.at(-1)).to.equal(bytes.length);
      expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
    });

    it('abort at any moment leaves nothing behind', async () => {
      const bytes = new Uint8Array(2 * 1024 * 1024);
      bytes.set(makePdf('Abort'));
      for (const at of [0, 0.5, 1]) {
        await control('/reset', {});
        const ctl = new AbortController();
        const p = manager.documents.upload(file(bytes, 'Abort.pdf'), {
          documentTypeId: 'plaene',
          scope: rosenweg,
          chunkSize: 256 * 1024,
          signal: ctl.signal,
          onProgress: ({ loaded, total }) => loaded >= total * at && ctl.abort(),
        });
        await rejects(p, AbortError);
        const stats = await control('/stats');
        expect({ at, documents: stats.documents, open: stats.openUploads }).to.deep.equal({
          at,
          documents: 0,
          open: 0,
        });
        expect(
          (await manager.documents.list({ scope: rosenweg })).items.some(
            (d: Document) => d.title === 'Abort',
          ),
        ).to.equal(false);
      }
    });

    it('resume: false leaves localStorage alone', async () => {
      const bytes = new Uint8Array(1024 * 1024);
      bytes.set(makePdf('Ohne Speicher'));
      const touched: string[] = [];
      const spies = (['getItem', 'setItem', 'removeItem'] as const).map((m) => {
        const original = Storage.prototype[m];
        Storage.prototype[m] = function (this: Storage, ...a: [string, string]) {
          touched.push(m);
          return (original as (...x: unknown[]) => unknown).apply(this, a);
        } as never;
        return () => (Storage.prototype[m] = original as never);
      });
      try {
        const doc = await manager.documents.upload(file(bytes, 'Ohne Speicher.pdf'), {
          documentTypeId: 'plaene',
          scope: rosenweg,
          chunkSize: 256 * 1024,
          resume: false,
        });
        expect(doc.sha256).to.equal(await sha256(new Blob([bytes])));
      } finally {
        spies.forEach((restore) => restore());
      }
      expect(touched).to.deep.equal([]);
    });

    it('resumes the same file after a reload instead of starting over', async () => {
      const bytes = new Uint8Array(1024 * 1024);
      bytes.set(makePdf('Resume'));
      const f = file(bytes, 'Resume.pdf');
      // The first attempt loses the network after one chunk: every later PATCH fails.
      let patches = 0;
      const dying: typeof fetch = (input, init) => {
        const method = input instanceof Request ? input.method : init?.method;
        if (method === 'PATCH' && ++patches > 1) return Promise.reject(new TypeError('Failed to fetch'));
        return fetch(input, init);
      };
      const failing = clientAs('manager', { retry: 0, fetch: dying });
      await rejects(
        failing.documents.upload(f, {
          documentTypeId: 'plaene',
          scope: rosenweg,
          chunkSize: 256 * 1024,
          maxRetries: 0,
        }),
        NetworkError,
      );
      expect((await control('/stats')).openUploads).to.equal(1);
      await control('/faults', {});
      const sentBefore = (await control('/stats')).bytesReceived;
      // "After a reload": a new client, the same File.
      const first: number[] = [];
      const doc = await clientAs('manager').documents.upload(f, {
        documentTypeId: 'plaene',
        scope: rosenweg,
        onProgress: (p) => first.push(p.loaded),
      });
      expect(first[0]).to.be.greaterThan(0);
      const resent = (await control('/stats')).bytesReceived - sentBefore;
      expect(resent).to.be.lessThan(bytes.length);
      expect(doc.sha256).to.equal(await sha256(f));
    });
  });
});
