/**
 * POST /recipients/resolve over real HTTP with a fixed clock, in the fixtures and in the large
 * estate (grosssiedlung).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useServer } from './helpers.ts';
import {
  api,
  TODAY,
  assertProblem,
  assertInvalid,
  clock,
  options,
  labels,
  sorted,
} from './recipients-setup.ts';

// ------------------------------------------------------------------ GET /recipients

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
