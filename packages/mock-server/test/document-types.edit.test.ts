/**
 * The document type tree over real HTTP: rename, move, reorder, delete, and every refusal
 * (conflict, cycle, too_deep, unknown ids), each of which must leave the tree exactly as it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
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

describe('PATCH /document-types/{id}', () => {
  it('renames (also only the case of its own name)', async () => {
    const r = await update('plaene', { name: 'Grundrisse & Pläne' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      id: 'plaene',
      name: 'Grundrisse & Pläne',
      parentId: 'objektunterlagen',
      position: 0,
      documentCount: 1,
      subtreeCount: 1,
    });
    assert.equal((await update('energieausweis', { name: 'ENERGIEAUSWEIS' })).body.name, 'ENERGIEAUSWEIS');
    assert.equal((await tree()).find((t) => t.id === 'plaene')!.name, 'Grundrisse & Pläne');
    assert.deepEqual(order(await tree()), FIXTURE_ORDER);
    await refused(
      update('energieausweis', { name: 'grundrisse & pläne' }),
      409,
      'conflict',
      "a sibling's name",
    );
  });

  it('reorders among siblings', async () => {
    const r = await update('protokolle', { position: 0 });
    assert.equal(r.status, 200);
    assert.equal(r.body.position, 0);
    const pos = Object.fromEntries(
      (await tree()).filter((t) => t.parentId === null).map((t) => [t.id, t.position]),
    );
    assert.deepEqual(pos, { protokolle: 0, objektunterlagen: 1, bedienungsanleitungen: 2, abrechnungen: 3 });
    await update('protokolle', { position: 2 });
    assert.deepEqual(
      (await tree()).filter((t) => t.parentId === null).map((t) => t.id),
      ['objektunterlagen', 'bedienungsanleitungen', 'protokolle', 'abrechnungen'],
    );
    await update('objektunterlagen', { position: 50 });
    assert.deepEqual(
      (await tree()).filter((t) => t.parentId === null).map((t) => [t.id, t.position]),
      [
        ['bedienungsanleitungen', 0],
        ['protokolle', 1],
        ['abrechnungen', 2],
        ['objektunterlagen', 3],
      ],
    );
  });

  it('moves with its subtree and documents; both sibling lists are renumbered', async () => {
    const r = await update('abrechnungen', { parentId: 'objektunterlagen', position: 1 });
    assert.equal(r.status, 200);
    assert.deepEqual(
      { ...r.body },
      {
        id: 'abrechnungen',
        name: 'Abrechnungen',
        parentId: 'objektunterlagen',
        position: 1,
        documentCount: 0,
        subtreeCount: 1,
      },
    );
    const items = await tree();
    assertDepthFirst(items);
    assert.deepEqual(order(items), [
      'objektunterlagen',
      'plaene',
      'abrechnungen',
      'nebenkostenabrechnungen',
      'hausgeldabrechnungen',
      'energieausweis',
      'bedienungsanleitungen',
      'protokolle',
      'eigentuemerversammlungen',
    ]);
    assert.deepEqual(counts(items).objektunterlagen, [0, 3]);
    assert.deepEqual(
      items.filter((t) => t.parentId === null).map((t) => [t.id, t.position]),
      [
        ['objektunterlagen', 0],
        ['bedienungsanleitungen', 1],
        ['protokolle', 2],
      ],
    );
    // Back to the top level (parentId null), at the end when no position is given.
    const back = await update('abrechnungen', { parentId: null });
    assert.equal(back.body.parentId, null);
    assert.equal(back.body.position, 3);
    assert.deepEqual(
      (await tree()).filter((t) => t.parentId === 'objektunterlagen').map((t) => [t.id, t.position]),
      [
        ['plaene', 0],
        ['energieausweis', 1],
      ],
    );
    // The documents move along: the listing of the subtree follows.
    const docs = await api.get('/documents?documentTypeId=abrechnungen&includeSubtypes=true', 'manager');
    assert.deepEqual(
      docs.body.items.map((d: { id: string }) => d.id),
      ['wirtschaftsplan-2027-rosenweg-24'],
    );
  });

  it('a name taken in the new parent → 409; moving with a new name at once is fine', async () => {
    assert.equal((await create({ name: 'Pläne', parentId: 'abrechnungen' })).status, 201);
    await refused(
      update('plaene', { parentId: 'abrechnungen' }),
      409,
      'conflict',
      'name taken in the new parent',
    );
    const r = await update('plaene', { parentId: 'abrechnungen', name: 'Pläne (alt)' });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.parentId, r.body.name], ['abrechnungen', 'Pläne (alt)']);
  });

  it('moving under itself or a descendant → 422 cycle', async () => {
    const [l3] = await chain('plaene', 3, 3);
    await refused(update('objektunterlagen', { parentId: 'objektunterlagen' }), 422, 'cycle', 'under itself');
    await refused(update('objektunterlagen', { parentId: 'plaene' }), 422, 'cycle', 'under its child');
    await refused(update('objektunterlagen', { parentId: l3 }), 422, 'cycle', 'under its grandchild');
    await refused(
      update('plaene', { parentId: 'plaene', name: 'Neu' }),
      422,
      'cycle',
      'under itself, with a rename',
    );
    // Under a sibling's subtree is fine.
    assert.equal((await update('energieausweis', { parentId: l3 })).status, 200);
  });

  it('a move that would make the subtree deeper than level 5 → 422 too_deep', async () => {
    // objektunterlagen (1) › plaene (2) › L3 › L4; abrechnungen spans 2 levels.
    const [l3, l4] = await chain('plaene', 3, 4);
    await refused(
      update('abrechnungen', { parentId: l4 }),
      422,
      'too_deep',
      'abrechnungen at 5, its children at 6',
    );
    // A leaf may go to level 5.
    assert.equal((await update('bedienungsanleitungen', { parentId: l4 })).status, 200);
    // abrechnungen under L3: itself at 4, children at 5.
    assert.equal((await update('abrechnungen', { parentId: l3 })).status, 200);
    // Now abrechnungen cannot gain a grandchild level...
    await refused(
      create({ name: 'zu tief', parentId: 'nebenkostenabrechnungen' }),
      422,
      'too_deep',
      'level 6 by creating',
    );
    // ...and a subtree of 3 levels cannot move under level 3.
    const deep = await chain(null, 1, 3);
    await refused(update(deep[0]!, { parentId: l3 }), 422, 'too_deep', 'three levels under level 3');
    assert.equal(
      (await update(deep[0]!, { parentId: 'plaene' })).status,
      200,
      'three levels under level 2 reach level 5',
    );
    assertDepthFirst(await tree());
  });

  it('unknown parentId → 422 naming parentId; unknown id in the path → 404; bad bodies → 422/400', async () => {
    await refused(
      update('plaene', { parentId: 'no-such-type' }),
      422,
      'validation_failed',
      'unknown parent',
      'parentId',
    );
    await refused(update('no-such-type', { name: 'x' }), 404, 'not_found', 'unknown path id');
    await refused(
      update('no-such-type', { parentId: 'no-such-parent' }),
      422,
      'validation_failed',
      '422 before 404',
      'parentId',
    );
    await refused(update('plaene', { name: '' }), 422, 'validation_failed', 'empty name', 'name');
    await refused(
      update('plaene', { name: 'Tab\there' }),
      422,
      'validation_failed',
      'control character',
      'name',
    );
    await refused(
      update('plaene', { position: -3 }),
      422,
      'validation_failed',
      'negative position',
      'position',
    );
    await refused(
      update('plaene', { parentId: 7 }),
      422,
      'validation_failed',
      'parentId of the wrong type',
      'parentId',
    );
    await refused(
      api.call('PATCH', '/document-types/plaene', {
        token: 'manager',
        body: '{',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      'bad_request',
      'malformed JSON',
    );
  });
});

describe('DELETE /document-types/{id}', () => {
  it('a type holding documents or children → 409 conflict, and it stays', async () => {
    await refused(api.del('/document-types/energieausweis', 'manager'), 409, 'conflict', 'holds a document');
    await refused(api.del('/document-types/objektunterlagen', 'manager'), 409, 'conflict', 'has children');
    await refused(
      api.del('/document-types/abrechnungen', 'manager'),
      409,
      'conflict',
      'has children, one empty',
    );
    // Unshared documents count too.
    await doc('Intern', 'bedienungsanleitungen', { kind: 'property', id: 'rosenweg-24' }, []);
    await refused(
      api.del('/document-types/bedienungsanleitungen', 'manager'),
      409,
      'conflict',
      'holds an unshared document',
    );
    await refused(api.del('/document-types/no-such-type', 'manager'), 404, 'not_found', 'unknown id');
  });

  it('an empty type → 204; it is gone and its siblings are renumbered', async () => {
    const r = await api.del('/document-types/nebenkostenabrechnungen', 'manager');
    assert.equal(r.status, 204);
    assert.equal(r.bytes.length, 0);
    const items = await tree();
    assert.ok(!order(items).includes('nebenkostenabrechnungen'));
    assert.deepEqual(items.find((t) => t.id === 'hausgeldabrechnungen')!.position, 0);
    assertProblem(await api.del('/document-types/nebenkostenabrechnungen', 'manager'), 404, 'not_found');
    assertProblem(await update('nebenkostenabrechnungen', { name: 'x' }), 404, 'not_found');
    // Once emptied, a type can go: its document moved away, then its last child deleted.
    assert.equal(
      (
        await api.patch(
          '/documents/energieausweis-rosenweg-24',
          { documentTypeId: 'bedienungsanleitungen' },
          'manager',
        )
      ).status,
      200,
    );
    assert.equal((await api.del('/document-types/energieausweis', 'manager')).status, 204);
    assert.equal((await api.del('/documents/grundriss-max-planck-12-w002', 'manager')).status, 204);
    assert.equal((await api.del('/document-types/plaene', 'manager')).status, 204);
    assert.equal((await api.del('/document-types/objektunterlagen', 'manager')).status, 204);
    assert.deepEqual(
      (await tree()).filter((t) => t.parentId === null).map((t) => [t.id, t.position]),
      [
        ['bedienungsanleitungen', 0],
        ['abrechnungen', 1],
        ['protokolle', 2],
      ],
    );
    // A document cannot be filed in a deleted type.
    const u = await api.upload(
      { name: 'a.pdf', bytes: makePdf('a'), type: 'application/pdf' },
      { documentTypeId: 'plaene', scope: { kind: 'property', id: 'rosenweg-24' }, shares: [] },
    );
    assertProblem(u, 422, 'validation_failed');
    assert.deepEqual(
      u.body.errors.map((e: { path: string }) => e.path),
      ['documentTypeId'],
    );
  });
});

describe('names in either Unicode form', () => {
  it('treats "Pläne" typed decomposed as the same name (409) and stores names NFC', async () => {
    const decomposed = 'Pla\u0308ne';
    const dup = await api.post(
      '/document-types',
      { name: decomposed, parentId: 'objektunterlagen' },
      'manager',
    );
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'conflict');
    const made = await api.post('/document-types', { name: 'Gru\u0308nde', parentId: null }, 'manager');
    assert.equal(made.status, 201);
    assert.equal(made.body.name, 'Gründe'.normalize('NFC'));
  });
});
