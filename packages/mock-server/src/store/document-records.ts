import type { CreateDocument, FileKind } from '@docportal/core-sdk';
import { FILE_KINDS, kindOfMimeType, kindOfName, sniff } from '@docportal/core-sdk/internal';
import { piecesSource } from './bytes.js';
import { ApiError } from './errors.js';
import type { Dataset, DocRec, UploadRec } from './model.js';
import { fold } from './util.js';

/** How documents are made: from a data set, or from a committed upload; and the version check of a change. */

/** What a commit request says about the document to be. */
export type CommitBody = CreateDocument & { title: string };

/**
 * The kind of a complete upload's content, by its bytes; 415 unless the name and the declared
 * type (when one was declared) agree with it.
 */
export async function sniffedKind(upload: UploadRec): Promise<FileKind> {
  const kind = await sniff(piecesSource(upload.chunks));
  const byName = kindOfName(upload.fileName);
  const declared = kindOfMimeType(upload.mimeType);
  if (kind && kind === byName && (declared === 'unknown' || declared === kind)) return kind;
  const message = kind
    ? `The content is ${kind.toUpperCase()}, but the file claims to be something else.`
    : 'The content is not a PDF, Word, JPEG or PNG file.';
  throw new ApiError('unsupported_file_type', message);
}

/** The facts of a committed upload that its document is made of. */
export interface CommittedFile {
  upload: UploadRec;
  kind: FileKind;
  sha256: string;
  propertyId: string;
  now: number;
}

/** A new document (version 1) holding a committed upload's bytes. */
export function newDocument(body: CommitBody, file: CommittedFile): DocRec {
  const { upload, now } = file;
  return {
    id: crypto.randomUUID(),
    title: body.title,
    fileName: upload.fileName,
    mimeType: FILE_KINDS[file.kind].mimeType,
    size: upload.size,
    sha256: file.sha256,
    bytes: upload.chunks,
    documentTypeId: body.documentTypeId,
    scope: { kind: body.scope.kind, id: body.scope.id },
    propertyId: file.propertyId,
    shares: body.shares.map((target) => ({ ...target })),
    createdAt: now,
    updatedAt: now,
    version: 1,
    key: fold(body.title),
    downloads: new Map(),
  };
}

/** A data set's documents as the store keeps them. */
export function documentRecords(data: Dataset): DocRec[] {
  return data.documents.map(({ sharedAt: _sharedAt, bytes, ...d }) => ({
    ...d,
    bytes: [bytes],
    updatedAt: d.createdAt,
    version: 1,
    key: fold(d.title),
    downloads: new Map(),
  }));
}

/**
 * 412 unless `If-Match` names the document's version. It compares strongly (RFC 9110 13.1.1):
 * a weak tag `W/"3"` never matches.
 */
export function checkVersion(d: DocRec, ifMatch: string): void {
  const matches = ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === `"${d.version}"`);
  if (matches) return;
  const message = `The document is at version ${d.version}; reload it and apply your change again.`;
  throw new ApiError('precondition_failed', message);
}
