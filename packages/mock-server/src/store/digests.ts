import type { DigestDay, DigestEmail } from '@docportal/core-sdk';
import type { Directory } from './directory.js';
import type { DocumentIndex } from './document-index.js';
import { renderDigestEmail } from './email.js';
import { notFound } from './errors.js';
import type { DocRec } from './model.js';
import { addDays, berlinDate } from './util.js';

/**
 * When each contact first got each document: the basis of digests. A contact hears of a
 * document at most once, ever, however often shares change.
 */
export class FirstShares {
  private readonly byDocument = new Map<string, Map<string, number>>();

  /** Notes the contacts reached now who were not reached `before`, unless noted already. */
  record(documentId: string, reached: Iterable<string>, before: ReadonlySet<string>, now: number): void {
    let firstAt = this.byDocument.get(documentId);
    for (const contactId of reached) {
      if (before.has(contactId)) continue;
      if (!firstAt) this.byDocument.set(documentId, (firstAt = new Map()));
      if (!firstAt.has(contactId)) firstAt.set(contactId, now);
    }
  }

  /** A deleted document is no news to anyone. */
  forget(documentId: string): void {
    this.byDocument.delete(documentId);
  }

  entries(): IterableIterator<[string, Map<string, number>]> {
    return this.byDocument.entries();
  }
}

/** What a digest needs of the store besides the first shares. */
export interface DigestSources {
  directory: Directory;
  documents: DocumentIndex;
  typeName: (typeId: string) => string;
}

interface SharedDocument {
  document: DocRec;
  at: number;
}

/** What goes out on `date`: per contact, what was shared with them the day before and is still theirs. */
export function digestDay(date: string, firstShares: FirstShares, sources: DigestSources): DigestDay {
  const { directory } = sources;
  const perContact = sharedOn(addDays(date, -1), firstShares, sources);
  const digests = [...perContact].map(([contactId, shared]) => {
    const contact = directory.contacts.get(contactId)!;
    shared.sort((a, b) => a.at - b.at || (a.document.id < b.document.id ? -1 : 1));
    return {
      contact: { id: contact.id, name: contact.name, email: contact.email, locale: contact.locale },
      documents: shared.map(({ document }) => ({
        id: document.id,
        title: document.title,
        documentTypeName: sources.typeName(document.documentTypeId),
        propertyName: directory.properties.get(document.propertyId)?.name ?? '',
      })),
    };
  });
  digests.sort(
    (a, b) => a.contact.name.localeCompare(b.contact.name, 'de') || (a.contact.id < b.contact.id ? -1 : 1),
  );
  return { date, digests };
}

/** Per contact, the documents first shared with them on `day` that still reach them. */
function sharedOn(
  day: string,
  firstShares: FirstShares,
  sources: DigestSources,
): Map<string, SharedDocument[]> {
  const { directory, documents } = sources;
  const perContact = new Map<string, SharedDocument[]>();
  for (const [documentId, firstAt] of firstShares.entries()) {
    const document = documents.get(documentId);
    if (!document) continue;
    for (const [contactId, at] of firstAt) {
      if (berlinDate(at) !== day || !directory.reaches(document.shares, directory.view(contactId))) continue;
      const shared = perContact.get(contactId);
      if (shared) shared.push({ document, at });
      else perContact.set(contactId, [{ document, at }]);
    }
  }
  return perContact;
}

/** The e-mail of one contact's digest on `date`; 404 when they get none. */
export function digestEmailOf(day: DigestDay, contactId: string): DigestEmail {
  const digest = day.digests.find((candidate) => candidate.contact.id === contactId);
  if (!digest) throw notFound('A digest for this contact on this date');
  return renderDigestEmail({
    locale: digest.contact.locale,
    name: digest.contact.name,
    sharedOn: addDays(day.date, -1),
    documents: digest.documents,
  });
}
