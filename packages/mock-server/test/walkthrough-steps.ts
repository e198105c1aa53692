/**
 * The two walkthroughs of DOMAIN.md as steps over an `Api`: run straight against the mock
 * server (walkthroughs.test.ts) and through a Prism validating proxy (prism.test.ts).
 */
import assert from 'node:assert/strict';
import { makePdf } from '../src/fixtures/files.ts';
import type { Api } from './helpers.ts';

const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((d) => d.id);

/** House rules for a whole property: upload, share with all tenants, visibility, download count and digest. */
export async function walkthrough1(api: Api): Promise<void> {
  await api.control('POST', '/clock', { now: '2026-11-27T10:00:00Z' });
  const alle = (await api.get('/recipients?scope=property:rosenweg-24&q=Alle%20Mieter', 'manager')).body
    .items[0];
  assert.equal(alle.label, 'Alle Mieter');
  assert.deepEqual(alle.target, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] });
  const resolved = await api.post(
    '/recipients/resolve',
    { scope: { kind: 'property', id: 'rosenweg-24' }, targets: [alle.target] },
    'manager',
  );
  assert.equal(resolved.status, 200);
  const tenants = resolved.body.contacts.map((c: { id: string }) => c.id).sort();
  assert.deepEqual(tenants, ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);
  assert.equal(alle.recipientCount, 4);

  const bytes = makePdf('Hausordnung');
  const created = await api.upload(
    { name: 'Hausordnung.pdf', bytes, type: 'application/pdf' },
    {
      documentTypeId: 'objektunterlagen',
      scope: { kind: 'property', id: 'rosenweg-24' },
      shares: [alle.target],
    },
  );
  assert.equal(created.status, 201);
  const doc = created.body;
  assert.equal(doc.title, 'Hausordnung');
  assert.equal(doc.downloadCount, 0);
  assert.equal(doc.recipientCount, 4);

  const folder = await api.get(
    '/documents?scope=property:rosenweg-24&documentTypeId=objektunterlagen',
    'manager',
  );
  assert.deepEqual(ids(folder), [doc.id]);

  assert.ok(ids(await api.get('/documents', 'contact:ahmet-yilmaz')).includes(doc.id));
  for (const who of ['paul-klein', 'kristina-maiblume']) {
    assert.ok(!ids(await api.get('/documents', `contact:${who}`)).includes(doc.id), who);
    assert.equal((await api.get(`/documents/${doc.id}`, `contact:${who}`)).status, 404, who);
  }
  const file = await api.get(`/documents/${doc.id}/content`, 'contact:ahmet-yilmaz');
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  // The bytes, compared without a proxy in between (a manager's download is not counted).
  assert.deepEqual((await api.direct.get(`/documents/${doc.id}/content`, 'manager')).bytes, bytes);
  assert.equal((await api.get(`/documents/${doc.id}`, 'manager')).body.downloadCount, 1);

  const digest = await api.get('/notifications/digests?date=2026-11-28', 'manager');
  const got = digest.body.digests.map((d: { contact: { id: string } }) => d.contact.id).sort();
  assert.deepEqual(got, tenants);
  for (const d of digest.body.digests)
    assert.deepEqual(
      d.documents.map((x: { title: string }) => x.title),
      ['Hausordnung'],
    );
}

/** Operating manual for one contact: unit scope, one contact, edit title and sharing afterwards. */
export async function walkthrough2(api: Api): Promise<void> {
  const unit = await api.get('/units/max-planck-12-w002', 'manager');
  assert.deepEqual(
    unit.body.residents.map((r: { contactId: string; role: string }) => `${r.contactId}:${r.role}`).sort(),
    ['jonas-becker:owner', 'kristina-maiblume:tenant'],
  );
  const options = await api.get('/recipients?scope=unit:max-planck-12-w002&q=maiblume', 'manager');
  assert.deepEqual(
    options.body.items.map((o: { target: unknown }) => o.target),
    [{ kind: 'contact', contactId: 'kristina-maiblume' }],
  );

  const created = await api.upload(
    {
      name: 'Bedienungsanleitung Therme.pdf',
      bytes: makePdf('Bedienungsanleitung Therme'),
      type: 'application/pdf',
    },
    {
      documentTypeId: 'bedienungsanleitungen',
      scope: { kind: 'unit', id: 'max-planck-12-w002' },
      shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }],
    },
  );
  assert.equal(created.status, 201);
  const doc = created.body;
  assert.equal(doc.title, 'Bedienungsanleitung Therme');
  assert.ok(ids(await api.get('/documents', 'contact:kristina-maiblume')).includes(doc.id));
  assert.equal((await api.get(`/documents/${doc.id}/content`, 'contact:kristina-maiblume')).status, 200);
  for (const who of ['lena-hoffmann', 'jonas-becker'])
    assert.equal((await api.get(`/documents/${doc.id}`, `contact:${who}`)).status, 404, who);

  const mine = await api.get('/documents?scope=unit:max-planck-12-w002', 'manager');
  assert.ok(ids(mine).includes(doc.id));
  const edited = await api.patch(
    `/documents/${doc.id}`,
    {
      title: 'Bedienungsanleitung Gastherme',
      shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }],
    },
    'manager',
    { 'If-Match': '"1"' },
  );
  assert.equal(edited.status, 200);
  assert.equal(edited.body.title, 'Bedienungsanleitung Gastherme');
  assert.equal(edited.body.version, 2);
  assert.equal((await api.get(`/documents/${doc.id}`, 'contact:jonas-becker')).status, 200);
}
