import {
  parseScope,
  type Document,
  type DocumentPage,
  type DocumentSort,
  type DownloadStats,
  type Scope,
} from '@docportal/core-sdk';
import { decodeCursor, encodeCursor } from './cursors.js';
import type { ContactView, Directory } from './directory.js';
import type { Principal } from './directory-views.js';
import { byCreated, byTitle, type DocumentIndex, type SortedDocuments } from './document-index.js';
import { invalid, notFound } from './errors.js';
import type { DocRec } from './model.js';
import type { TypeTree } from './type-tree.js';
import { fold, iso } from './util.js';

/** What reading documents needs: the directory (its day set to today), the documents, the types. */
export interface DocumentSources {
  directory: Directory;
  documents: DocumentIndex;
  types: TypeTree;
}

/** The query of `GET /documents`, schema-checked. */
export interface DocumentQuery {
  scope?: string;
  documentTypeId?: string;
  includeSubtypes?: 'true' | 'false';
  q?: string;
  sort?: DocumentSort;
  limit?: number;
  cursor?: string;
}

/** A document as wire JSON; the manager also sees its shares, recipients and downloads. */
export function documentJson(directory: Directory, d: DocRec, p: Principal): Document {
  const json: Document = {
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    documentTypeId: d.documentTypeId,
    scope: { ...d.scope },
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    version: d.version,
  };
  if (p.kind === 'contact') return json;
  let downloads = 0;
  for (const perContact of d.downloads.values()) downloads += perContact.count;
  json.shares = d.shares.map((target) => ({ ...target }));
  json.recipientCount = directory.countAll(d.shares);
  json.downloadCount = downloads;
  return json;
}

/** The document if the caller may see it; a contact gets 404 for what is not theirs. */
export function visibleDocument(sources: DocumentSources, p: Principal, id: string): DocRec {
  const { directory } = sources;
  const d = sources.documents.get(id);
  if (!d || (p.kind === 'contact' && !directory.reaches(d.shares, directory.view(p.id))))
    throw notFound('The document');
  return d;
}

/**
 * The indexes that can hold what the caller may see: one property's, everything for a
 * manager, and for a contact only the properties where a share could reach them.
 */
function sortedFor(
  sources: DocumentSources,
  p: Principal,
  propertyId: string | undefined,
): SortedDocuments[] {
  if (propertyId !== undefined) return sources.documents.ofProperties([propertyId]);
  if (p.kind === 'contact') return sources.documents.ofProperties(sources.directory.propertiesReaching(p.id));
  return [sources.documents.everything()];
}

const outsideUnit = (d: DocRec, scope: Scope | undefined): boolean =>
  scope?.kind === 'unit' && (d.scope.kind !== 'unit' || d.scope.id !== scope.id);

/** Every document in a scope (all when none) that the caller may see, oldest first per property. */
export function* visibleDocuments(
  sources: DocumentSources,
  p: Principal,
  scope: Scope | undefined,
): Generator<DocRec> {
  const { directory } = sources;
  const propertyId = scope ? directory.propertyOf(scope) : undefined;
  if (scope && !propertyId) return;
  const view = p.kind === 'contact' ? directory.view(p.id) : undefined;
  for (const sorted of sortedFor(sources, p, propertyId)) {
    for (const d of sorted.created.walk(true)) {
      if (outsideUnit(d, scope)) continue;
      if (view && !directory.reaches(d.shares, view)) continue;
      yield d;
    }
  }
}

/** What a page of documents is filtered by, worked out once per query. */
interface PageFilter {
  scope: Scope | undefined;
  types: Set<string> | undefined;
  needle: string;
  view: ContactView | undefined;
}

function matches(directory: Directory, d: DocRec, filter: PageFilter): boolean {
  if (outsideUnit(d, filter.scope)) return false;
  if (filter.types && !filter.types.has(d.documentTypeId)) return false;
  if (filter.needle && !d.key.includes(filter.needle) && !fold(d.fileName).includes(filter.needle))
    return false;
  return !filter.view || directory.reaches(d.shares, filter.view);
}

function typeFilter(types: TypeTree, query: DocumentQuery): Set<string> | undefined {
  if (query.documentTypeId === undefined) return undefined;
  if (!types.has(query.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
  if (query.includeSubtypes === 'true') return types.subtreeIds(query.documentTypeId);
  return new Set([query.documentTypeId]);
}

/**
 * One page of `GET /documents`, by keyset: up to limit + 1 matches from each index the caller
 * may see, merged; the first limit + 1 of the merge are exact, and the extra one says whether
 * a next page exists.
 */
export function documentPage(sources: DocumentSources, p: Principal, query: DocumentQuery): DocumentPage {
  const { directory } = sources;
  const sort = query.sort ?? 'createdAt:desc';
  const limit = query.limit ?? 50;
  const [field, direction] = sort.split(':') as ['createdAt' | 'title', 'asc' | 'desc'];
  const probe = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
  const scope = query.scope ? parseScope(query.scope) : undefined;
  const propertyId = scope ? directory.propertyOf(scope) : undefined;
  if (scope && !propertyId) {
    if (p.kind === 'contact') return { items: [], nextCursor: null };
    throw invalid('scope', `unknown ${scope.kind} id`);
  }
  const filter: PageFilter = {
    scope,
    types: typeFilter(sources.types, query),
    needle: query.q ? fold(query.q).trim() : '',
    view: p.kind === 'contact' ? directory.view(p.id) : undefined,
  };
  const compare = field === 'createdAt' ? byCreated : byTitle;
  const ascending = direction === 'asc';
  const startAfter = probe && ((d: DocRec) => compare(d, probe));
  const indexes = sortedFor(sources, p, propertyId);
  let found: DocRec[] = [];
  for (const sorted of indexes) {
    let taken = 0;
    for (const d of sorted[field === 'createdAt' ? 'created' : 'title'].walk(ascending, startAfter)) {
      if (!matches(directory, d, filter)) continue;
      found.push(d);
      if (++taken > limit) break;
    }
  }
  if (indexes.length > 1) {
    found = found.sort((a, b) => (ascending ? compare(a, b) : compare(b, a))).slice(0, limit + 1);
  }
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((d) => documentJson(directory, d, p)),
    nextCursor: found.length > limit && last ? encodeCursor(sort, last) : null,
  };
}

/** Who downloaded a document how often, by name. */
export function downloadStats(directory: Directory, d: DocRec): DownloadStats {
  let total = 0;
  const byContact = [...d.downloads].map(([contactId, downloads]) => {
    total += downloads.count;
    const name = directory.contacts.get(contactId)?.name ?? '';
    return { contactId, name, count: downloads.count, lastAt: iso(downloads.lastAt) };
  });
  byContact.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return { total, byContact };
}
