// Resuming without choosing the file again: the IndexedDB resume store (`@docportal/core-sdk/resume`)
// keeps the file and the upload's metadata; after an interrupted upload, a new client and a new
// store over the same database (as after a reload) find it, resume it, or discard it. In
// Chromium against the MSW worker.
import { expect } from '@open-wc/testing';
import { makePaddedPdf } from '@docportal/mock-server/testing';
import { indexedDbResumeStore, type StoredUpload } from '../../src/resume.ts';
import type { ShareTarget } from '../../src/index.ts';
import { clientAs, control, ready, sha256 } from './setup.ts';

const MiB = 1024 * 1024;
const SCOPE = 'property:rosenweg-24';
const shares: ShareTarget[] = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }];

/** A 20 MiB PDF (random bytes after a real head), a File as the file picker gives one. */
/** 20 MiB of incompressible bytes behind a real PDF header. */
function bigPdf(name: string): File {
  const bytes = makePaddedPdf(20 * MiB, name, { seed: name.length });
  return new File([bytes as Uint8Array<ArrayBuffer>], `${name}.pdf`, {
    type: 'application/pdf',
    lastModified: 1_700_000_000_000,
  });
}

/**
 * Uploads `file` until the connection dies after `patches` chunks (every later PATCH fails, no
 * retries): the page is gone as far as the upload knows, and nothing cleaned up after it.
 */
async function interrupted(db: string, file: File, patches: number) {
  let sent = 0;
  const dying: typeof fetch = (input, init) => {
    const method = input instanceof Request ? input.method : init?.method;
    if (method === 'PATCH' && ++sent > patches) return Promise.reject(new TypeError('Failed to fetch'));
    return fetch(input, init);
  };
  const client = clientAs('manager', { retry: 0, fetch: dying, resumeStore: indexedDbResumeStore(db) });
  let error: unknown;
  await client.documents
    .upload(file, {
      title: 'Hausordnung 2027',
      documentTypeId: 'objektunterlagen',
      scope: SCOPE,
      shares,
      chunkSize: 2 * MiB,
      maxRetries: 0,
    })
    .catch((e) => (error = e));
  expect(error, 'the upload broke off').to.exist;
}

/** After the "reload": a new store over the same database, and a new client using it. */
async function reloaded(db: string) {
  const store = indexedDbResumeStore(db);
  return { store, client: clientAs('manager', { resumeStore: store }) };
}

const resumeAll = (client: ReturnType<typeof clientAs>, u: StoredUpload) =>
  client.documents.upload(u.file!, {
    title: u.title,
    documentTypeId: u.documentTypeId!,
    scope: u.scope!,
    shares: u.shares,
  });

describe('resume after a reload without choosing the file again (IndexedDB store)', () => {
  before(() => ready);
  beforeEach(async () => {
    await control('/reset', {});
    await control('/faults', {});
  });
  afterEach(() => control('/clock', { now: null }));

  it('offers the interrupted upload with its file and metadata, and resumes it: only the remaining bytes are sent, byte-exact', async () => {
    const db = `resume-${crypto.randomUUID()}`;
    const file = bigPdf('Hausordnung');
    await interrupted(db, file, 1);
    const before = await control('/stats');
    expect(before.openUploads).to.equal(1);

    const { store, client } = await reloaded(db);
    const offered = await store.list(SCOPE);
    expect(offered).to.have.length(1);
    const u = offered[0]!;
    expect([u.title, u.documentTypeId, u.scope, u.shares]).to.deep.equal([
      'Hausordnung 2027',
      'objektunterlagen',
      { kind: 'property', id: 'rosenweg-24' },
      shares,
    ]);
    expect((u.file as File).name).to.equal('Hausordnung.pdf');
    expect(u.file!.size).to.equal(file.size);
    expect(await store.list('property:other')).to.deep.equal([]);

    const doc = await resumeAll(client, u);
    const after = await control('/stats');
    const resent = after.bytesReceived - before.bytesReceived;
    // The bytes after the first chunk, and the commit's small JSON body.
    expect(resent, 'only the remaining bytes').to.be.at.most(file.size - 2 * MiB + 4096);
    expect(doc.sha256).to.equal(await sha256(file));
    expect(doc.title).to.equal('Hausordnung 2027');
    expect([after.documents, after.openUploads]).to.deep.equal([1, 0]);
    expect(await store.list(SCOPE), 'nothing left to offer').to.deep.equal([]);
  });

  it('restarts from zero with the kept bytes when the server let the session expire', async () => {
    const db = `resume-${crypto.randomUUID()}`;
    const file = bigPdf('Abgelaufen');
    await interrupted(db, file, 2);
    await control('/clock', { now: new Date(Date.now() + 2 * 24 * 3_600_000).toISOString() });
    const before = await control('/stats');
    const { store, client } = await reloaded(db);
    const [u] = await store.list(SCOPE);
    const doc = await resumeAll(client, u!);
    const resent = (await control('/stats')).bytesReceived - before.bytesReceived;
    expect(resent, 'the whole file again').to.be.at.least(file.size);
    expect(doc.sha256).to.equal(await sha256(file));
    expect(await store.list(SCOPE)).to.deep.equal([]);
  });

  it('discarding deletes the session on the server and the kept bytes', async () => {
    const db = `resume-${crypto.randomUUID()}`;
    await interrupted(db, bigPdf('Verworfen'), 1);
    expect((await control('/stats')).openUploads).to.equal(1);
    const { store, client } = await reloaded(db);
    const [u] = await store.list(SCOPE);
    await store.discard(u!, client);
    expect((await control('/stats')).openUploads).to.equal(0);
    expect(await store.list(SCOPE)).to.deep.equal([]);
    expect(await store.get(u!.key)).to.equal(undefined);
  });

  it('without IndexedDB (private browsing, quota) it falls back to the fingerprint: no offer, but the same file chosen again resumes', async () => {
    const db = `resume-${crypto.randomUUID()}`;
    const refusing = {
      open: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    Object.defineProperty(window, 'indexedDB', { value: refusing, configurable: true });
    try {
      const file = bigPdf('Ohne Datenbank');
      await interrupted(db, file, 1);
      const before = await control('/stats');
      const { store, client } = await reloaded(db);
      expect(await store.list(SCOPE), 'nothing to offer').to.deep.equal([]);
      const doc = await client.documents.upload(file, { documentTypeId: 'objektunterlagen', scope: SCOPE });
      const resent = (await control('/stats')).bytesReceived - before.bytesReceived;
      expect(resent, 'resumed, not sent again').to.be.at.most(file.size - 2 * MiB + 4096);
      expect(doc.sha256).to.equal(await sha256(file));
    } finally {
      delete (window as { indexedDB?: unknown }).indexedDB;
    }
  });
});
