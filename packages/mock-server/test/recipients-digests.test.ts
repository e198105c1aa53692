/**
 * The share picker's endpoints (GET /recipients, POST /recipients/resolve) and the daily digests
 * (GET /notifications/digests, the rendered e-mails), over real HTTP with a fixed clock.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { buildFixtures } from '../src/fixtures/fixtures.ts';
import { useServer, type Answer, type Api } from './helpers.ts';

const api = useServer();
const F = buildFixtures();
const TODAY = '2026-11-27';
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: `${TODAY}T09:00:00Z` }));

interface Option { target: ShareTarget; label: string; description: string; recipientCount: number }

function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
}
function assertInvalid(r: Answer, path: string, what = ''): void {
  assertProblem(r, 422, 'validation_failed', what);
  assert.ok(r.body.errors?.some((e: { path: string }) => e.path === path), `${what}: errors name ${path}: ${JSON.stringify(r.body.errors)}`);
}

const clock = (now: string, on: Api = api) => on.control('POST', '/clock', { now });
const options = async (query: string, on: Api = api): Promise<Option[]> => {
  const r = await on.get(`/recipients?${query}`, 'manager');
  assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
  return r.body.items;
};
const labels = (xs: Option[]) => xs.map((o) => o.label);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Rank of an option's kind in the contract's order (in a property scope, the role-wide options are property targets). */
const rank = (o: Option) => ({ property: 0, address: 1, unit: 2, group: 3, contact: 4 })[o.target.kind];

/** Current residents (from ≤ today < to) of units matching `unitFilter`, from the fixture data alone. */
const residents = (unitFilter: (u: { id: string; propertyId: string; addressId: string }) => boolean, roles: Array<'tenant' | 'owner'> = ['tenant', 'owner']) => {
  const units = new Set(F.units.filter(unitFilter).map((u) => u.id));
  return new Set(F.relations.filter((r) => units.has(r.unitId) && roles.includes(r.role) && r.from <= TODAY && (r.to === undefined || TODAY < r.to)).map((r) => r.contactId));
};

// ------------------------------------------------------------------ GET /recipients

