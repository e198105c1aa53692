/**
 * A client made from openapi.json alone, the way a portal team would: types by openapi-typescript
 * (test/generated/docportal-api.ts, kept fresh by `npm run openapi`), requests by openapi-fetch.
 * It runs walkthrough 1 against the mock server, upload and download included, without a single
 * cast: what the document declares is what the server does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import createClient from 'openapi-fetch';
import { makePdf } from '@docportal/mock-server/testing';
import { startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import { openApiTypes } from '../scripts/openapi-types.ts';
import type { paths } from './generated/docportal-api.ts';

let server: RunningServer;
before(async () => {
  server = await startHttpServer({ port: 0 });
});
after(() => server.close());

/** A client of the generated types, calling as `token`. */
const as = (token: string) =>
  createClient<paths>({ baseUrl: `${server.url}/api/v1`, headers: { Authorization: `Bearer ${token}` } });

describe('a client generated from openapi.json (openapi-typescript + openapi-fetch)', () => {
  it('its types are what openapi-typescript makes of the committed document (run `npm run openapi`)', async () => {
    const committed = readFileSync(new URL('./generated/docportal-api.ts', import.meta.url), 'utf8');
    assert.equal(
      committed,
      await openApiTypes(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')),
    );
  });

  it('runs walkthrough 1: upload in two chunks, share with all tenants, visibility, download, count, digest', async () => {
    await fetch(`${server.url}/__mock/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: '2026-11-27T10:00:00Z' }),
    });
    const manager = as('manager');

    const options = await manager.GET('/recipients', {
      params: { query: { scope: 'property:rosenweg-24', q: 'Alle Mieter' } },
    });
    const alle = options.data?.items[0];
    assert.ok(alle);
    assert.equal(alle.label, 'Alle Mieter');
    assert.deepEqual(alle.target, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] });
    const resolved = await manager.POST('/recipients/resolve', {
      body: { scope: { kind: 'property', id: 'rosenweg-24' }, targets: [alle.target] },
    });
    const tenants = resolved.data?.contacts.map((c) => c.id).sort();
    assert.deepEqual(tenants, ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);

    // The resumable upload: open, two chunks at their offsets, commit.
    const bytes = makePdf('Hausordnung');
    const session = await manager.POST('/uploads', {
      body: { fileName: 'Hausordnung.pdf', size: bytes.length, mimeType: 'application/pdf' },
      headers: { 'Idempotency-Key': 'wt1-upload' },
    });
    assert.equal(session.response.status, 201);
    assert.ok(session.data);
    assert.equal(session.data.offset, 0);
    const uploadId = session.data.id;
    const half = Math.floor(bytes.length / 2);
    let offset = 0;
    for (const part of [bytes.subarray(0, half), bytes.subarray(half)]) {
      const r = await manager.PATCH('/uploads/{id}', {
        params: { path: { id: uploadId }, header: { 'Upload-Offset': offset } },
        headers: { 'Content-Type': 'application/offset+octet-stream' },
        body: new Blob([part.slice()]),
        // The chunk goes as it is, not as JSON.
        bodySerializer: (blob: Blob) => blob,
      });
      assert.equal(r.response.status, 204);
      offset += part.length;
      assert.equal(r.response.headers.get('Upload-Offset'), String(offset));
    }
    const status = await manager.GET('/uploads/{id}', { params: { path: { id: session.data.id } } });
    assert.equal(status.data?.offset, bytes.length);

    const created = await manager.POST('/documents', {
      body: {
        uploadId: session.data.id,
        title: 'Hausordnung',
        documentTypeId: 'objektunterlagen',
        scope: { kind: 'property', id: 'rosenweg-24' },
        shares: [alle.target],
      },
      params: { header: { 'Idempotency-Key': 'wt1-commit' } },
    });
    assert.equal(created.response.status, 201);
    const doc = created.data;
    assert.ok(doc);
    assert.equal(doc.title, 'Hausordnung');
    assert.equal(doc.downloadCount, 0);
    assert.equal(doc.recipientCount, 4);

    const folder = await manager.GET('/documents', {
      params: {
        query: { scope: 'property:rosenweg-24', documentTypeId: 'objektunterlagen', includeSubtypes: false },
      },
    });
    assert.deepEqual(
      folder.data?.items.map((d) => d.id),
      [doc.id],
    );

    const docId = doc.id;
    const ahmet = as('contact:ahmet-yilmaz');
    assert.ok((await ahmet.GET('/documents')).data?.items.some((d) => d.id === doc.id));
    for (const who of ['paul-klein', 'kristina-maiblume']) {
      const contact = as(`contact:${who}`);
      assert.ok(!(await contact.GET('/documents')).data?.items.some((d) => d.id === docId), who);
      const hidden = await contact.GET('/documents/{id}', { params: { path: { id: docId } } });
      assert.equal(hidden.response.status, 404, who);
      assert.equal(hidden.error?.code, 'not_found', who);
    }

    const file = await ahmet.GET('/documents/{id}/content', {
      params: { path: { id: doc.id } },
      parseAs: 'blob',
    });
    assert.equal(file.response.status, 200);
    assert.equal(file.response.headers.get('Content-Type'), 'application/pdf');
    assert.match(file.response.headers.get('Content-Disposition') ?? '', /filename="Hausordnung\.pdf"/);
    assert.ok(file.data);
    assert.deepEqual(new Uint8Array(await file.data.arrayBuffer()), bytes);

    const counted = await manager.GET('/documents/{id}', { params: { path: { id: doc.id } } });
    assert.equal(counted.data?.downloadCount, 1);
    assert.equal(counted.response.headers.get('ETag'), `"${counted.data?.version}"`);

    const digest = await manager.GET('/notifications/digests', { params: { query: { date: '2026-11-28' } } });
    assert.deepEqual(digest.data?.digests.map((d) => d.contact.id).sort(), tenants);
    for (const d of digest.data?.digests ?? [])
      assert.deepEqual(
        d.documents.map((x) => x.title),
        ['Hausordnung'],
      );
  });
});
