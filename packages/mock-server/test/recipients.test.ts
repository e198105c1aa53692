/**
 * GET /recipients over real HTTP with a fixed clock: the options per scope, their order, labels
 * and counts, search (also folding beyond accents). Resolving: recipients.resolve.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  api,
  F,
  TODAY,
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
