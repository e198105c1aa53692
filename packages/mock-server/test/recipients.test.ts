/**
 * The share picker's endpoints (GET /recipients, POST /recipients/resolve) over real HTTP with a
 * fixed clock, in the fixtures and the large estate.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useServer } from './helpers.ts';
import {
  api,
  F,
  TODAY,
  assertProblem,
  assertInvalid,
  clock,
  options,
  labels,
  sorted,
  rank,
  residents,
} from './recipients-setup.ts';

// ------------------------------------------------------------------ GET /recipients

describe('GET /recipients', () => {
  it('property scope: role-wide options first, then addresses, units, groups, contacts', async () => {
    await clock(`${TODAY}T10:00:00Z`);
    const items = await options('scope=property:rosenweg-24&limit=100');
    assert.deepEqual(
      items.slice(0, 3).map((o) => [o.label, o.target, o.recipientCount]),
      [
        [
          'Alle Mieter',
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
          residents((u) => u.propertyId === 'rosenweg-24', ['tenant']).size,
        ],
        [
          'Alle Eigentümer',
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] },
          residents((u) => u.propertyId === 'rosenweg-24', ['owner']).size,
        ],
        [
          'Alle Mieter und Eigentümer',
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] },
          residents((u) => u.propertyId === 'rosenweg-24').size,
        ],
      ],
    );
    assert.deepEqual(
      items.slice(0, 3).map((o) => o.recipientCount),
      [4, 2, 6],
    );
    const kinds = items.map((o) => o.target.kind);
    const ranks = items.map(rank);
    for (let i = 1; i < ranks.length; i++)
      assert.ok(ranks[i - 1]! <= ranks[i]!, `order at ${i}: ${kinds.join(',')}`);
    // Addresses and units, each with both roles.
    const of = (k: string) => items.filter((o) => o.target.kind === k);
    assert.deepEqual(
      sorted(of('address').map((o) => JSON.stringify(o.target))),
      sorted(
        F.addresses
          .filter((a) => a.propertyId === 'rosenweg-24')
          .map((a) => JSON.stringify({ kind: 'address', addressId: a.id, roles: ['tenant', 'owner'] })),
      ),
    );
    assert.deepEqual(sorted(of('address').map((o) => o.label)), ['Rosenweg 24', 'Rosenweg 24a']);
    assert.deepEqual(
      sorted(of('unit').map((o) => JSON.stringify(o.target))),
      sorted(
        F.units
          .filter((u) => u.propertyId === 'rosenweg-24')
          .map((u) => JSON.stringify({ kind: 'unit', unitId: u.id, roles: ['tenant', 'owner'] })),
      ),
    );
    for (const o of of('unit')) {
      const id = (o.target as { unitId: string }).unitId;
      assert.equal(o.label, F.units.find((u) => u.id === id)!.name);
      assert.equal(o.recipientCount, residents((u) => u.id === id).size, id);
    }
    assert.equal(
      of('unit').find((o) => (o.target as { unitId: string }).unitId === 'rosenweg-24-w002')!.recipientCount,
      1,
      'jan-novak moves in only in 2030',
    );
    assert.equal(
      of('unit').find((o) => (o.target as { unitId: string }).unitId === 'rosenweg-24-w003')!.recipientCount,
      2,
      'paul-klein has moved out',
    );
    assert.deepEqual(
      of('group').map((o) => [o.target, o.label, o.recipientCount]),
      [[{ kind: 'group', groupId: 'rosenweg-24-beirat' }, 'Verwaltungsbeirat', 2]],
    );
    // Contacts: current residents and group members; not the former or the future tenant.
    const expectedContacts = new Set([
      ...residents((u) => u.propertyId === 'rosenweg-24'),
      ...F.groups.filter((g) => g.propertyId === 'rosenweg-24').flatMap((g) => g.memberIds),
    ]);
    assert.deepEqual(
      sorted(of('contact').map((o) => (o.target as { contactId: string }).contactId)),
      sorted(expectedContacts),
    );
    for (const o of of('contact')) {
      assert.equal(
        o.label,
        F.contacts.find((c) => c.id === (o.target as { contactId: string }).contactId)!.name,
      );
      assert.equal(o.recipientCount, 1);
    }
    assert.equal(items.length, 3 + 2 + 6 + 1 + expectedContacts.size);
    assert.match(of('contact').find((o) => o.label === 'Ahmet Yılmaz')!.description, /Mieter/);
  });

  it("every option's recipientCount is what POST /recipients/resolve counts for its target", async () => {
    for (const scope of [
      'property:rosenweg-24',
      'property:max-planck-12',
      'unit:max-planck-12-w002',
      'unit:rosenweg-24-w003',
    ]) {
      const [kind, id] = scope.split(':') as ['property' | 'unit', string];
      for (const o of await options(`scope=${scope}&limit=100`)) {
        const r = await api.post(
          '/recipients/resolve',
          { scope: { kind, id }, targets: [o.target] },
          'manager',
        );
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.count, o.recipientCount, `${scope} ${o.label}`);
      }
    }
  });

  it("unit scope: the unit's role-wide options, then its current residents", async () => {
    const w002 = await options('scope=unit:max-planck-12-w002');
    assert.deepEqual(
      w002.slice(0, 3).map((o) => [o.label, o.target, o.recipientCount]),
      [
        ['Alle Mieter', { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }, 1],
        ['Alle Eigentümer', { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['owner'] }, 1],
        [
          'Alle Mieter und Eigentümer',
          { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] },
          2,
        ],
      ],
    );
    assert.deepEqual(
      sorted(w002.slice(3).map((o) => JSON.stringify(o.target))),
      sorted(
        ['kristina-maiblume', 'jonas-becker'].map((c) => JSON.stringify({ kind: 'contact', contactId: c })),
      ),
    );
    assert.equal(w002.length, 5);
    const w003 = await options('scope=unit:rosenweg-24-w003');
    assert.deepEqual(
      sorted(w003.filter((o) => o.target.kind === 'contact').map((o) => o.label)),
      ['Elif Demir', 'Thomas Richter'],
      'not paul-klein',
    );
    const w002r = await options('scope=unit:rosenweg-24-w002');
    assert.deepEqual(
      w002r.filter((o) => o.target.kind === 'contact').map((o) => o.label),
      ['Sophie Wagner'],
      'not jan-novak',
    );
    assert.equal(w002r[0]!.recipientCount, 0, 'no tenant yet');
  });

  it('q filters every kind by label, case- and accent-insensitively ("straße" = "strasse")', async () => {
    const mp = 'scope=property:max-planck-12';
    for (const query of ['strasse', 'straße', 'STRASSE', 'Straße', 'planck-strasse 12']) {
      assert.deepEqual(
        (await options(`${mp}&q=${encodeURIComponent(query)}`)).map((o) => o.target),
        [{ kind: 'address', addressId: 'max-planck-12', roles: ['tenant', 'owner'] }],
        query,
      );
    }
    assert.deepEqual(labels(await options(`${mp}&q=alle`)), [
      'Alle Mieter',
      'Alle Eigentümer',
      'Alle Mieter und Eigentümer',
    ]);
    assert.deepEqual(labels(await options(`${mp}&q=${encodeURIComponent('alle mieter')}`)), [
      'Alle Mieter',
      'Alle Mieter und Eigentümer',
    ]);
    for (const query of ['eigentumer', 'EIGENTÜMER', 'Eigentümer'])
      assert.deepEqual(
        labels(await options(`${mp}&q=${encodeURIComponent(query)}`)),
        ['Alle Eigentümer', 'Alle Mieter und Eigentümer'],
        query,
      );
    assert.deepEqual(sorted(labels(await options(`${mp}&q=${encodeURIComponent('WOHNUNG 00')}`))), [
      'Wohnung 001',
      'Wohnung 002',
      'Wohnung 003',
    ]);
    assert.deepEqual(
      (await options(`${mp}&q=MAIBLUME`)).map((o) => o.target),
      [{ kind: 'contact', contactId: 'kristina-maiblume' }],
    );
    assert.deepEqual(labels(await options(`${mp}&q=beirat`)), ['Verwaltungsbeirat']);
    const rw = 'scope=property:rosenweg-24';
    for (const query of ['Yılmaz', 'yılmaz', 'ahmet'])
      assert.deepEqual(
        labels(await options(`${rw}&q=${encodeURIComponent(query)}`)),
        ['Ahmet Yılmaz'],
        query,
      );
    assert.deepEqual(labels(await options(`${rw}&q=24a`)), ['Rosenweg 24a']);
    // Former and future residents are no options, whatever the query.
    assert.deepEqual(await options(`${rw}&q=klein`), []);
    assert.deepEqual(await options(`${rw}&q=${encodeURIComponent('novák')}`), []);
    assert.deepEqual(
      await options(`${rw}&q=${encodeURIComponent('   ')}`),
      await options(rw),
      'a blank query filters nothing',
    );
    assert.deepEqual(await options(`${rw}&q=zzz`), []);
  });

  it('locale=en gives English labels; de is the default', async () => {
    const en = await options('scope=property:rosenweg-24&locale=en&limit=100');
    assert.deepEqual(labels(en.slice(0, 3)), ['All tenants', 'All owners', 'All tenants and owners']);
    const de = await options('scope=property:rosenweg-24&locale=de&limit=100');
    assert.deepEqual(labels(de.slice(0, 3)), [
      'Alle Mieter',
      'Alle Eigentümer',
      'Alle Mieter und Eigentümer',
    ]);
    assert.deepEqual(de, await options('scope=property:rosenweg-24&limit=100'));
    assert.deepEqual(
      en.map((o) => o.target),
      de.map((o) => o.target),
      'the same options, only the words differ',
    );
    const ahmetEn = en.find((o) => o.label === 'Ahmet Yılmaz')!;
    assert.match(ahmetEn.description, /Tenant/);
    assert.doesNotMatch(ahmetEn.description, /Mieter/);
    assert.deepEqual(labels(await options('scope=property:rosenweg-24&locale=en&q=owners')), [
      'All owners',
      'All tenants and owners',
    ]);
    assert.deepEqual(labels(await options('scope=unit:max-planck-12-w002&locale=en&q=all')), [
      'All tenants',
      'All owners',
      'All tenants and owners',
    ]);
  });

  it('limit: a prefix of the full list; 1–100, else 422 naming limit', async () => {
    const all = await options('scope=property:rosenweg-24&limit=100');
    assert.equal(all.length, 18);
    assert.deepEqual(await options('scope=property:rosenweg-24'), all, 'default 20 > 18');
    for (const n of [1, 4, 5, 12, 17, 18])
      assert.deepEqual(await options(`scope=property:rosenweg-24&limit=${n}`), all.slice(0, n), `limit ${n}`);
    assert.deepEqual(
      await options('scope=property:rosenweg-24&limit=3&q=wohnung'),
      all.filter((o) => o.label.startsWith('Wohnung')).slice(0, 3),
    );
    for (const bad of ['0', '101', '-1', '2.5', 'viele'])
      assertInvalid(
        await api.get(`/recipients?scope=property:rosenweg-24&limit=${bad}`, 'manager'),
        'limit',
        bad,
      );
  });

  it('an unknown, malformed or missing scope, or an unknown locale → 422', async () => {
    for (const query of [
      'scope=property:nowhere',
      'scope=unit:nowhere',
      'scope=rosenweg-24',
      'scope=address:rosenweg-24a',
      '',
    ])
      assertInvalid(await api.get(`/recipients?${query}`, 'manager'), 'scope', query);
    assertInvalid(await api.get('/recipients?scope=property:rosenweg-24&locale=fr', 'manager'), 'locale');
  });
});

// ------------------------------------------------------------------ POST /recipients/resolve

describe('POST /recipients/resolve', () => {
  const resolve = (scope: { kind: 'property' | 'unit'; id: string }, targets: unknown[]) =>
    api.post('/recipients/resolve', { scope, targets }, 'manager');
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
    const mixed = await resolve(R24, [
      { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
      { kind: 'group', groupId: 'rosenweg-24-beirat' },
      { kind: 'contact', contactId: 'ahmet-yilmaz' },
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant', 'owner'] },
    ]);
    assert.equal(mixed.body.count, 6);
    assert.equal(mixed.body.contacts.length, 6);
    assert.deepEqual(sorted(mixed.body.contacts.map((c: { id: string }) => c.id)), [
      'ahmet-yilmaz',
      'claire-dubois',
      'elif-demir',
      'markus-schneider',
      'sophie-wagner',
      'thomas-richter',
    ]);
    const roles = Object.fromEntries(
      mixed.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles]),
    );
    assert.deepEqual(roles['sophie-wagner'], ['owner']);
    assert.deepEqual(roles['thomas-richter'], ['owner']);
    // markus-schneider is an owner elsewhere: in this scope he is a tenant only.
    assert.deepEqual(roles['markus-schneider'], ['tenant']);
    const mp = await resolve({ kind: 'property', id: 'max-planck-12' }, [
      { kind: 'group', groupId: 'max-planck-12-beirat' },
      { kind: 'address', addressId: 'max-planck-12', roles: ['tenant'] },
    ]);
    assert.deepEqual(
      Object.fromEntries(mp.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles])),
      {
        'jonas-becker': ['owner'],
        'markus-schneider': ['owner'],
        'lena-hoffmann': ['tenant'],
        'kristina-maiblume': ['tenant'],
        'friedrich-lang': ['tenant', 'owner'],
      },
    );
    assert.equal(mp.body.count, 5);
    const unit = await resolve({ kind: 'unit', id: 'max-planck-12-w002' }, [
      { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] },
    ]);
    assert.deepEqual(
      Object.fromEntries(unit.body.contacts.map((c: { id: string; roles: string[] }) => [c.id, c.roles])),
      { 'kristina-maiblume': ['tenant'], 'jonas-becker': ['owner'] },
    );
    assert.deepEqual((await resolve(R24, [])).body, { count: 0, contacts: [], truncated: false });
    // The former and the future tenant: reached by a personal target only, with no role today.
    assert.deepEqual(
      (
        await resolve(R24, [{ kind: 'unit', unitId: 'rosenweg-24-w003', roles: ['tenant'] }])
      ).body.contacts.map((c: { id: string }) => c.id),
      ['elif-demir'],
    );
    assert.deepEqual(
      (await resolve(R24, [{ kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant'] }])).body.count,
      0,
    );
    assert.deepEqual((await resolve(R24, [{ kind: 'contact', contactId: 'paul-klein' }])).body.contacts, [
      { id: 'paul-klein', name: 'Paul Klein', roles: [] },
    ]);
  });

  it('a target outside the scope → 422 target_out_of_scope naming it', async () => {
    const out = await resolve(R24, [
      { kind: 'group', groupId: 'rosenweg-24-beirat' },
      { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] },
    ]);
    assertProblem(out, 422, 'target_out_of_scope');
    assert.deepEqual(
      out.body.errors.map((e: { path: string }) => e.path),
      ['targets.1'],
    );
    for (const target of [
      { kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] },
      { kind: 'address', addressId: 'max-planck-12', roles: ['owner'] },
      { kind: 'group', groupId: 'max-planck-12-beirat' },
      { kind: 'contact', contactId: 'lena-hoffmann' },
    ]) {
      assertProblem(await resolve(R24, [target]), 422, 'target_out_of_scope', JSON.stringify(target));
    }
    // A unit scope admits its own unit and residents only.
    const U = { kind: 'unit', id: 'max-planck-12-w002' } as const;
    for (const target of [
      { kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] },
      { kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] },
      { kind: 'contact', contactId: 'lena-hoffmann' },
      { kind: 'group', groupId: 'max-planck-12-beirat' },
    ]) {
      assertProblem(await resolve(U, [target]), 422, 'target_out_of_scope', JSON.stringify(target));
    }
  });

  it('an unknown id → 422 validation_failed with its path; bad bodies → 422/400', async () => {
    assertInvalid(
      await resolve(R24, [
        { kind: 'contact', contactId: 'ahmet-yilmaz' },
        { kind: 'address', addressId: 'nowhere', roles: ['tenant'] },
      ]),
      'targets.1.addressId',
    );
    assertInvalid(
      await resolve(R24, [{ kind: 'unit', unitId: 'nowhere', roles: ['tenant'] }]),
      'targets.0.unitId',
    );
    assertInvalid(await resolve(R24, [{ kind: 'group', groupId: 'nowhere' }]), 'targets.0.groupId');
    assertInvalid(await resolve(R24, [{ kind: 'contact', contactId: 'nobody' }]), 'targets.0.contactId');
    assertInvalid(
      await resolve(R24, [{ kind: 'property', propertyId: 'nowhere', roles: ['owner'] }]),
      'targets.0.propertyId',
    );
    assertInvalid(await resolve({ kind: 'property', id: 'nowhere' }, []), 'scope.id');
    assertInvalid(await resolve({ kind: 'unit', id: 'nowhere' }, []), 'scope.id');
    assertInvalid(
      await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: [] }]),
      'targets.0.roles',
    );
    assertInvalid(
      await resolve(R24, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['landlord'] }]),
      'targets.0.roles.0',
    );
    assertInvalid(await api.post('/recipients/resolve', { scope: R24 }, 'manager'), 'targets');
    assertInvalid(
      await api.post(
        '/recipients/resolve',
        {
          scope: R24,
          targets: Array.from({ length: 101 }, () => ({ kind: 'contact', contactId: 'ahmet-yilmaz' })),
        },
        'manager',
      ),
      'targets',
    );
    assertProblem(
      await api.call('POST', '/recipients/resolve', {
        token: 'manager',
        body: '{"scope":',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      'bad_request',
    );
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
    const units = (await big.get('/properties/grosssiedlung/units', 'manager')).body.items as Array<{
      residents: Array<{ contactId: string; role: string }>;
    }>;
    const everyone = new Set(units.flatMap((u) => u.residents.map((r) => r.contactId)));
    const tenants = new Set(
      units.flatMap((u) => u.residents.filter((r) => r.role === 'tenant').map((r) => r.contactId)),
    );
    assert.ok(everyone.size >= 10_000, `${everyone.size} current contacts`);
    const all = await big.post(
      '/recipients/resolve',
      { scope: GS, targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant', 'owner'] }] },
      'manager',
    );
    assert.equal(all.status, 200);
    assert.equal(all.body.count, everyone.size);
    assert.equal(all.body.truncated, true);
    assert.equal(all.body.contacts.length, 100);
    assert.equal(new Set(all.body.contacts.map((c: { id: string }) => c.id)).size, 100);
    for (const c of all.body.contacts) {
      assert.ok(everyone.has(c.id));
      assert.ok(c.roles.length > 0 && typeof c.name === 'string' && c.name.length > 0);
    }
    const t = await big.post(
      '/recipients/resolve',
      { scope: GS, targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant'] }] },
      'manager',
    );
    assert.equal(t.body.count, tenants.size);
    // A small target in the same estate is not truncated.
    const one = await big.post(
      '/recipients/resolve',
      { scope: GS, targets: [{ kind: 'unit', unitId: 'grosssiedlung-01-w001', roles: ['tenant', 'owner'] }] },
      'manager',
    );
    assert.equal(one.body.truncated, false);
    assert.equal(one.body.count, one.body.contacts.length);
    // Exactly 100 is not truncated, 101 is: a group of 100+ members.
    const groups = (await big.get('/properties/grosssiedlung/groups', 'manager')).body.items as Array<{
      id: string;
      memberIds: string[];
    }>;
    const g = groups.find((x) => x.memberIds.length > 100)!;
    const gr = await big.post(
      '/recipients/resolve',
      { scope: GS, targets: [{ kind: 'group', groupId: g.id }] },
      'manager',
    );
    assert.equal(gr.body.count, new Set(g.memberIds).size);
    assert.equal(gr.body.truncated, true);
  });

  it('limit: default 20, at most 100; the kinds keep their order', async () => {
    const dflt = await options('scope=property:grosssiedlung', big);
    assert.equal(dflt.length, 20);
    assert.deepEqual(labels(dflt.slice(0, 3)), [
      'Alle Mieter',
      'Alle Eigentümer',
      'Alle Mieter und Eigentümer',
    ]);
    assert.deepEqual(
      dflt.slice(3).map((o) => o.target.kind),
      Array(17).fill('address'),
    );
    const hundred = await options('scope=property:grosssiedlung&limit=100', big);
    assert.equal(hundred.length, 100);
    assert.deepEqual(hundred.slice(0, 20), dflt);
    assert.deepEqual(
      hundred.map((o) => o.target.kind),
      [...Array(3).fill('property'), ...Array(40).fill('address'), ...Array(57).fill('unit')],
    );
    assertInvalid(await big.get('/recipients?scope=property:grosssiedlung&limit=101', 'manager'), 'limit');
    // A query reaching into the contacts.
    const muller = await options(
      `scope=property:grosssiedlung&q=${encodeURIComponent('müller')}&limit=100`,
      big,
    );
    assert.equal(muller.length, 100);
    for (const o of muller) assert.match(o.label.toLowerCase(), /müller/);
    assert.ok(muller.every((o) => o.target.kind === 'contact'));
    const qs = await options(
      `scope=property:grosssiedlung&q=${encodeURIComponent('GROSSMANN')}&limit=5`,
      big,
    );
    assert.equal(qs.length, 5);
    for (const o of qs) assert.match(o.label, /Großmann/);
  });
});

describe('search folding beyond accents', () => {
  it('finds "Yılmaz" by "yilmaz" and "YILMAZ" (dotless ı folds to i)', async () => {
    for (const query of ['yilmaz', 'YILMAZ', 'yılmaz']) {
      const r = await api.get(
        `/recipients?scope=property:rosenweg-24&q=${encodeURIComponent(query)}`,
        'manager',
      );
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.items.map((o: { label: string }) => o.label),
        ['Ahmet Yılmaz'],
        query,
      );
    }
  });
});
