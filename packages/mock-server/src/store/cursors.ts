import type { DocumentSort } from '@docportal/core-sdk';
import { invalid } from './errors.js';
import type { DocRec } from './model.js';
import { base64url, fromBase64url } from './util.js';

const sortsByTitle = (sort: DocumentSort): boolean => sort.startsWith('title');

/** An opaque cursor naming the sort and the last document of a page: its sort key and its id. */
export function encodeCursor(sort: DocumentSort, last: DocRec): string {
  const key = sortsByTitle(sort) ? last.key : last.createdAt;
  return base64url(JSON.stringify([sort, key, last.id]));
}

const notOurs = () => invalid('cursor', 'not a cursor of this server');

/**
 * A probe document standing where the cursor points, to compare the indexed documents with;
 * 422 when the cursor is not ours or belongs to another sort.
 */
export function decodeCursor(cursor: string, sort: DocumentSort): DocRec {
  let value: unknown;
  try {
    value = JSON.parse(fromBase64url(cursor));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(value) || value.length !== 3 || typeof value[2] !== 'string') throw notOurs();
  if (value[0] !== sort)
    throw invalid('cursor', `the cursor belongs to sort "${String(value[0])}", not "${sort}"`);
  const [, key, id] = value as [string, unknown, string];
  if (sortsByTitle(sort)) {
    if (typeof key !== 'string') throw notOurs();
    return { id, key, createdAt: 0 } as DocRec;
  }
  if (typeof key !== 'number') throw notOurs();
  return { id, key: '', createdAt: key } as DocRec;
}
