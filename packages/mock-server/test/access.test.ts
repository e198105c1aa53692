/**
 * Access: every endpoint of the contract × {no token, bogus tokens, manager, each fixture
 * contact}, over real HTTP. What each contact sees is in access-visibility.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpoints, type Endpoint, type EndpointName } from '@docportal/core-sdk/contract';
import { makePdf } from '../src/fixtures/files.ts';
import { CONTACTS, directForm, type Api } from './helpers.ts';
import { api, F, ALL_CONTACTS, NOW, assertProblem, uploadPdf, openUpload } from './access-setup.ts';

// ------------------------------------------------------------------ the matrix

interface Case {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the manager gets for this very request. */
  manager: number;
}

const BINARY_HEADERS = { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' };
const rosenwegScope = { kind: 'property', id: 'rosenweg-24' } as const;

/** One real request per endpoint, with real fixture ids (or ids made for it). */
const CASES: Record<EndpointName, (a: Api) => Promise<Case>> = {
  me: async () => ({ path: '/me', manager: 200 }),
  listProperties: async () => ({ path: '/properties', manager: 200 }),
  getProperty: async () => ({ path: '/properties/rosenweg-24', manager: 200 }),
  listUnits: async () => ({ path: '/properties/rosenweg-24/units', manager: 200 }),
  getUnit: async () => ({ path: '/units/max-planck-12-w002', manager: 200 }),
  listGroups: async () => ({ path: '/properties/rosenweg-24/groups', manager: 200 }),
  searchRecipients: async () => ({ path: '/recipients?scope=property:rosenweg-24', manager: 200 }),
  resolveRecipients: async () => ({
    path: '/recipients/resolve',
    body: { scope: rosenwegScope, targets: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }] },
    manager: 200,
  }),
  listDocumentTypes: async () => ({ path: '/document-types', manager: 200 }),
  createDocumentType: async () => ({
    path: '/document-types',
    body: { name: 'Zugriffstest', parentId: 'objektunterlagen' },
    manager: 201,
  }),
  updateDocumentType: async () => ({
    path: '/document-types/plaene',
    body: { name: 'Grundrisse' },
    manager: 200,
  }),
  deleteDocumentType: async () => ({ path: '/document-types/nebenkostenabrechnungen', manager: 204 }),
  createUpload: async () => ({
    path: '/uploads',
    body: { fileName: 'Zugriff.pdf', size: 1000, mimeType: 'application/pdf' },
    manager: 201,
  }),
  appendUpload: async (a) => {
    const u = await openUpload(a, false);
    return { path: `/uploads/${u.id}`, body: u.bytes, headers: BINARY_HEADERS, manager: 204 };
  },
  getUpload: async (a) => ({ path: `/uploads/${(await openUpload(a, false)).id}`, manager: 200 }),
  deleteUpload: async (a) => ({ path: `/uploads/${(await openUpload(a, false)).id}`, manager: 204 }),
  createDocument: async (a) => {
    const u = await openUpload(a, true);
    return {
      path: '/documents',
      body: {
        uploadId: u.id,
        title: 'Zugriff',
        documentTypeId: 'objektunterlagen',
        scope: rosenwegScope,
        shares: [],
      },
      manager: 201,
    };
  },
  uploadDocument: async () => ({
    path: '/documents/upload',
    body: directForm(
      { title: 'Zugriff', documentTypeId: 'objektunterlagen', scope: rosenwegScope, shares: [] },
      makePdf('Zugriff'),
      'Zugriff.pdf',
    ),
    manager: 201,
  }),
  listDocuments: async () => ({ path: '/documents', manager: 200 }),
  getDocument: async () => ({ path: '/documents/energieausweis-rosenweg-24', manager: 200 }),
  updateDocument: async () => ({
    path: '/documents/energieausweis-rosenweg-24',
    body: { title: 'Energieausweis (neu)' },
    manager: 200,
  }),
  deleteDocument: async () => ({ path: '/documents/energieausweis-rosenweg-24', manager: 204 }),
  getDocumentContent: async () => ({ path: '/documents/energieausweis-rosenweg-24/content', manager: 200 }),
  getDocumentDownloads: async () => ({
    path: '/documents/energieausweis-rosenweg-24/downloads',
    manager: 200,
  }),
  listDigests: async () => ({ path: `/notifications/digests?date=2026-11-28`, manager: 200 }),
  getDigestEmail: async (a) => {
    // Something for ahmet-yilmaz in the digest of tomorrow, so that the manager gets a 200.
    await uploadPdf(a, 'Aushang', rosenwegScope, [{ kind: 'contact', contactId: 'ahmet-yilmaz' }]);
    return { path: '/notifications/digests/2026-11-28/ahmet-yilmaz', manager: 200 };
  },
};

