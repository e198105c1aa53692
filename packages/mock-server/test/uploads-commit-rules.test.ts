/**
 * Commit rules over real HTTP: Idempotency-Key replays and conflicts, and body validation
 * (every refusal changes nothing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badFiles, makePdf } from '../src/fixtures/files.ts';
import { problem } from './helpers.ts';
import {
  api,
  M,
  ROSENWEG,
  W002,
  paths,
  stats,
  docIds,
  createUpload,
  patchChunk,
  getUpload,
  uploaded,
  type CommitBody,
  commitBody,
  commit,
} from './uploads-setup.ts';

describe('Idempotency-Key on commit', () => {
  it('the same key and body answer 201 with the same document, and only one is stored', async () => {
    const before = await docIds();
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const body = {
      uploadId: id,
      title: 'Einmal',
      shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
    };
    const first = await commit(body, 'key-1');
    assert.equal(first.status, 201);
    for (let i = 0; i < 3; i++) {
      const again = await commit(body, 'key-1');
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
    }
    // The same body with its keys in another order is the same body.
    const reordered = await api.post(
      '/documents',
      {
        shares: body.shares,
        scope: ROSENWEG,
        documentTypeId: 'objektunterlagen',
        title: 'Einmal',
        uploadId: id,
      },
      M,
      { 'Idempotency-Key': 'key-1' },
    );
    assert.equal(reordered.status, 201);
    assert.equal(reordered.body.id, first.body.id);
    const s = await stats();
    assert.equal(s.documents, 1);
    assert.deepEqual(await docIds(), [...before, first.body.id].sort());
  });

  it('concurrent requests with one key store one document', async () => {
    const id = await uploaded('Parallel.pdf', makePdf('Parallel'));
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => commit({ uploadId: id, title: 'Parallel' }, 'key-par')),
    );
    for (const a of answers) assert.equal(a.status, 201);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await stats()).documents, 1);
  });

  it('the same key with another body → 409 conflict, nothing changes', async () => {
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const first = await commit({ uploadId: id, title: 'Einmal' }, 'key-2');
    assert.equal(first.status, 201);
    const before = await docIds();
    problem(await commit({ uploadId: id, title: 'Anders' }, 'key-2'), 409, 'conflict');
    const other = await uploaded('Zwei.pdf', makePdf('Zwei'));
    problem(await commit({ uploadId: other, title: 'Zwei' }, 'key-2'), 409, 'conflict');
    assert.equal((await stats()).documents, 1);
    assert.deepEqual(await docIds(), before);
    assert.equal((await api.get(`/documents/${first.body.id}`, M)).body.title, 'Einmal');
    // The other upload is still open and commits under a fresh key.
    assert.equal((await commit({ uploadId: other, title: 'Zwei' }, 'key-3')).status, 201);
    assert.equal((await stats()).documents, 2);
  });

  it("keys are scoped per caller: another caller's use of the key gets its own answer", async () => {
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const body = commitBody({ uploadId: id, title: 'Einmal' });
    const first = await api.post('/documents', body, M, { 'Idempotency-Key': 'shared-key' });
    assert.equal(first.status, 201);
    // A contact replaying the manager's key and body gets its own answer (403), not the manager's document.
    const contact = await api.post('/documents', body, 'contact:kristina-maiblume', {
      'Idempotency-Key': 'shared-key',
    });
    problem(contact, 403, 'forbidden');
    assert.equal(contact.body.id, undefined);
    // Without a token the key means nothing either.
    problem(
      await api.post('/documents', body, undefined, { 'Idempotency-Key': 'shared-key' }),
      401,
      'unauthorized',
    );
    const again = await api.post('/documents', body, M, { 'Idempotency-Key': 'shared-key' });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    // Another key of the same caller is separate: a second commit of the same upload is refused.
    problem(await api.post('/documents', body, M, { 'Idempotency-Key': 'other-key' }), 409, 'conflict');
    assert.equal((await stats()).documents, 1);
  });

  it('a refused commit (415, 409 upload_incomplete, 422) does not burn the key', async () => {
    const bad = badFiles()[0]!;
    const badId = await uploaded(bad.name, bad.bytes, bad.type);
    problem(await commit({ uploadId: badId, title: 'Böse' }, 'key-4'), 415, 'unsupported_file_type');
    // The key is free again: another body under it is not a 409.
    const good = await uploaded('Gut.pdf', makePdf('Gut'));
    const ok = await commit({ uploadId: good, title: 'Gut' }, 'key-4');
    assert.equal(ok.status, 201);
    assert.equal(ok.body.title, 'Gut');

    // An incomplete upload, then the same body once it is complete.
    const bytes = makePdf('Später');
    const { body } = await createUpload('Später.pdf', bytes.length);
    problem(await commit({ uploadId: body.id, title: 'Später' }, 'key-5'), 409, 'upload_incomplete');
    await patchChunk(body.id, 0, bytes);
    const later = await commit({ uploadId: body.id, title: 'Später' }, 'key-5');
    assert.equal(later.status, 201);

    // A validation failure, then a good body under the same key.
    const third = await uploaded('Drei.pdf', makePdf('Drei'));
    problem(
      await commit({ uploadId: third, title: 'Drei', documentTypeId: 'gibt-es-nicht' }, 'key-6'),
      422,
      'validation_failed',
    );
    assert.equal((await commit({ uploadId: third, title: 'Drei' }, 'key-6')).status, 201);
    assert.equal((await stats()).documents, 3);
  });

  it('an empty or over-long key → 422 naming Idempotency-Key', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    for (const key of ['', 'x'.repeat(256)]) {
      const r = await commit({ uploadId: id }, key);
      problem(r, 422, 'validation_failed');
      assert.deepEqual(paths(r), ['Idempotency-Key']);
    }
    assert.equal((await stats()).documents, 0);
  });
});

describe('commit body validation: every refusal changes nothing', () => {
  /** Runs a refused commit and checks that the upload is still open and no document was made. */
  async function refused(
    b: Omit<CommitBody, 'uploadId'> & { uploadId?: string },
    status: number,
    code: string,
    path?: string,
  ) {
    const before = await docIds();
    const id = await uploaded('Hausordnung.pdf', makePdf('Hausordnung'));
    const r = await commit({ uploadId: id, ...b });
    problem(r, status, code);
    if (path !== undefined)
      assert.ok(paths(r).includes(path), `paths ${JSON.stringify(paths(r))} lack ${path}`);
    assert.deepEqual(await docIds(), before);
    const s = await stats();
    assert.equal(s.documents, 0);
    assert.equal(s.openUploads, 1);
    assert.equal((await getUpload(id)).body.offset, makePdf('Hausordnung').length);
    // The same upload still commits with a good body.
    assert.equal((await commit({ uploadId: id })).status, 201);
    return r;
  }

  it('an unknown uploadId → 422 naming uploadId', async () => {
    await refused({ uploadId: 'no-such-upload' }, 422, 'validation_failed', 'uploadId');
  });

  it('an unknown documentTypeId → 422 naming documentTypeId', async () => {
    await refused({ documentTypeId: 'gibt-es-nicht' }, 422, 'validation_failed', 'documentTypeId');
  });

  it('an unknown scope id → 422 naming scope.id', async () => {
    await refused({ scope: { kind: 'property', id: 'gibt-es-nicht' } }, 422, 'validation_failed', 'scope.id');
    await api.reset();
    await refused({ scope: { kind: 'unit', id: 'gibt-es-nicht' } }, 422, 'validation_failed', 'scope.id');
  });

  const unknownTargets: Array<[unknown, string]> = [
    [{ kind: 'property', propertyId: 'gibt-es-nicht', roles: ['tenant'] }, 'propertyId'],
    [{ kind: 'address', addressId: 'gibt-es-nicht', roles: ['owner'] }, 'addressId'],
    [{ kind: 'unit', unitId: 'gibt-es-nicht', roles: ['tenant', 'owner'] }, 'unitId'],
    [{ kind: 'group', groupId: 'gibt-es-nicht' }, 'groupId'],
    [{ kind: 'contact', contactId: 'gibt-es-nicht' }, 'contactId'],
  ];
  for (const [target, field] of unknownTargets) {
    it(`an unknown share target id (${field}) → 422 naming shares.<i>.${field}`, async () => {
      const good = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
      await refused({ shares: [good, target] }, 422, 'validation_failed', `shares.1.${field}`);
    });
  }

  it('targets outside the scope → 422 target_out_of_scope naming each', async () => {
    const r = await refused(
      {
        shares: [
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
          { kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] },
          { kind: 'contact', contactId: 'kristina-maiblume' },
        ],
      },
      422,
      'target_out_of_scope',
    );
    assert.deepEqual(paths(r).sort(), ['shares.1', 'shares.2']);
    await api.reset();
    // A unit-scoped document cannot go to another unit, nor to the whole property.
    await refused(
      { scope: W002, shares: [{ kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] }] },
      422,
      'target_out_of_scope',
      'shares.0',
    );
    await api.reset();
    await refused(
      { scope: W002, shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }] },
      422,
      'target_out_of_scope',
      'shares.0',
    );
    await api.reset();
    await refused(
      { scope: W002, shares: [{ kind: 'contact', contactId: 'lena-hoffmann' }] },
      422,
      'target_out_of_scope',
      'shares.0',
    );
  });

  it('schema violations → 422 naming the field', async () => {
    await refused({ title: '' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: '   ' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: 'a'.repeat(201) }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: 'Zeile\nUmbruch' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ scope: { kind: 'building', id: 'rosenweg-24' } }, 422, 'validation_failed', 'scope.kind');
    await api.reset();
    await refused(
      { shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: [] }] },
      422,
      'validation_failed',
      'shares.0.roles',
    );
    await api.reset();
    await refused(
      { shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'tenant'] }] },
      422,
      'validation_failed',
      'shares.0.roles',
    );
    await api.reset();
    await refused({ shares: [{ kind: 'everyone' }] }, 422, 'validation_failed');
    await api.reset();
    await refused({ shares: undefined }, 422, 'validation_failed', 'shares');
  });

  it('a title is stored trimmed, and 200 code points (emoji) are fine', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    const r = await commit({ uploadId: id, title: `  ${'😀'.repeat(200)}  ` });
    assert.equal(r.status, 201);
    assert.equal(r.body.title, '😀'.repeat(200));
  });

  it('malformed JSON or a wrong content type → 400, nothing stored', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    const good = JSON.stringify(commitBody({ uploadId: id }));
    problem(
      await api.post('/documents', good.slice(0, -1), M, { 'Content-Type': 'application/json' }),
      400,
      'bad_request',
    );
    problem(await api.post('/documents', good, M, { 'Content-Type': 'text/plain' }), 400, 'bad_request');
    problem(
      await api.post('/documents', new TextEncoder().encode(good), M, {
        'Content-Type': 'application/octet-stream',
      }),
      400,
      'bad_request',
    );
    problem(await api.post('/documents', '', M, { 'Content-Type': 'application/json' }), 400, 'bad_request');
    const s = await stats();
    assert.equal(s.documents, 0);
    assert.equal(s.openUploads, 1);
    assert.equal(
      (await api.post('/documents', good, M, { 'Content-Type': 'application/json; charset=utf-8' })).status,
      201,
    );
  });
});
