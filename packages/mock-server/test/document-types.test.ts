/**
 * The document type tree over real HTTP: order, counts per scope and caller, create, rename,
 * move, reorder, delete, and every refusal (conflict, cycle, too_deep, unknown ids), each of
 * which must leave the tree exactly as it was.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { useServer, type Answer } from './helpers.ts';

const api = useServer();
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' }));

interface T {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  documentCount: number;
  subtreeCount: number;
}

const FIXTURE_ORDER = [
  'objektunterlagen',
  'plaene',
  'energieausweis',
  'bedienungsanleitungen',
  'abrechnungen',
  'nebenkostenabrechnungen',
  'hausgeldabrechnungen',
  'protokolle',
  'eigentuemerversammlungen',
];

function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
}

const tree = async (query = '', token = 'manager'): Promise<T[]> => {
  const r = await api.get(`/document-types${query}`, token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items;
};
const order = (items: T[]) => items.map((t) => t.id);
const counts = (items: T[]) =>
  Object.fromEntries(
    items
      .filter((t) => t.documentCount || t.subtreeCount)
      .map((t) => [t.id, [t.documentCount, t.subtreeCount]]),
  );
const create = (body: unknown) => api.post('/document-types', body, 'manager');
const update = (id: string, body: unknown) => api.patch(`/document-types/${id}`, body, 'manager');

/** Checks the shape of a flat depth-first listing: parents first, siblings by position 0..n-1. */
function assertDepthFirst(items: T[]): void {
  const seen = new Map<string, T>();
  const byParent = new Map<string | null, T[]>();
  for (const t of items) {
    assert.ok(!seen.has(t.id), `${t.id} listed once`);
    if (t.parentId !== null) assert.ok(seen.has(t.parentId), `${t.id} after its parent ${t.parentId}`);
    seen.set(t.id, t);
    (byParent.get(t.parentId) ?? byParent.set(t.parentId, []).get(t.parentId)!).push(t);
  }
  for (const [parent, kids] of byParent)
    assert.deepEqual(
      kids.map((k) => k.position),
      kids.map((_, i) => i),
      `siblings under ${parent} ordered 0..n-1`,
    );
  // Depth-first: everything between a type and its next sibling lies in its subtree.
  const inSubtree = (id: string, root: string): boolean =>
    id === root || (seen.get(id)!.parentId !== null && inSubtree(seen.get(id)!.parentId!, root));
  items.forEach((t, i) => {
    const next = items.findIndex((x, j) => j > i && !inSubtree(x.id, t.id));
    for (let j = i + 1; j < (next < 0 ? items.length : next); j++)
      assert.ok(inSubtree(items[j]!.id, t.id), `${items[j]!.id} inside ${t.id}`);
  });
}

/** Runs a refused request and checks that the tree (names, parents, positions, counts) did not move. */
async function refused(
  r: Promise<Answer>,
  status: number,
  code: string,
  what: string,
  path?: string,
): Promise<void> {
  const before = await tree();
  const answer = await r;
  assertProblem(answer, status, code, what);
  if (path)
    assert.deepEqual(
      answer.body.errors?.map((e: { path: string }) => e.path),
      [path],
      what,
    );
  assert.deepEqual(await tree(), before, `${what}: the tree is unchanged`);
}

async function doc(
  title: string,
  documentTypeId: string,
  scope: { kind: 'property' | 'unit'; id: string },
  shares: ShareTarget[],
) {
  const r = await api.upload(
    { name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' },
    { title, documentTypeId, scope, shares },
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string };
}

/** A chain of types below `parentId`, named L<level>. Answers their ids. */
async function chain(parentId: string | null, fromLevel: number, toLevel: number): Promise<string[]> {
  const out: string[] = [];
  let parent = parentId;
  for (let level = fromLevel; level <= toLevel; level++) {
    const r = await create({ name: `L${level}`, parentId: parent });
    assert.equal(r.status, 201, `level ${level}: ${JSON.stringify(r.body)}`);
    out.push(r.body.id);
    parent = r.body.id;
  }
  return out;
}

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
