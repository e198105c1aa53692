/**
 * The prose and defaults of the OpenAPI document that the zod schemas cannot carry: tags,
 * operation descriptions, query parameter defaults, component descriptions. The generator
 * refuses a note that names an operation, parameter or component the contract lacks, so these
 * cannot drift either.
 */
import type { EndpointName } from '../src/contract.ts';

/** Tags in the order of API.md, each with the path segments it covers. */
export const tags = [
  {
    name: 'Context',
    segments: ['me', 'properties', 'units'],
    description: 'The caller, and the properties, units and groups documents are shared in.',
  },
  {
    name: 'Recipients',
    segments: ['recipients'],
    description: 'Share options for the share picker, and who a share list reaches today.',
  },
  {
    name: 'Document types',
    segments: ['document-types'],
    description: 'The folders documents are filed in: a tree at most 5 levels deep.',
  },
  {
    name: 'Uploads',
    segments: ['uploads'],
    description:
      'Resumable uploads after the tus 1.0 core idea: open a session, append bytes at `Upload-Offset`, ask how far the server got, then commit with `POST /documents`.',
  },
  {
    name: 'Documents',
    segments: ['documents'],
    description: 'Shared files: commit, list, change, delete, download, download counts.',
  },
  {
    name: 'Notifications',
    segments: ['notifications'],
    description: 'The daily digest e-mails (Europe/Berlin days).',
  },
] as const;

/** A longer description per operation, after its summary. */
export const operations: Partial<Record<EndpointName, string>> = {
  listProperties:
    'A contact gets only the properties they currently relate to (a relation whose `to` lies in the past gives none).',
  getProperty: 'A contact gets 404 for a property they do not relate to now.',
  searchRecipients:
    'The role-wide options first ("Alle Mieter", "Alle Eigentümer", "Alle Mieter und Eigentümer" of the scope), then addresses, units, groups and contacts. `q` filters all of them by label, case- and accent-insensitively. An unknown scope id is 422 `validation_failed`.',
  resolveRecipients:
    'Resolved through the relations active today (Europe/Berlin). At most 100 contacts are listed; `count` is exact. Unknown ids in the body are 422 `validation_failed` naming the field.',
  listDocumentTypes:
    'Flat, in depth-first tree order: a parent before its children, siblings by `position`. The counts cover only documents in `scope` that the caller may see.',
  createDocumentType:
    'Sibling names are unique, case-insensitively (409 `conflict`); an unknown `parentId` is 422; a type deeper than level 5 is 422 `too_deep`.',
  updateDocumentType: 'Moving a type under itself or a descendant is 422 `cycle`.',
  deleteDocumentType: '409 `conflict` while the type holds documents or subtypes.',
  createUpload:
    'Refuses by name, declared type and size already here (413 `file_too_large`, 415 `unsupported_file_type`). `mimeType` may be `""`; `image/jpg` counts as `image/jpeg`. `chunkSize` is a hint; PATCH bodies up to 64 MiB are accepted.',
  appendUpload:
    "The body is the next bytes of the file, sent as `application/offset+octet-stream`. A wrong `Upload-Offset` is 409 `offset_mismatch` with the server's `offset` in the problem body, and nothing is written; bytes past `size` are 422, nothing written.",
  getUpload: 'How far the server got, to resume after a broken connection. An expired session is gone: 404.',
  deleteUpload: 'Drops the session and its bytes; 409 `conflict` once it has been committed.',
  createDocument:
    'Requires a complete upload (409 `upload_incomplete`); an upload commits once (409 `conflict`). The server sniffs the content (PDF, PNG, JPEG, DOC as OLE2 with a `WordDocument` stream, DOCX as ZIP with `[Content_Types].xml` and `word/`); a mismatch with the name or declared type is 415 and nothing is stored. Unknown ids in the body (`uploadId`, `documentTypeId`, share targets) are 422 `validation_failed` naming the field; a target outside the scope is 422 `target_out_of_scope`.',
  uploadDocument:
    "The single-request path for everyday files: the same checks, content sniffing and answer as `POST /uploads` + `PATCH` + `POST /documents`, in one round trip. The body is `multipart/form-data` with a JSON `metadata` part (the commit's fields without `uploadId`) and a `file` part (its `filename` and `Content-Type` count as the name and declared type). A file larger than the server's `Upload-Limit` (4 MiB when the server sends none) is 413 `file_too_large`, answered from `Content-Length` before the body is read; use the resumable path for it. An empty file is 422. With `Idempotency-Key`, a retry (same key, metadata and bytes) answers the first document again and never makes a second; the same key with other metadata or bytes is 409 `conflict`.",
  listDocuments:
    'A contact gets only what they may see now, without `shares`, `recipientCount` and `downloadCount`; a scope they have no relation to gives an empty list. A property scope includes the documents of its units. Cursors are opaque and stable under concurrent inserts; ties are broken by `id`.',
  getDocument: 'A document the caller may not see is 404, exactly like an unknown one.',
  updateDocument:
    '`shares` replaces the whole list. Each change raises `version`; send the last `ETag` as `If-Match` to refuse lost updates (412).',
  getDocumentContent:
    "`Content-Type` is the type the server sniffed when the document was committed. A contact's complete download counts once; a manager's does not.",
  listDigests:
    'For each contact, the documents shared with them during the day before `date` (Europe/Berlin) and still visible now, each at most once per contact, ever. Contacts with nothing are not listed.',
  getDigestEmail: "In the contact's locale; 404 when that contact gets nothing that day.",
};