/** The same endpoint with an unknown id in each path parameter (403 must still come before 404). */
const withUnknownIds = (template: string, path: string): string | undefined => {
  if (!template.includes('{')) return undefined;
  const t = template.split('/');
  const p = path.split('?')[0]!.split('/');
  return t.map((seg, i) => (seg.startsWith('{') && seg !== '{date}' ? 'no-such-id' : p[i])).join('/');
};

/** A body the server must refuse with 400 (when it gets that far). */
type Variant = { path?: string; body?: unknown; headers?: Record<string, string> };
function malformed(ep: Endpoint): Variant[] {
  if (ep.body === 'multipart')
    return [
      { body: '{"title": "x"}', headers: { 'Content-Type': 'application/json' } },
      {
        body: '--x\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"title": ',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      },
    ];
  if (ep.body === 'binary')
    return [
      { body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'text/plain' } },
      {
        body: new Uint8Array([1, 2, 3]),
        headers: { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': 'soon' },
      },
    ];
  if (ep.body)
    return [
      { body: '{"name": "unterbrochen', headers: { 'Content-Type': 'application/json' } },
      { body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      { body: '[1,', headers: { 'Content-Type': 'application/json' } },
    ];
  return [];
}

const templateRegex = (template: string) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/?]+')}(\\?.*)?$`);