describe('GET /recipients', () => {
  it('property scope: role-wide options first, then addresses, units, groups, contacts', async () => {
    await clock(`${TODAY}T10:00:00Z`);
    const items = await options('scope=property:rosenweg-24&limit=100');
    assert.deepEqual(items.slice(0, 3).map((o) => [o.label, o.target, o.recipientCount]), [
      ['Alle Mieter', { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }, residents((u) => u.propertyId === 'rosenweg-24', ['tenant']).size],
      ['Alle Eigentümer', { kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] }, residents((u) => u.propertyId === 'rosenweg-24', ['owner']).size],
      ['Alle Mieter und Eigentümer', { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] }, residents((u) => u.propertyId === 'rosenweg-24').size],
    ]);
    assert.deepEqual(items.slice(0, 3).map((o) => o.recipientCount), [4, 2, 6]);
    const kinds = items.map((o) => o.target.kind);
    const ranks = items.map(rank);
    for (let i = 1; i < ranks.length; i++) assert.ok(ranks[i - 1]! <= ranks[i]!, `order at ${i}: ${kinds.join(',')}`);
    // Addresses and units, each with both roles.
    const of = (k: string) => items.filter((o) => o.target.kind === k);
    assert.deepEqual(sorted(of('address').map((o) => JSON.stringify(o.target))), sorted(F.addresses.filter((a) => a.propertyId === 'rosenweg-24').map((a) => JSON.stringify({ kind: 'address', addressId: a.id, roles: ['tenant', 'owner'] }))));
    assert.deepEqual(sorted(of('address').map((o) => o.label)), ['Rosenweg 24', 'Rosenweg 24a']);
    assert.deepEqual(sorted(of('unit').map((o) => JSON.stringify(o.target))), sorted(F.units.filter((u) => u.propertyId === 'rosenweg-24').map((u) => JSON.stringify({ kind: 'unit', unitId: u.id, roles: ['tenant', 'owner'] }))));
    for (const o of of('unit')) {
      const id = (o.target as { unitId: string }).unitId;
      assert.equal(o.label, F.units.find((u) => u.id === id)!.name);
      assert.equal(o.recipientCount, residents((u) => u.id === id).size, id);
    }
    assert.equal(of('unit').find((o) => (o.target as { unitId: string }).unitId === 'rosenweg-24-w002')!.recipientCount, 1, 'jan-novak moves in only in 2030');
    assert.equal(of('unit').find((o) => (o.target as { unitId: string }).unitId === 'rosenweg-24-w003')!.recipientCount, 2, 'paul-klein has moved out');
    assert.deepEqual(of('group').map((o) => [o.target, o.label, o.recipientCount]), [[{ kind: 'group', groupId: 'rosenweg-24-beirat' }, 'Verwaltungsbeirat', 2]]);
    // Contacts: current residents and group members; not the former or the future tenant.
    const expectedContacts = new Set([...residents((u) => u.propertyId === 'rosenweg-24'), ...F.groups.filter((g) => g.propertyId === 'rosenweg-24').flatMap((g) => g.memberIds)]);
    assert.deepEqual(sorted(of('contact').map((o) => (o.target as { contactId: string }).contactId)), sorted(expectedContacts));
    for (const o of of('contact')) {
      assert.equal(o.label, F.contacts.find((c) => c.id === (o.target as { contactId: string }).contactId)!.name);
      assert.equal(o.recipientCount, 1);
    }
    assert.equal(items.length, 3 + 2 + 6 + 1 + expectedContacts.size);
    assert.match(of('contact').find((o) => o.label === 'Ahmet Yılmaz')!.description, /Mieter/);
  });

  it('every option\'s recipientCount is what POST /recipients/resolve counts for its target', async () => {
    for (const scope of ['property:rosenweg-24', 'property:max-planck-12', 'unit:max-planck-12-w002', 'unit:rosenweg-24-w003']) {
      const [kind, id] = scope.split(':') as ['property' | 'unit', string];
      for (const o of await options(`scope=${scope}&limit=100`)) {
        const r = await api.post('/recipients/resolve', { scope: { kind, id }, targets: [o.target] }, 'manager');
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.count, o.recipientCount, `${scope} ${o.label}`);
      }
    }
  });

  it('unit scope: the unit\'s role-wide options, then its current residents', async () => {
    const w002 = await options('scope=unit:max-planck-12-w002');
    assert.deepEqual(w002.slice(0, 3).map((o) => [o.label, o.target, o.recipientCount]), [
      ['Alle Mieter', { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }, 1],
      ['Alle Eigentümer', { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['owner'] }, 1],
      ['Alle Mieter und Eigentümer', { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }, 2],
    ]);
    assert.deepEqual(sorted(w002.slice(3).map((o) => JSON.stringify(o.target))), sorted(['kristina-maiblume', 'jonas-becker'].map((c) => JSON.stringify({ kind: 'contact', contactId: c }))));
    assert.equal(w002.length, 5);
    const w003 = await options('scope=unit:rosenweg-24-w003');
    assert.deepEqual(sorted(w003.filter((o) => o.target.kind === 'contact').map((o) => o.label)), ['Elif Demir', 'Thomas Richter'], 'not paul-klein');
    const w002r = await options('scope=unit:rosenweg-24-w002');
    assert.deepEqual(w002r.filter((o) => o.target.kind === 'contact').map((o) => o.label), ['Sophie Wagner'], 'not jan-novak');
    assert.equal(w002r[0]!.recipientCount, 0, 'no tenant yet');
  });

  it('q filters every kind by label, case- and accent-insensitively ("straße" = "strasse")', async () => {
    const mp = 'scope=property:max-planck-12';
    for (const q of ['strasse', 'straße', 'STRASSE', 'Straße', 'planck-strasse 12']) {
      assert.deepEqual((await options(`${mp}&q=${encodeURIComponent(q)}`)).map((o) => o.target), [{ kind: 'address', addressId: 'max-planck-12', roles: ['tenant', 'owner'] }], q);
    }
    assert.deepEqual(labels(await options(`${mp}&q=alle`)), ['Alle Mieter', 'Alle Eigentümer', 'Alle Mieter und Eigentümer']);
    assert.deepEqual(labels(await options(`${mp}&q=${encodeURIComponent('alle mieter')}`)), ['Alle Mieter', 'Alle Mieter und Eigentümer']);
    for (const q of ['eigentumer', 'EIGENTÜMER', 'Eigentümer']) assert.deepEqual(labels(await options(`${mp}&q=${encodeURIComponent(q)}`)), ['Alle Eigentümer', 'Alle Mieter und Eigentümer'], q);
    assert.deepEqual(sorted(labels(await options(`${mp}&q=${encodeURIComponent('WOHNUNG 00')}`))), ['Wohnung 001', 'Wohnung 002', 'Wohnung 003']);
    assert.deepEqual((await options(`${mp}&q=MAIBLUME`)).map((o) => o.target), [{ kind: 'contact', contactId: 'kristina-maiblume' }]);
    assert.deepEqual(labels(await options(`${mp}&q=beirat`)), ['Verwaltungsbeirat']);
    const rw = 'scope=property:rosenweg-24';
    for (const q of ['Yılmaz', 'yılmaz', 'ahmet']) assert.deepEqual(labels(await options(`${rw}&q=${encodeURIComponent(q)}`)), ['Ahmet Yılmaz'], q);
    assert.deepEqual(labels(await options(`${rw}&q=24a`)), ['Rosenweg 24a']);
    // Former and future residents are no options, whatever the query.
    assert.deepEqual(await options(`${rw}&q=klein`), []);
    assert.deepEqual(await options(`${rw}&q=${encodeURIComponent('novák')}`), []);
    assert.deepEqual(await options(`${rw}&q=${encodeURIComponent('   ')}`), await options(rw), 'a blank query filters nothing');
    assert.deepEqual(await options(`${rw}&q=zzz`), []);
  });

  it('locale=en gives English labels; de is the default', async () => {
    const en = await options('scope=property:rosenweg-24&locale=en&limit=100');
    assert.deepEqual(labels(en.slice(0, 3)), ['All tenants', 'All owners', 'All tenants and owners']);
    const de = await options('scope=property:rosenweg-24&locale=de&limit=100');
    assert.deepEqual(labels(de.slice(0, 3)), ['Alle Mieter', 'Alle Eigentümer', 'Alle Mieter und Eigentümer']);
    assert.deepEqual(de, await options('scope=property:rosenweg-24&limit=100'));
    assert.deepEqual(en.map((o) => o.target), de.map((o) => o.target), 'the same options, only the words differ');
    const ahmetEn = en.find((o) => o.label === 'Ahmet Yılmaz')!;
    assert.match(ahmetEn.description, /Tenant/);
    assert.doesNotMatch(ahmetEn.description, /Mieter/);
    assert.deepEqual(labels(await options('scope=property:rosenweg-24&locale=en&q=owners')), ['All owners', 'All tenants and owners']);
    assert.deepEqual(labels(await options('scope=unit:max-planck-12-w002&locale=en&q=all')), ['All tenants', 'All owners', 'All tenants and owners']);
  });

  it('limit: a prefix of the full list; 1–100, else 422 naming limit', async () => {
    const all = await options('scope=property:rosenweg-24&limit=100');
    assert.equal(all.length, 18);
    assert.deepEqual(await options('scope=property:rosenweg-24'), all, 'default 20 > 18');
    for (const n of [1, 4, 5, 12, 17, 18]) assert.deepEqual(await options(`scope=property:rosenweg-24&limit=${n}`), all.slice(0, n), `limit ${n}`);
    assert.deepEqual(await options('scope=property:rosenweg-24&limit=3&q=wohnung'), all.filter((o) => o.label.startsWith('Wohnung')).slice(0, 3));
    for (const bad of ['0', '101', '-1', '2.5', 'viele']) assertInvalid(await api.get(`/recipients?scope=property:rosenweg-24&limit=${bad}`, 'manager'), 'limit', bad);
  });

  it('an unknown, malformed or missing scope, or an unknown locale → 422', async () => {
    for (const q of ['scope=property:nowhere', 'scope=unit:nowhere', 'scope=rosenweg-24', 'scope=address:rosenweg-24a', '']) assertInvalid(await api.get(`/recipients?${q}`, 'manager'), 'scope', q);
    assertInvalid(await api.get('/recipients?scope=property:rosenweg-24&locale=fr', 'manager'), 'locale');
  });
});

