import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from '../src/store/cursors.ts';
import { byCreated, byTitle, DocumentIndex, type SortedDocuments } from '../src/store/document-index.ts';
import { ApiError } from '../src/store/errors.ts';
import type { DocRec } from '../src/store/model.ts';
import { fold } from '../src/store/util.ts';

const doc = (
  id: string,
  title: string,
  createdAt: number,
  propertyId = 'p1',
  documentTypeId = 't1',
): DocRec => ({
  id,
  title,
  fileName: `${id}.pdf`,
  mimeType: 'application/pdf',
  size: 1,
  sha256: '',
  bytes: [],
  documentTypeId,
  scope: { kind: 'property', id: propertyId },
  propertyId,
  shares: [],
  createdAt,
  updatedAt: createdAt,
  version: 1,
  key: fold(title),
  downloads: new Map(),
});

const ids = (sorted: SortedDocuments, order: 'created' | 'title') =>
  [...sorted[order].walk(true)].map((d) => d.id);

/** Every order of the index agrees with the documents it should hold. */
function assertConsistent(index: DocumentIndex, expected: DocRec[]): void {
  const byIds = (list: DocRec[], compare: (a: DocRec, b: DocRec) => number) =>
    [...list].sort(compare).map((d) => d.id);
  assert.equal(index.size, expected.length);
  for (const d of expected) assert.equal(index.get(d.id), d);
  assert.deepEqual(ids(index.everything(), 'created'), byIds(expected, byCreated));
  assert.deepEqual(ids(index.everything(), 'title'), byIds(expected, byTitle));
  for (const propertyId of new Set(expected.map((d) => d.propertyId))) {
    const own = expected.filter((d) => d.propertyId === propertyId);
    const [sorted] = index.ofProperties([propertyId]);
    assert.ok(sorted, `an index for ${propertyId}`);
    assert.deepEqual(ids(sorted, 'created'), byIds(own, byCreated));
    assert.deepEqual(ids(sorted, 'title'), byIds(own, byTitle));
  }
  const types = new Set(expected.map((d) => d.documentTypeId));
  for (const t of types)
    assert.equal(index.countOfType(t), expected.filter((d) => d.documentTypeId === t).length);
}

describe('document index (no HTTP)', () => {
  const seed = () => [doc('a', 'Zeta', 3), doc('b', 'alpha', 1, 'p2'), doc('c', 'Älpha', 2, 'p1', 't2')];

  it('a bulk load holds every document in every order', () => {
    const docs = seed();
    assertConsistent(new DocumentIndex(docs), docs);
  });

  it('ties sort by id, titles by their folded form', () => {
    const index = new DocumentIndex([doc('y', 'Same', 5), doc('x', 'same', 5)]);
    assert.deepEqual(ids(index.everything(), 'created'), ['x', 'y']);
    assert.deepEqual(ids(index.everything(), 'title'), ['x', 'y']);
  });

  it('add, remove, retitle and retype keep every index and count consistent', () => {
    const docs = seed();
    const index = new DocumentIndex(docs);
    const added = doc('d', 'Beta', 0, 'p2', 't2');
    index.add(added);
    docs.push(added);
    assertConsistent(index, docs);

    index.retitle(docs[0]!, 'Aardvark');
    assert.equal(docs[0]!.key, 'aardvark');
    assertConsistent(index, docs);
    assert.equal(ids(index.everything(), 'title')[0], 'a');

    index.retype(docs[1]!, 't2');
    assert.equal(docs[1]!.documentTypeId, 't2');
    assertConsistent(index, docs);
    assert.equal(index.countOfType('t1'), 1);

    index.remove(docs[2]!);
    const removed = docs.splice(2, 1)[0]!;
    assert.equal(index.get(removed.id), undefined);
    assertConsistent(index, docs);
  });

  it('a property without documents has no index', () => {
    const index = new DocumentIndex(seed());
    assert.deepEqual(index.ofProperties(['nowhere']), []);
    assert.equal(index.ofProperties(['p1', 'p2']).length, 2);
  });
});

describe('cursors (no HTTP)', () => {
  const code = (run: () => unknown) =>
    assert.throws(run, (e) => e instanceof ApiError && e.code === 'validation_failed');

  it('round-trip to a probe that sorts where the last document of the page stood', () => {
    const last = doc('m', 'Mitte', 500);
    const byDate = decodeCursor(encodeCursor('createdAt:desc', last), 'createdAt:desc');
    assert.equal(byDate.id, 'm');
    assert.equal(byDate.createdAt, 500);
    assert.equal(byCreated(byDate, last), 0);
    const byName = decodeCursor(encodeCursor('title:asc', last), 'title:asc');
    assert.equal(byName.key, 'mitte');
    assert.equal(byTitle(byName, last), 0);
  });

  it('are opaque base64url text', () => {
    assert.match(encodeCursor('title:asc', doc('x', 'Ä / ß + ?', 1)), /^[A-Za-z0-9_-]+$/);
  });

  it('refuse another sort, garbage and forged keys (422)', () => {
    const cursor = encodeCursor('createdAt:asc', doc('x', 'X', 1));
    assert.throws(() => decodeCursor(cursor, 'title:asc'), /belongs to sort "createdAt:asc"/);
    code(() => decodeCursor('not a cursor', 'title:asc'));
    code(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'title:asc'));
    code(() => decodeCursor(Buffer.from('["title:asc",5,"x"]').toString('base64url'), 'title:asc'));
    code(() => decodeCursor(Buffer.from('["createdAt:asc","5","x"]').toString('base64url'), 'createdAt:asc'));
  });
});