describe('access matrix (generated from the endpoint table)', () => {
  it('has a case for every endpoint of the contract, and each case hits its endpoint', () => {
    assert.deepEqual(Object.keys(CASES).sort(), Object.keys(endpoints).sort());
    for (const name of Object.keys(endpoints) as EndpointName[])
      assert.ok(endpoints[name].path.startsWith('/'), name);
  });

  it('the contacts of the helper are fixture contacts', () => {
    for (const c of CONTACTS) assert.ok(ALL_CONTACTS.includes(c), c);
    assert.ok(ALL_CONTACTS.length >= CONTACTS.length);
  });

  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const ep: Endpoint = endpoints[name];
    it(`${ep.method} ${ep.path} (${ep.access})`, async () => {
      await api.control('POST', '/clock', { now: NOW });
      const c = await CASES[name](api);
      assert.match(c.path, templateRegex(ep.path), `${name}: the case path ${c.path} must match ${ep.path}`);
      const send = (token: string | undefined, over: Variant = {}) =>
        api.call(ep.method, over.path ?? c.path, {
          token,
          body: 'body' in over ? over.body : c.body,
          headers: over.headers ?? c.headers,
        });

      // No token, bogus tokens: 401 whatever the body or the id.
      for (const token of [undefined, 'nope', 'contact:nobody', 'contact:', 'Manager', '']) {
        const what = `${name} with token ${JSON.stringify(token)}`;
        assertProblem(await send(token), 401, 'unauthorized', what);
        if (token !== undefined && token !== 'nope') continue;
        for (const bad of malformed(ep))
          assertProblem(await send(token, bad), 401, 'unauthorized', `${what}, malformed body`);
        const unknown = withUnknownIds(ep.path, c.path);
        if (unknown)
          assertProblem(await send(token, { path: unknown }), 401, 'unauthorized', `${what}, unknown id`);
      }
      // A raw header without the Bearer scheme is no token either.
      const raw = await fetch(`${api.url}/api/v1${c.path}`, {
        method: ep.method === 'GET' ? 'GET' : ep.method,
        headers: { Authorization: 'manager' },
      });
      assert.equal(raw.status, 401, `${name}: Authorization without Bearer`);
      await raw.arrayBuffer();

      for (const [i, contact] of ALL_CONTACTS.entries()) {
        const token = `contact:${contact}`;
        const r = await send(token);
        if (ep.access === 'manager') {
          assertProblem(r, 403, 'forbidden', `${name} as ${contact}`);
          // 403 comes before 400, 422 and 404: each contact tries one of the bad variants in turn.
          const bad: Variant[] = [...malformed(ep)];
          if (ep.body && ep.body !== 'binary' && ep.body !== 'multipart')
            bad.push({ body: { bogus: true } }, { body: undefined, headers: {} });
          if (ep.path === '/recipients')
            bad.push({ path: '/recipients?scope=nonsense&limit=0' }, { path: '/recipients' });
          if (ep.path === '/notifications/digests') bad.push({ path: '/notifications/digests?date=gestern' });
          if (ep.path === '/notifications/digests/{date}/{contactId}')
            bad.push({ path: '/notifications/digests/2026-02-30/ahmet-yilmaz' });
          const unknown = withUnknownIds(ep.path, c.path);
          if (unknown) bad.push({ path: unknown });
          if (bad.length) {
            const variant = bad[i % bad.length]!;
            assertProblem(
              await send(token, variant),
              403,
              'forbidden',
              `${name} as ${contact}, bad variant ${i % bad.length}`,
            );
          }
          if (i === 0)
            for (const [k, variant] of bad.entries())
              assertProblem(
                await send(token, variant),
                403,
                'forbidden',
                `${name} as ${contact}, bad variant ${k}`,
              );
        } else {
          assert.ok(r.status !== 401 && r.status !== 403, `${name} as ${contact}: ${r.status}`);
          const expected = ep.path.includes('{') ? [200, 404] : [200];
          assert.ok(
            expected.includes(r.status),
            `${name} as ${contact}: ${r.status} ${JSON.stringify(r.body)}`,
          );
          if (r.status === 404) assertProblem(r, 404, 'not_found', `${name} as ${contact}`);
        }
      }

      // The manager: 400 for a malformed body, 404 for an unknown id in the path (never 401/403), then the real answer.
      for (const bad of malformed(ep))
        assertProblem(await send('manager', bad), 400, 'bad_request', `${name} as manager, malformed body`);
      const unknown = withUnknownIds(ep.path, c.path);
      if (unknown)
        assertProblem(
          await send('manager', { path: unknown }),
          404,
          'not_found',
          `${name} as manager, unknown id`,
        );
      const m = await send('manager');
      assert.equal(m.status, c.manager, `${name} as manager: ${JSON.stringify(m.body)}`);
      if (ep.status === 204) assert.equal(m.bytes.length, 0);
      else assert.equal(m.status, ep.status);
    });
  }

  it('GET /me names the caller', async () => {
    const m = await api.get('/me', 'manager');
    assert.equal(m.body.kind, 'manager');
    assert.equal(m.body.id, 'manager');
    for (const c of F.contacts) {
      const r = await api.get('/me', `contact:${c.id}`);
      assert.deepEqual(r.body, { kind: 'contact', id: c.id, name: c.name, locale: c.locale });
    }
  });

  it('refused contact writes change nothing', async () => {
    const before = await api.get('/documents/energieausweis-rosenweg-24', 'manager');
    const types = await api.get('/document-types', 'manager');
    for (const contact of ALL_CONTACTS) {
      const token = `contact:${contact}`;
      assert.equal(
        (await api.patch('/documents/energieausweis-rosenweg-24', { title: 'gehackt' }, token)).status,
        403,
      );
      assert.equal((await api.del('/documents/energieausweis-rosenweg-24', token)).status, 403);
      assert.equal((await api.post('/document-types', { name: 'gehackt' }, token)).status, 403);
      assert.equal((await api.del('/document-types/bedienungsanleitungen', token)).status, 403);
      assert.equal(
        (await api.post('/uploads', { fileName: 'a.pdf', size: 10, mimeType: 'application/pdf' }, token))
          .status,
        403,
      );
    }
    assert.deepEqual((await api.get('/documents/energieausweis-rosenweg-24', 'manager')).body, before.body);
    assert.deepEqual((await api.get('/document-types', 'manager')).body, types.body);
    assert.equal((await api.control('GET', '/stats')).body.uploads, 0);
  });
});