// ------------------------------------------------------------------ POST /recipients/resolve

describe('POST /recipients/resolve', () => {
  const resolve = (scope: { kind: 'property' | 'unit'; id: string }, targets: unknown[]) => api.post('/recipients/resolve', { scope, targets }, 'manager');
  const R24 = { kind: 'property', id: 'rosenweg-24' } as const;

  it('counts exactly, lists each contact once with their roles in the scope', async () => {
    const tenants = await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    assert.equal(tenants.status, 200);
    assert.deepEqual(tenants.body, {
      count: 4,
      truncated: false,
      contacts: [
        { id: 'ahmet-yilmaz', name: 'Ahmet Yılmaz', roles: ['tenant'] },
        { id: 'claire-dubois', name: 'Claire Dubois', roles: ['tenant'] },
        { id: 'elif-demir', name: 'Elif Demir', roles: ['tenant'] },
        { id: 'markus-schneider', name: 'Markus Schneider', roles: ['tenant'] },
      ],
    });
    const mixed = await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }, { kind: 'group', groupId: 'rosenweg-24-beirat' }, { kind: 'contact', contactId: 'ahmet-yilmaz' }, { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant', 'owner'] }]);
    assert.equal(mixed.body.count, 6);
    assert.equal(mixed.body.contacts.length, 6);
    assert.deepEqual(sorted(mixed.body.contacts.map((c: { id: string }) => c.id)), ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider', 'sophie-wagner', 'thomas-richter']);
    const roles = Object.fromEntries(mixed.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles]));
    assert.deepEqual(roles['sophie-wagner'], ['owner']);
    assert.deepEqual(roles['thomas-richter'], ['owner']);
    // markus-schneider is an owner elsewhere: in this scope he is a tenant only.
    assert.deepEqual(roles['markus-schneider'], ['tenant']);
    const mp = await resolve({ kind: 'property', id: 'max-planck-12' }, [{ kind: 'group', groupId: 'max-planck-12-beirat' }, { kind: 'address', addressId: 'max-planck-12', roles: ['tenant'] }]);
    assert.deepEqual(Object.fromEntries(mp.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles])), {
      'jonas-becker': ['owner'], 'markus-schneider': ['owner'], 'lena-hoffmann': ['tenant'], 'kristina-maiblume': ['tenant'], 'friedrich-lang': ['tenant', 'owner'],
    });
    assert.equal(mp.body.count, 5);
    const unit = await resolve({ kind: 'unit', id: 'max-planck-12-w002' }, [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }]);
    assert.deepEqual(Object.fromEntries(unit.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles])), { 'kristina-maiblume': ['tenant'], 'jonas-becker': ['owner'] });
    assert.deepEqual((await resolve(R24, [])).body, { count: 0, contacts: [], truncated: false });
    // The former and the future tenant: reached by a personal target only, with no role today.
    assert.deepEqual((await resolve(R24, [{ kind: 'unit', unitId: 'rosenweg-24-w003', roles: ['tenant'] }])).body.contacts.map((c: { id: string }) => c.id), ['elif-demir']);
    assert.deepEqual((await resolve(R24, [{ kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant'] }])).body.count, 0);
    assert.deepEqual((await resolve(R24, [{ kind: 'contact', contactId: 'paul-klein' }])).body.contacts, [{ id: 'paul-klein', name: 'Paul Klein', roles: [] }]);
  });

  it('a target outside the scope → 422 target_out_of_scope naming it', async () => {
    const out = await resolve(R24, [{ kind: 'group', groupId: 'rosenweg-24-beirat' }, { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }]);
    assertProblem(out, 422, 'target_out_of_scope');
    assert.deepEqual(out.body.errors.map((e: { path: string }) => e.path), ['targets.1']);
    for (const target of [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }, { kind: 'address', addressId: 'max-planck-12', roles: ['owner'] }, { kind: 'group', groupId: 'max-planck-12-beirat' }, { kind: 'contact', contactId: 'lena-hoffmann' }]) {
      assertProblem(await resolve(R24, [target]), 422, 'target_out_of_scope', JSON.stringify(target));
    }
    // A unit scope admits its own unit and residents only.
    const U = { kind: 'unit', id: 'max-planck-12-w002' } as const;
    for (const target of [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }, { kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] }, { kind: 'contact', contactId: 'lena-hoffmann' }, { kind: 'group', groupId: 'max-planck-12-beirat' }]) {
      assertProblem(await resolve(U, [target]), 422, 'target_out_of_scope', JSON.stringify(target));
    }
  });

  it('an unknown id → 422 validation_failed with its path; bad bodies → 422/400', async () => {
    assertInvalid(await resolve(R24, [{ kind: 'contact', contactId: 'ahmet-yilmaz' }, { kind: 'address', addressId: 'nowhere', roles: ['tenant'] }]), 'targets.1.addressId');
    assertInvalid(await resolve(R24, [{ kind: 'unit', unitId: 'nowhere', roles: ['tenant'] }]), 'targets.0.unitId');
    assertInvalid(await resolve(R24, [{ kind: 'group', groupId: 'nowhere' }]), 'targets.0.groupId');
    assertInvalid(await resolve(R24, [{ kind: 'contact', contactId: 'nobody' }]), 'targets.0.contactId');
    assertInvalid(await resolve(R24, [{ kind: 'property', propertyId: 'nowhere', roles: ['owner'] }]), 'targets.0.propertyId');
    assertInvalid(await resolve({ kind: 'property', id: 'nowhere' }, []), 'scope.id');
    assertInvalid(await resolve({ kind: 'unit', id: 'nowhere' }, []), 'scope.id');
    assertInvalid(await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: [] }]), 'targets.0.roles');
    assertInvalid(await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['landlord'] }]), 'targets.0.roles.0');
    assertInvalid(await api.post('/recipients/resolve', { scope: R24 }, 'manager'), 'targets');
    assertInvalid(await api.post('/recipients/resolve', { scope: R24, targets: Array.from({ length: 101 }, () => ({ kind: 'contact', contactId: 'ahmet-yilmaz' })) }, 'manager'), 'targets');
    assertProblem(await api.call('POST', '/recipients/resolve', { token: 'manager', body: '{"scope":', headers: { 'Content-Type': 'application/json' } }), 400, 'bad_request');
  });
});

