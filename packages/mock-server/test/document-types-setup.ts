/** What the document-types tests share. */
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { useServer, type Answer } from './helpers.ts';
export const api = useServer();
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' }));

export interface T {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  documentCount: number;
  subtreeCount: number;
}

export const FIXTURE_ORDER = [
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

export function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
}

export const tree = async (query = '', token = 'manager'): Promise<T[]> => {
  const r = await api.get(`/document-types${query}`, token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items;
};
export const order = (items: T[]) => items.map((t) => t.id);
export const counts = (items: T[]) =>
  Object.fromEntries(
    items
      .filter((t) => t.documentCount || t.subtreeCount)
      .map((t) => [t.id, [t.documentCount, t.subtreeCount]]),
  );
export const create = (body: unknown) => api.post('/document-types', body, 'manager');
export const update = (id: string, body: unknown) => api.patch(`/document-types/${id}`, body, 'manager');

/** Checks the shape of a flat depth-first listing: parents first, siblings by position 0..n-1. */
export function assertDepthFirst(items: T[]): void {
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
export async function refused(
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

export async function doc(
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
export async function chain(parentId: string | null, fromLevel: number, toLevel: number): Promise<string[]> {
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
