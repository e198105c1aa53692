import type { DocRec } from './model.js';
import { SortedIndex } from './sorted.js';
import { fold } from './util.js';

const compareIds = (a: DocRec, b: DocRec): number => {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
};

/** Oldest first; the id breaks ties, so that every document has one place. */
export const byCreated = (a: DocRec, b: DocRec): number => a.createdAt - b.createdAt || compareIds(a, b);

/** By folded title; the id breaks ties. */
export const byTitle = (a: DocRec, b: DocRec): number => {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return compareIds(a, b);
};

/** The two orders a page of documents can be read in, over one set of documents. */
export interface SortedDocuments {
  created: SortedIndex<DocRec>;
  title: SortedIndex<DocRec>;
}

const newSorted = (): SortedDocuments => ({
  created: new SortedIndex(byCreated),
  title: new SortedIndex(byTitle),
});

/**
 * Every document, by id, in both orders over all documents and per property, with a count per
 * document type. Documents enter, leave and change title or type only through this class, so
 * that the indexes never disagree.
 */
export class DocumentIndex {
  private readonly byId = new Map<string, DocRec>();
  private readonly perType = new Map<string, number>();
  private readonly all = newSorted();
  private readonly perProperty = new Map<string, SortedDocuments>();

  /** Adds many documents at once (a data set at reset); the orders are sorted when first read. */
  constructor(documents: readonly DocRec[] = []) {
    const perProperty = new Map<string, DocRec[]>();
    for (const d of documents) {
      this.byId.set(d.id, d);
      this.countType(d.documentTypeId, 1);
      const list = perProperty.get(d.propertyId);
      if (list) list.push(d);
      else perProperty.set(d.propertyId, [d]);
    }
    this.loadSorted(this.all, [...documents]);
    for (const [propertyId, list] of perProperty) this.loadSorted(this.sortedFor(propertyId), list);
  }

  get(id: string): DocRec | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** How many documents have this type (not counting its subtypes). */
  countOfType(typeId: string): number {
    return this.perType.get(typeId) ?? 0;
  }

  add(d: DocRec): void {
    this.byId.set(d.id, d);
    this.countType(d.documentTypeId, 1);
    for (const sorted of this.sortedHolding(d)) {
      sorted.created.insert(d);
      sorted.title.insert(d);
    }
  }

  remove(d: DocRec): void {
    this.byId.delete(d.id);
    this.countType(d.documentTypeId, -1);
    for (const sorted of this.sortedHolding(d)) {
      sorted.created.remove(d);
      sorted.title.remove(d);
    }
  }

  /** Gives a document a new title, moving it in the title order. */
  retitle(d: DocRec, title: string): void {
    const holding = this.sortedHolding(d);
    for (const sorted of holding) sorted.title.remove(d);
    d.title = title;
    d.key = fold(title);
    for (const sorted of holding) sorted.title.insert(d);
  }

  /** Gives a document another type, moving it between the type counts. */
  retype(d: DocRec, typeId: string): void {
    this.countType(d.documentTypeId, -1);
    this.countType(typeId, 1);
    d.documentTypeId = typeId;
  }

  /** The orders over every document. */
  everything(): SortedDocuments {
    return this.all;
  }

  /** The orders over the documents of these properties (none for a property without documents). */
  ofProperties(propertyIds: Iterable<string>): SortedDocuments[] {
    return [...propertyIds].flatMap((id) => this.perProperty.get(id) ?? []);
  }

  private sortedHolding(d: DocRec): SortedDocuments[] {
    return [this.all, this.sortedFor(d.propertyId)];
  }

  private sortedFor(propertyId: string): SortedDocuments {
    let sorted = this.perProperty.get(propertyId);
    if (!sorted) this.perProperty.set(propertyId, (sorted = newSorted()));
    return sorted;
  }

  private loadSorted(sorted: SortedDocuments, documents: DocRec[]): void {
    sorted.created.load(documents);
    sorted.title.load(documents);
  }

  private countType(typeId: string, change: number): void {
    this.perType.set(typeId, (this.perType.get(typeId) ?? 0) + change);
  }
}
