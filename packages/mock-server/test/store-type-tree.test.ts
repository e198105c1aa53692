import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/store/errors.ts';
import type { TypeRec } from '../src/store/model.ts';
import { MAX_TYPE_DEPTH, TypeTree } from '../src/store/type-tree.ts';

/** a (b (c)), d */
const seed = (): TypeRec[] => [
  { id: 'a', name: 'A', parentId: null, position: 0 },
  { id: 'b', name: 'B', parentId: 'a', position: 0 },
  { id: 'c', name: 'C', parentId: 'b', position: 0 },
  { id: 'd', name: 'D', parentId: null, position: 1 },
];

const code = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof ApiError, `an ApiError, not ${String(e)}`);
    return e.code;
  }
  assert.fail('expected a refusal');
};

const names = (tree: TypeTree, parentId: string | null) => tree.children(parentId).map((t) => t.name);

describe('type tree (no HTTP)', () => {
  it('does not share records with the data set it was built from', () => {
    const types = seed();
    const tree = new TypeTree(types);
    tree.update('a', { name: 'Renamed' });
    assert.equal(types[0]!.name, 'A');
  });

  it('knows levels, heights, subtrees and the depth-first order', () => {
    const tree = new TypeTree(seed());
    assert.equal(tree.level('a'), 1);
    assert.equal(tree.level('c'), 3);
    assert.equal(tree.height('a'), 3);
    assert.equal(tree.height('d'), 1);
    assert.deepEqual([...tree.subtreeIds('a')].sort(), ['a', 'b', 'c']);
    assert.ok(tree.isInSubtree('c', 'a'));
    assert.ok(!tree.isInSubtree('d', 'a'));
    assert.deepEqual(
      tree.depthFirst().map((t) => t.id),
      ['a', 'b', 'c', 'd'],
    );
  });

  it('sums counts over subtrees', () => {
    const tree = new TypeTree(seed());
    const own: Record<string, number> = { a: 1, b: 2, c: 4, d: 8 };
    const sums = tree.subtreeSums((id) => own[id] ?? 0);
    assert.deepEqual(Object.fromEntries(sums), { a: 7, b: 6, c: 4, d: 8 });
    assert.equal(tree.countsOver((id) => own[id] ?? 0).subtree('b'), 6);
  });
});

describe('type tree (no HTTP): create and rename', () => {
  it('creates at a position and renumbers the siblings', () => {
    const tree = new TypeTree(seed());
    const t = tree.create({ name: 'First', parentId: null, position: 0 });
    assert.equal(t.position, 0);
    assert.deepEqual(names(tree, null), ['First', 'A', 'D']);
    assert.deepEqual(
      tree.children(null).map((s) => s.position),
      [0, 1, 2],
    );
    tree.create({ name: 'Last' });
    assert.deepEqual(names(tree, null), ['First', 'A', 'D', 'Last']);
  });

  it('refuses an unknown parent, a taken sibling name (any case) and a level past the maximum', () => {
    const tree = new TypeTree(seed());
    assert.equal(
      code(() => tree.create({ name: 'X', parentId: 'nope' })),
      'validation_failed',
    );
    assert.equal(
      code(() => tree.create({ name: 'b', parentId: 'a' })),
      'conflict',
    );
    let parent = 'c';
    for (let level = 4; level <= MAX_TYPE_DEPTH; level++)
      parent = tree.create({ name: `L${level}`, parentId: parent }).id;
    assert.equal(tree.level(parent), MAX_TYPE_DEPTH);
    assert.equal(
      code(() => tree.create({ name: 'Too deep', parentId: parent })),
      'too_deep',
    );
  });

  it('renames, keeping the place; a name taken by a sibling is refused', () => {
    const tree = new TypeTree(seed());
    tree.update('d', { name: 'Dee' });
    assert.deepEqual(names(tree, null), ['A', 'Dee']);
    assert.equal(
      code(() => tree.update('d', { name: 'a' })),
      'conflict',
    );
    assert.equal(
      code(() => tree.update('missing', { name: 'x' })),
      'not_found',
    );
  });
});

describe('type tree (no HTTP): move and delete', () => {
  it('moves a subtree under another parent and renumbers the old siblings', () => {
    const tree = new TypeTree(seed());
    tree.create({ name: 'B2', parentId: 'a' });
    tree.update('b', { parentId: 'd', position: 0 });
    assert.equal(tree.get('b')!.parentId, 'd');
    assert.equal(tree.get('c')!.parentId, 'b');
    assert.deepEqual(names(tree, 'a'), ['B2']);
    assert.equal(tree.children('a')[0]!.position, 0);
    assert.equal(tree.level('c'), 3);
  });

  it('refuses a move under itself or a descendant, and one that would be too deep', () => {
    const tree = new TypeTree(seed());
    assert.equal(
      code(() => tree.update('a', { parentId: 'c' })),
      'cycle',
    );
    assert.equal(
      code(() => tree.update('a', { parentId: 'a' })),
      'cycle',
    );
    let parent = 'd';
    for (let level = 2; level <= 3; level++) parent = tree.create({ name: `L${level}`, parentId: parent }).id;
    // a spans three levels; under a level-3 type it would reach level 6.
    assert.equal(
      code(() => tree.update('a', { parentId: parent })),
      'too_deep',
    );
  });

  it('deletes only an empty leaf, and renumbers its siblings', () => {
    const tree = new TypeTree(seed());
    assert.equal(
      code(() => tree.delete('b', () => false)),
      'conflict',
    );
    assert.equal(
      code(() => tree.delete('d', (id) => id === 'd')),
      'conflict',
    );
    assert.equal(
      code(() => tree.delete('a', () => false)),
      'conflict',
    );
    tree.delete('c', () => false);
    tree.delete('b', () => false);
    tree.delete('a', () => false);
    assert.equal(tree.has('a'), false);
    assert.deepEqual(
      tree.children(null).map((t) => [t.id, t.position]),
      [['d', 0]],
    );
    assert.equal(
      code(() => tree.delete('a', () => false)),
      'not_found',
    );
  });
});
