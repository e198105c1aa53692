/**
 * The document type tree over real HTTP: order and counts per scope and caller (GET), and
 * creating folders with every refusal (POST). Changing and deleting: document-types.edit.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  api,
  FIXTURE_ORDER,
  assertProblem,
  tree,
  order,
  counts,
  create,
  update,
  assertDepthFirst,
  refused,
  doc,
  chain,
} from './document-types-setup.ts';

describe('GET /document-types', () => {
  it('is flat, in depth-first order: a parent before its children, siblings by position', async () => {
    const items = await tree();
    assert.deepEqual(order(items), FIXTURE_ORDER);
    assertDepthFirst(items);
    const byId = Object.fromEntries(items.map((t) => [t.id, t]));
    assert.deepEqual(byId.plaene, {
      id: 'plaene',
      name: 'Pläne',
      parentId: 'objektunterlagen',
      position: 0,
      documentCount: 1,
      subtreeCount: 1,
    });
    assert.equal(byId.objektunterlagen!.parentId, null);
    assert.equal(byId.eigentuemerversammlungen!.name, 'Eigentümerversammlungen');
  });

  it('stays depth-first after reordering and moving', async () => {
    assert.equal((await update('protokolle', { position: 0 })).status, 200);
    assert.equal(
      (await update('hausgeldabrechnungen', { parentId: 'objektunterlagen', position: 1 })).status,
      200,
    );
    assert.equal((await update('plaene', { position: 5 })).status, 200);
    const items = await tree();
    assertDepthFirst(items);
    assert.deepEqual(order(items), [
      'protokolle',
      'eigentuemerversammlungen',
      'objektunterlagen',
      'hausgeldabrechnungen',
      'energieausweis',
      'plaene',
      'bedienungsanleitungen',
      'abrechnungen',
      'nebenkostenabrechnungen',
    ]);
  });

  it('documentCount and subtreeCount per scope (the manager sees everything in it)', async () => {
    assert.deepEqual(counts(await tree()), {
      objektunterlagen: [0, 2],
      plaene: [1, 1],
      energieausweis: [1, 1],
      abrechnungen: [0, 1],
      hausgeldabrechnungen: [1, 1],
      protokolle: [0, 1],
      eigentuemerversammlungen: [1, 1],
    });
    // A property includes its units' documents; a unit only its own.
    assert.deepEqual(counts(await tree('?scope=property:max-planck-12')), {
      objektunterlagen: [0, 1],
      plaene: [1, 1],
      protokolle: [0, 1],
      eigentuemerversammlungen: [1, 1],
    });
    assert.deepEqual(counts(await tree('?scope=unit:max-planck-12-w002')), {
      objektunterlagen: [0, 1],
      plaene: [1, 1],
    });
    assert.deepEqual(counts(await tree('?scope=unit:max-planck-12-w001')), {});
    assert.deepEqual(counts(await tree('?scope=property:rosenweg-24')), {
      objektunterlagen: [0, 1],
      energieausweis: [1, 1],
      abrechnungen: [0, 1],
      hausgeldabrechnungen: [1, 1],
    });
    // Documents added at several levels, including one unshared.
    await doc('Lageplan', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, []);
    await doc('Heizkosten', 'nebenkostenabrechnungen', { kind: 'unit', id: 'rosenweg-24-w001' }, [
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] },
    ]);
    assert.deepEqual(counts(await tree('?scope=property:rosenweg-24')), {
      objektunterlagen: [1, 2],
      energieausweis: [1, 1],
      abrechnungen: [0, 2],
      nebenkostenabrechnungen: [1, 1],
      hausgeldabrechnungen: [1, 1],
    });
    assert.deepEqual(counts(await tree('?scope=unit:rosenweg-24-w001')), {
      abrechnungen: [0, 1],
      nebenkostenabrechnungen: [1, 1],
    });
    assert.deepEqual(counts(await tree()).objektunterlagen, [1, 3]);
    // The order and the rest of the fields do not depend on the scope.
    assert.deepEqual(order(await tree('?scope=unit:rosenweg-24-w001')), FIXTURE_ORDER);
  });

  it('a contact counts only what they see', async () => {
    await doc('Lageplan', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, []);
    await doc('Heizkosten', 'nebenkostenabrechnungen', { kind: 'unit', id: 'rosenweg-24-w001' }, [
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] },
    ]);
    const as = (who: string, q = '') => tree(q, `contact:${who}`).then(counts);
    // Ahmet, tenant of rosenweg-24-w001: the property-wide Energieausweis and his unit's Heizkosten; not the owners' plan nor the unshared Lageplan.
    assert.deepEqual(await as('ahmet-yilmaz'), {
      objektunterlagen: [0, 1],
      energieausweis: [1, 1],
      abrechnungen: [0, 1],
      nebenkostenabrechnungen: [1, 1],
    });
    assert.deepEqual(await as('ahmet-yilmaz', '?scope=unit:rosenweg-24-w001'), {
      abrechnungen: [0, 1],
      nebenkostenabrechnungen: [1, 1],
    });
    // Sophie, owner: Energieausweis and Wirtschaftsplan.
    assert.deepEqual(await as('sophie-wagner'), {
      objektunterlagen: [0, 1],
      energieausweis: [1, 1],
      abrechnungen: [0, 1],
      hausgeldabrechnungen: [1, 1],
    });
    // Kristina, tenant of max-planck-12-w002: the Grundriss only; Jonas, owner there: also the Protokoll.
    assert.deepEqual(await as('kristina-maiblume'), { objektunterlagen: [0, 1], plaene: [1, 1] });
    assert.deepEqual(await as('jonas-becker'), {
      objektunterlagen: [0, 1],
      plaene: [1, 1],
      protokolle: [0, 1],
      eigentuemerversammlungen: [1, 1],
    });
    assert.deepEqual(await as('jonas-becker', '?scope=unit:max-planck-12-w002'), {
      objektunterlagen: [0, 1],
      plaene: [1, 1],
    });
    // Lena, tenant of w001: nothing; Paul (former) and Jan (future): nothing.
    for (const who of ['lena-hoffmann', 'paul-klein', 'jan-novak']) assert.deepEqual(await as(who), {}, who);
    // A scope they do not relate to, or that does not exist: zeros, not an error.
    assert.deepEqual(await as('kristina-maiblume', '?scope=property:rosenweg-24'), {});
    assert.deepEqual(await as('kristina-maiblume', '?scope=property:no-such-property'), {});
    // The tree itself is the same for everyone.
    assert.deepEqual(order(await tree('', 'contact:kristina-maiblume')), FIXTURE_ORDER);
  });

  it('a bad scope is 422 (validation_failed naming scope)', async () => {
    for (const query of ['?scope=rosenweg-24', '?scope=street:x', '?scope=property:no-such-property']) {
      const r = await api.get(`/document-types${query}`, 'manager');
      assertProblem(r, 422, 'validation_failed', query);
      assert.deepEqual(
        r.body.errors.map((e: { path: string }) => e.path),
        ['scope'],
        query,
      );
    }
  });
});

describe('POST /document-types', () => {
  it('creates at the end, or at a position that renumbers the siblings', async () => {
    const end = await create({ name: 'Verträge' });
    assert.equal(end.status, 201);
    assert.deepEqual(
      { ...end.body, id: undefined },
      { id: undefined, name: 'Verträge', parentId: null, position: 4, documentCount: 0, subtreeCount: 0 },
    );
    assert.equal(typeof end.body.id, 'string');
    const at1 = await create({ name: '  Grundrisse alt  ', parentId: 'objektunterlagen', position: 1 });
    assert.equal(at1.status, 201);
    assert.equal(at1.body.name, 'Grundrisse alt', 'the name is trimmed');
    assert.equal(at1.body.parentId, 'objektunterlagen');
    assert.equal(at1.body.position, 1);
    const first = await create({ name: 'Allgemein', parentId: null, position: 0 });
    assert.equal(first.body.position, 0);
    const far = await create({ name: 'Ganz hinten', parentId: 'protokolle', position: 99 });
    assert.equal(far.status, 201);
    assert.equal(far.body.position, 1, 'a position past the end puts it last');
    const items = await tree();
    assertDepthFirst(items);
    assert.deepEqual(order(items), [
      first.body.id,
      'objektunterlagen',
      'plaene',
      at1.body.id,
      'energieausweis',
      'bedienungsanleitungen',
      'abrechnungen',
      'nebenkostenabrechnungen',
      'hausgeldabrechnungen',
      'protokolle',
      'eigentuemerversammlungen',
      far.body.id,
      end.body.id,
    ]);
    const pos = Object.fromEntries(items.map((t) => [t.id, t.position]));
    assert.deepEqual([pos.plaene, pos[at1.body.id], pos.energieausweis], [0, 1, 2]);
    assert.deepEqual(
      [
        pos[first.body.id],
        pos.objektunterlagen,
        pos.bedienungsanleitungen,
        pos.abrechnungen,
        pos.protokolle,
        pos[end.body.id],
      ],
      [0, 1, 2, 3, 4, 5],
    );
  });

  it('a sibling name taken (case-insensitively) → 409 conflict; the same name under another parent is fine', async () => {
    for (const name of ['Pläne', 'pläne', 'PLÄNE', '  Pläne '])
      await refused(create({ name, parentId: 'objektunterlagen' }), 409, 'conflict', name);
    for (const name of ['Objektunterlagen', 'objektUNTERLAGEN'])
      await refused(create({ name }), 409, 'conflict', name);
    const other = await create({ name: 'Pläne', parentId: 'abrechnungen' });
    assert.equal(other.status, 201);
    const top = await create({ name: 'pläne' });
    assert.equal(top.status, 201);
    await refused(
      create({ name: 'PLÄNE', parentId: 'abrechnungen' }),
      409,
      'conflict',
      'the new one is taken too',
    );
  });

  it('depth: level 5 is the deepest; creating at level 6 → 422 too_deep', async () => {
    // objektunterlagen (1) › plaene (2) › L3 › L4 › L5
    const ids = await chain('plaene', 3, 5);
    assert.equal(ids.length, 3);
    await refused(create({ name: 'L6', parentId: ids[2] }), 422, 'too_deep', 'level 6');
    const top = await chain(null, 1, 5);
    await refused(create({ name: 'L6', parentId: top[4] }), 422, 'too_deep', 'level 6 from the top');
    assertDepthFirst(await tree());
  });

  it('unknown parentId → 422 validation_failed naming parentId; bad bodies → 422/400', async () => {
    await refused(
      create({ name: 'Waise', parentId: 'no-such-type' }),
      422,
      'validation_failed',
      'unknown parent',
      'parentId',
    );
    await refused(create({ name: '' }), 422, 'validation_failed', 'empty name', 'name');
    await refused(create({ name: '   ' }), 422, 'validation_failed', 'blank name', 'name');
    await refused(create({ name: 'x'.repeat(101) }), 422, 'validation_failed', 'name too long', 'name');
    await refused(create({ name: 'Zeile\nZwei' }), 422, 'validation_failed', 'control character', 'name');
    await refused(
      create({ name: 'Neu', position: -1 }),
      422,
      'validation_failed',
      'negative position',
      'position',
    );
    await refused(
      create({ name: 'Neu', position: 1.5 }),
      422,
      'validation_failed',
      'fractional position',
      'position',
    );
    await refused(create({ parentId: 'plaene' }), 422, 'validation_failed', 'no name', 'name');
    await refused(
      api.call('POST', '/document-types', {
        token: 'manager',
        body: '{"name":"Neu"',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      'bad_request',
      'malformed JSON',
    );
    await refused(
      api.call('POST', '/document-types', {
        token: 'manager',
        body: 'name=Neu',
        headers: { 'Content-Type': 'text/plain' },
      }),
      400,
      'bad_request',
      'not JSON',
    );
    assert.equal((await create({ name: 'x'.repeat(100) })).status, 201, '100 characters are fine');
  });
});