// ------------------------------------------------------------------ the large estate

describe('recipients in the large estate (grosssiedlung)', () => {
  const big = useServer({ resetEach: false });
  before(async () => {
    await big.reset({ dataset: 'large' });
    await clock(`${TODAY}T10:00:00Z`, big);
  });
  const GS = { kind: 'property', id: 'grosssiedlung' } as const;

  it('resolve counts exactly and lists at most 100 contacts with truncated', async () => {
    const units = (await big.get('/properties/grosssiedlung/units', 'manager')).body.items as Array<{ residents: Array<{ contactId: string; role: string }> }>;
    const everyone = new Set(units.flatMap((u) => u.residents.map((r) => r.contactId)));
    const tenants = new Set(units.flatMap((u) => u.residents.filter((r) => r.role === 'tenant').map((r) => r.contactId)));
    assert.ok(everyone.size >= 10_000, `${everyone.size} current contacts`);
    const all = await big.post('/recipients/resolve', { scope: GS, targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant', 'owner'] }] }, 'manager');
    assert.equal(all.status, 200);
    assert.equal(all.body.count, everyone.size);
    assert.equal(all.body.truncated, true);
    assert.equal(all.body.contacts.length, 100);
    assert.equal(new Set(all.body.contacts.map((c: { id: string }) => c.id)).size, 100);
    for (const c of all.body.contacts) {
      assert.ok(everyone.has(c.id));
      assert.ok(c.roles.length > 0 && typeof c.name === 'string' && c.name.length > 0);
    }
    const t = await big.post('/recipients/resolve', { scope: GS, targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant'] }] }, 'manager');
    assert.equal(t.body.count, tenants.size);
    // A small target in the same estate is not truncated.
    const one = await big.post('/recipients/resolve', { scope: GS, targets: [{ kind: 'unit', unitId: 'grosssiedlung-01-w001', roles: ['tenant', 'owner'] }] }, 'manager');
    assert.equal(one.body.truncated, false);
    assert.equal(one.body.count, one.body.contacts.length);
    // Exactly 100 is not truncated, 101 is: a group of 100+ members.
    const groups = (await big.get('/properties/grosssiedlung/groups', 'manager')).body.items as Array<{ id: string; memberIds: string[] }>;
    const g = groups.find((x) => x.memberIds.length > 100)!;
    const gr = await big.post('/recipients/resolve', { scope: GS, targets: [{ kind: 'group', groupId: g.id }] }, 'manager');
    assert.equal(gr.body.count, new Set(g.memberIds).size);
    assert.equal(gr.body.truncated, true);
  });

  it('limit: default 20, at most 100; the kinds keep their order', async () => {
    const dflt = await options('scope=property:grosssiedlung', big);
    assert.equal(dflt.length, 20);
    assert.deepEqual(labels(dflt.slice(0, 3)), ['Alle Mieter', 'Alle Eigentümer', 'Alle Mieter und Eigentümer']);
    assert.deepEqual(dflt.slice(3).map((o) => o.target.kind), Array(17).fill('address'));
    const hundred = await options('scope=property:grosssiedlung&limit=100', big);
    assert.equal(hundred.length, 100);
    assert.deepEqual(hundred.slice(0, 20), dflt);
    assert.deepEqual(hundred.map((o) => o.target.kind), [...Array(3).fill('property'), ...Array(40).fill('address'), ...Array(57).fill('unit')]);
    assertInvalid(await big.get('/recipients?scope=property:grosssiedlung&limit=101', 'manager'), 'limit');
    // A query reaching into the contacts.
    const q = await options(`scope=property:grosssiedlung&q=${encodeURIComponent('müller')}&limit=100`, big);
    assert.equal(q.length, 100);
    for (const o of q) assert.match(o.label.toLowerCase(), /müller/);
    assert.ok(q.every((o) => o.target.kind === 'contact'));
    const qs = await options(`scope=property:grosssiedlung&q=${encodeURIComponent('GROSSMANN')}&limit=5`, big);
    assert.equal(qs.length, 5);
    for (const o of qs) assert.match(o.label, /Großmann/);
  });
});

// ------------------------------------------------------------------ digests

interface DigestDay { date: string; digests: Array<{ contact: { id: string; name: string; email: string; locale: string }; documents: Array<{ id: string; title: string; documentTypeName: string; propertyName: string }> }> }

const digests = async (date: string): Promise<DigestDay> => {
  const r = await api.get(`/notifications/digests?date=${date}`, 'manager');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.date, date);
  for (const d of r.body.digests) assert.ok(d.documents.length > 0, `${d.contact.id}: no empty digests`);
  return r.body;
};
/** contactId → sorted document ids of that day. */
const digestMap = async (date: string) => Object.fromEntries((await digests(date)).digests.map((d) => [d.contact.id, d.documents.map((x) => x.id).sort()]));

async function upload(title: string, at: string, scope: { kind: 'property' | 'unit'; id: string }, shares: ShareTarget[], documentTypeId = 'objektunterlagen') {
  await clock(at);
  const r = await api.upload({ name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' }, { title, documentTypeId, scope, shares });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; title: string };
}
const share = async (id: string, at: string, shares: ShareTarget[]) => {
  await clock(at);
  const r = await api.patch(`/documents/${id}`, { shares }, 'manager');
  assert.equal(r.status, 200, JSON.stringify(r.body));
};

const R24 = { kind: 'property', id: 'rosenweg-24' } as const;
const MP = { kind: 'property', id: 'max-planck-12' } as const;
const W002 = { kind: 'unit', id: 'max-planck-12-w002' } as const;
const R24_TENANTS: ShareTarget = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
const KRISTINA: ShareTarget = { kind: 'contact', contactId: 'kristina-maiblume' };
const JONAS: ShareTarget = { kind: 'contact', contactId: 'jonas-becker' };

describe('GET /notifications/digests', () => {
  it('a document shared on D−1 appears on D for its recipients only, with its type and property', async () => {
    const d = await upload('Hausordnung', '2026-11-27T10:00:00Z', R24, [R24_TENANTS]);
    const day = await digests('2026-11-28');
    assert.deepEqual(sorted(day.digests.map((x) => x.contact.id)), sorted(residents((u) => u.propertyId === 'rosenweg-24', ['tenant'])));
    assert.deepEqual(sorted(day.digests.map((x) => x.contact.id)), ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);
    for (const x of day.digests) {
      const c = F.contacts.find((k) => k.id === x.contact.id)!;
      assert.deepEqual(x.contact, { id: c.id, name: c.name, email: c.email, locale: c.locale });
      assert.deepEqual(x.documents, [{ id: d.id, title: 'Hausordnung', documentTypeName: 'Objektunterlagen', propertyName: 'Rosenweg 24' }]);
    }
    // Not the day itself, not the day after.
    assert.deepEqual((await digests('2026-11-27')).digests, []);
    assert.deepEqual((await digests('2026-11-29')).digests, []);
    // Nobody else: not the owners, not the former or future tenant.
    const ids = day.digests.map((x) => x.contact.id);
    for (const who of ['paul-klein', 'jan-novak', 'sophie-wagner', 'thomas-richter', 'kristina-maiblume']) assert.ok(!ids.includes(who), who);
  });

  it('several documents for one contact, across properties; an unshared document notifies nobody', async () => {
    const a = await upload('Aushang Rosenweg', '2026-11-27T07:00:00Z', R24, [{ kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] }]);
    const b = await upload('Protokoll Max-Planck', '2026-11-27T12:00:00Z', MP, [{ kind: 'property', propertyId: 'max-planck-12', roles: ['owner'] }], 'eigentuemerversammlungen');
    await upload('Intern', '2026-11-27T13:00:00Z', R24, []);
    const day = await digests('2026-11-28');
    const markus = day.digests.find((x) => x.contact.id === 'markus-schneider')!;
    assert.deepEqual(markus.documents.map((x) => [x.id, x.propertyName, x.documentTypeName]).sort(), [[a.id, 'Rosenweg 24', 'Objektunterlagen'], [b.id, 'Max-Planck-Straße 12', 'Eigentümerversammlungen']].sort());
    assert.deepEqual(await digestMap('2026-11-28'), {
      'markus-schneider': [a.id, b.id].sort(),
      'claire-dubois': [a.id],
      'jonas-becker': [b.id],
      'friedrich-lang': [b.id],
    });
  });

  it('the day is the Berlin calendar day: 23:00 UTC in winter and 22:00 UTC in summer are already the next day', async () => {
    const winterLate = await upload('Winter 23:59 Berlin', '2026-11-27T22:59:59Z', W002, [KRISTINA]);
    const winterNext = await upload('Winter 00:00 Berlin', '2026-11-27T23:00:00Z', W002, [KRISTINA]);
    const winterHalf = await upload('Winter 00:30 Berlin', '2026-11-27T23:30:00Z', W002, [KRISTINA]);
    const summerLate = await upload('Sommer 23:59 Berlin', '2026-06-30T21:59:59Z', W002, [KRISTINA]);
    const summerNext = await upload('Sommer 00:00 Berlin', '2026-06-30T22:00:00Z', W002, [KRISTINA]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [winterLate.id] });
    assert.deepEqual(await digestMap('2026-11-29'), { 'kristina-maiblume': [winterNext.id, winterHalf.id].sort() });
    assert.deepEqual(await digestMap('2026-07-01'), { 'kristina-maiblume': [summerLate.id] });
    assert.deepEqual(await digestMap('2026-07-02'), { 'kristina-maiblume': [summerNext.id] });
    assert.deepEqual(await digestMap('2026-06-30'), {});
  });

  it('a later share change lists the document for the newcomers only, on the next day only', async () => {
    const d = await upload('Wartungsbericht', '2026-11-27T10:00:00Z', R24, [{ kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] }]);
    await share(d.id, '2026-11-28T10:00:00Z', [{ kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] }, { kind: 'group', groupId: 'rosenweg-24-beirat' }]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'ahmet-yilmaz': [d.id] });
    assert.deepEqual(await digestMap('2026-11-29'), { 'sophie-wagner': [d.id], 'thomas-richter': [d.id] });
    assert.deepEqual(await digestMap('2026-11-30'), {});
    // An unshared upload shared the next day: notified then.
    const later = await upload('Nachgereicht', '2026-11-27T11:00:00Z', W002, []);
    assert.deepEqual((await digestMap('2026-11-28'))['kristina-maiblume'], undefined);
    await share(later.id, '2026-11-28T11:00:00Z', [KRISTINA]);
    assert.deepEqual((await digestMap('2026-11-29'))['kristina-maiblume'], [later.id]);
    assert.deepEqual((await digestMap('2026-11-28'))['kristina-maiblume'], undefined);
  });

  it('each document at most once per contact, ever (a share removed and added again)', async () => {
    const d = await upload('Bedienungsanleitung', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    await share(d.id, '2026-11-28T09:00:00Z', []);
    await share(d.id, '2026-11-28T10:00:00Z', [KRISTINA]);
    await share(d.id, '2026-11-29T09:00:00Z', [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }]);
    await share(d.id, '2026-11-30T09:00:00Z', [JONAS]);
    await share(d.id, '2026-11-30T10:00:00Z', [KRISTINA, JONAS]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [d.id] });
    assert.deepEqual(await digestMap('2026-11-29'), {});
    assert.deepEqual(await digestMap('2026-11-30'), {});
    assert.deepEqual(await digestMap('2026-12-01'), { 'jonas-becker': [d.id] });
    // Removed and added again on the same day as the upload: still once.
    const e = await upload('Zweimal', '2026-12-05T08:00:00Z', W002, [KRISTINA]);
    await share(e.id, '2026-12-05T09:00:00Z', []);
    await share(e.id, '2026-12-05T10:00:00Z', [KRISTINA, KRISTINA]);
    const day = await digests('2026-12-06');
    assert.deepEqual(day.digests.map((x) => [x.contact.id, x.documents.map((y) => y.id)]), [['kristina-maiblume', [e.id]]]);
  });

  it('a document no longer visible (shares changed away, or deleted) disappears from the digest', async () => {
    const moved = await upload('Umgeleitet', '2026-11-27T08:00:00Z', W002, [KRISTINA]);
    const gone = await upload('Gelöscht', '2026-11-27T09:00:00Z', W002, [KRISTINA, JONAS]);
    const stays = await upload('Bleibt', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [moved.id, gone.id, stays.id].sort(), 'jonas-becker': [gone.id] });
    await share(moved.id, '2026-11-27T20:00:00Z', [JONAS]);
    assert.equal((await api.del(`/documents/${gone.id}`, 'manager')).status, 204);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [stays.id], 'jonas-becker': [moved.id] });
    // Taken away on the day the digest goes out (before it is asked for): gone as well.
    await share(stays.id, '2026-11-28T06:00:00Z', []);
    assert.deepEqual(await digestMap('2026-11-28'), { 'jonas-becker': [moved.id] });
  });

  it('a future tenant gets nothing; moving in does not notify; a personal document does', async () => {
    const d = await upload('Hausordnung', '2026-11-27T10:00:00Z', R24, [{ kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant', 'owner'] }, R24_TENANTS]);
    const day = await digestMap('2026-11-28');
    assert.equal(day['jan-novak'], undefined);
    assert.deepEqual(sorted(Object.keys(day)), ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider', 'sophie-wagner']);
    // Jan moves in on 2030-02-01: he sees the document from then on, but is not notified of it.
    await clock('2030-02-01T10:00:00Z');
    assert.equal((await api.get(`/documents/${d.id}`, 'contact:jan-novak')).status, 200);
    assert.deepEqual(await digestMap('2030-02-01'), {});
    assert.deepEqual(await digestMap('2030-02-02'), {});
    // A share change after he moved in: the owners it adds are notified, he (already reached) is not.
    await share(d.id, '2030-02-01T11:00:00Z', [{ kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant', 'owner'] }, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] }]);
    assert.deepEqual(await digestMap('2030-02-02'), { 'thomas-richter': [d.id] });
    // A personal document reaches him even before he moves in.
    const mine = await upload('Willkommen', '2026-11-27T12:00:00Z', R24, [{ kind: 'contact', contactId: 'jan-novak' }]);
    assert.deepEqual((await digestMap('2026-11-28'))['jan-novak'], [mine.id]);
  });

  it('a bad or missing date → 422 naming date', async () => {
    for (const q of ['date=2026-13-01', 'date=2026-02-30', 'date=28.11.2026', 'date=morgen', 'date=', '']) assertInvalid(await api.get(`/notifications/digests?${q}`, 'manager'), 'date', q);
  });
});

describe('GET /notifications/digests/{date}/{contactId}', () => {
  it('renders German for a "de" contact and English for lena-hoffmann ("en")', async () => {
    await upload('Bedienungsanleitung Therme', '2026-11-27T10:00:00Z', MP, [KRISTINA, { kind: 'contact', contactId: 'lena-hoffmann' }], 'bedienungsanleitungen');
    const de = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    assert.equal(de.status, 200);
    assert.deepEqual(Object.keys(de.body).sort(), ['html', 'subject', 'text']);
    assert.ok(de.body.subject.includes('Bedienungsanleitung Therme'), de.body.subject);
    assert.match(de.body.subject, /Dokument/);
    assert.match(de.body.text, /Hallo Kristina Maiblume/);
    assert.match(de.body.text, /27\. November 2026/);
    assert.ok(de.body.text.includes('Bedienungsanleitung Therme (Bedienungsanleitungen, Max-Planck-Straße 12)'), de.body.text);
    assert.doesNotMatch(de.body.text, /Hello|shared with you/);
    assert.match(de.body.html, /^<!doctype html>/i);
    assert.match(de.body.html, /<html lang="de">/);
    assert.ok(de.body.html.includes('Bedienungsanleitung Therme'));
    const en = await api.get('/notifications/digests/2026-11-28/lena-hoffmann', 'manager');
    assert.equal(en.status, 200);
    assert.match(en.body.subject, /New document/);
    assert.ok(en.body.subject.includes('Bedienungsanleitung Therme'));
    assert.match(en.body.text, /Hello Lena Hoffmann/);
    assert.match(en.body.text, /27 November 2026/);
    assert.doesNotMatch(en.body.text, /Hallo|Dokument/);
    assert.match(en.body.html, /<html lang="en">/);
    // Several documents: all of them, in both forms.
    await upload('Zweites Dokument', '2026-11-27T11:00:00Z', MP, [KRISTINA]);
    const two = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    for (const title of ['Bedienungsanleitung Therme', 'Zweites Dokument']) {
      assert.ok(two.body.text.includes(title) && two.body.html.includes(title), title);
    }
    assert.match(two.body.subject, /2/);
  });

  it('escapes titles in the HTML (no raw markup from data)', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await upload(evil, '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    await upload('Tom & "Jerry" <script>alert(2)</script>', '2026-11-27T11:00:00Z', W002, [KRISTINA]);
    const r = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    assert.equal(r.status, 200);
    assert.ok(!r.body.html.includes('<img'), r.body.html);
    assert.ok(!r.body.html.includes('<script'), r.body.html);
    assert.ok(r.body.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(r.body.html.includes('Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(r.body.text.includes(evil), 'the plain text keeps the title as it is');
  });

  it('404 for a contact with nothing that day (or an unknown contact); a bad date → 422', async () => {
    await upload('Nur für Kristina', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    assert.equal((await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager')).status, 200);
    for (const path of ['2026-11-28/lena-hoffmann', '2026-11-28/jonas-becker', '2026-11-29/kristina-maiblume', '2026-11-27/kristina-maiblume', '2026-11-28/nobody']) {
      assertProblem(await api.get(`/notifications/digests/${path}`, 'manager'), 404, 'not_found', path);
    }
    for (const date of ['2026-11-31', '2026-13-01', '28.11.2026', 'morgen', '2026-1-5']) {
      const r = await api.get(`/notifications/digests/${date}/kristina-maiblume`, 'manager');
      assertProblem(r, 422, 'validation_failed', date);
      assert.equal(r.body.errors[0].path, 'date');
    }
  });
});

describe('search folding beyond accents', () => {
  it('finds "Yılmaz" by "yilmaz" and "YILMAZ" (dotless ı folds to i)', async () => {
    for (const q of ['yilmaz', 'YILMAZ', 'yılmaz']) {
      const r = await api.get(`/recipients?scope=property:rosenweg-24&q=${encodeURIComponent(q)}`, 'manager');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.items.map((o: { label: string }) => o.label), ['Ahmet Yılmaz'], q);
    }
  });
});