/** Descriptions and defaults of query parameters, by operation and name. */
export const queryParameters: Partial<
  Record<EndpointName, Record<string, { description: string; default?: unknown }>>
> = {
  searchRecipients: {
    scope: { description: 'The scope as `property:<id>` or `unit:<id>`.' },
    q: { description: 'Filters by label, case- and accent-insensitively ("straße" matches "strasse").' },
    limit: { description: 'How many options at most.', default: 20 },
    locale: { description: 'The language of labels and descriptions.', default: 'de' },
  },
  listDocumentTypes: {
    scope: { description: 'Count only the documents of this scope (`property:<id>` or `unit:<id>`).' },
  },
  listDocuments: {
    scope: {
      description:
        "`property:<id>` (with its units' documents) or `unit:<id>`; without it a manager gets every document.",
    },
    documentTypeId: { description: 'Only documents of this type.' },
    includeSubtypes: {
      description: 'With `documentTypeId`: also the documents of its subtypes.',
      default: false,
    },
    q: { description: 'Filters by title, case- and accent-insensitively.' },
    sort: { description: 'The order of the items.', default: 'createdAt:desc' },
    limit: { description: 'Page size.', default: 50 },
    cursor: { description: 'The `nextCursor` of the previous page.' },
  },
  listDigests: { date: { description: 'The day the digests go out (`YYYY-MM-DD`).' } },
};

/** Descriptions of path parameters by name. */
export const pathParameters: Record<string, string> = {
  id: 'The id of the resource.',
  date: 'The day the digest goes out (`YYYY-MM-DD`).',
  contactId: 'The contact the digest is for.',
};

/** Descriptions of components by name (answer and request forms alike). */
export const componentDescriptions: Record<string, string> = {
  Me: 'The caller, as the token identifies them.',
  Property: 'A property (Liegenschaft) with its addresses.',
  Address: 'One building of a property.',
  Unit: 'A unit (Einheit) with its current residents.',
  Resident: 'A current tenant or owner of a unit.',
  Group: 'A group of contacts of a property, e.g. "Verwaltungsbeirat".',
  Scope: 'Where a document lives: a whole property or one unit.',
  ShareTarget: 'One entry of a share list; the people it reaches are resolved at the time of each request.',
  PropertyShareTarget: 'Every current tenant and/or owner of a property.',
  AddressShareTarget: 'Every current tenant and/or owner at an address.',
  UnitShareTarget: 'Every current tenant and/or owner of a unit.',
  GroupShareTarget: 'The members of a group, whatever their tenancy.',
  ContactShareTarget: 'One person, whatever their tenancy.',
  DocumentType: 'A folder documents are filed in.',
  Document:
    'A shared file. `shares`, `recipientCount` and `downloadCount` are present for managers only. `version` is raised by every change and sent as `ETag: "<version>"`.',
  DocumentPage: 'One page of documents; `nextCursor` is null on the last page.',
  UploadSession: 'A resumable upload session.',
  UploadStatus: 'How far an upload session got.',
  Problem:
    "An RFC 9457 problem document, as every error answer carries it. Extension members may be added; `offset` is the server's offset on `offset_mismatch`.",
  FieldError: 'One field-level complaint of a 422 answer.',
  ProblemCode: 'Every error code of the contract.',
  DownloadStats: 'Download counts of a document: each complete download by a contact counts once.',
  DigestDay: 'What goes out on `date`: one digest per contact with something new.',
  Digest: 'The documents one contact is told about.',
  DigestDocument: 'One document of a digest.',
  DigestEmail: 'A rendered digest e-mail.',
  RecipientOption: 'One choice of the share picker.',
  RecipientOptionList: "Share options in the picker's order.",
  ResolveRequest: 'A share list to resolve within a scope.',
  ResolveResult: 'Who a share list reaches today.',
  ResolvedContact: 'A contact a share list reaches, with their roles in the scope.',
  CreateUpload: 'The file an upload session is opened for.',
  CreateDocument: 'Commits a complete upload as a document.',
  UpdateDocument: 'The fields to change; `shares` replaces the whole list.',
  CreateDocumentType: 'A new type; without `position` it goes last among its siblings.',
  UpdateDocumentType: 'Rename, move (`parentId`) or reorder (`position`).',
};
