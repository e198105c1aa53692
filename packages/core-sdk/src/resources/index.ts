/**
 * The API's resources: thin classes that build a request and parse its answer with the
 * contract's schemas. `RequestOptions` is always the last argument.
 */
import { rethrow } from '../errors.js';
import { aborted, type Http, type RequestOptions } from '../internal/http.js';
import * as r from '../routes.js';
import { formatScope, parseScope } from '../scope.js';
import { type Scope, type ShareTarget, type Locale } from '../schemas/common.js';
import type { Group, Property, Unit } from '../schemas/context.js';
import type { CreateDocumentType, DocumentType, UpdateDocumentType } from '../schemas/document-types.js';
import type {
  Document,
  DocumentPage,
  DocumentSort,
  DownloadStats,
  UpdateDocument,
} from '../schemas/documents.js';
import type { DigestDay, DigestEmail } from '../schemas/notifications.js';
import type { RecipientOption, ResolveResult } from '../schemas/recipients.js';
import { upload, type UploadOptions } from '../upload/upload.js';

type ScopeInput = Scope | string;
/** A scope as its query parameter (`property:rosenweg-24`). */
const scopeParam = (scope?: ScopeInput) => (scope === undefined ? undefined : formatScope(scope));

/** What every resource holds: the request loop, which sends each call through its route (routes.ts). */
export class Resource {
  constructor(protected readonly http: Http) {}
}

export class Properties extends Resource {
  /** Properties; a contact gets those they currently relate to. */
  async list(opts?: RequestOptions): Promise<Property[]> {
    return (await this.http.call(r.listProperties, {}, opts)).items;
  }
  get(id: string, opts?: RequestOptions): Promise<Property> {
    return this.http.call(r.getProperty, { params: { id } }, opts);
  }
  /** Units of a property with their current residents. */
  async units(id: string, opts?: RequestOptions): Promise<Unit[]> {
    return (await this.http.call(r.listUnits, { params: { id } }, opts)).items;
  }
  async groups(id: string, opts?: RequestOptions): Promise<Group[]> {
    return (await this.http.call(r.listGroups, { params: { id } }, opts)).items;
  }
}

export class Units extends Resource {
  get(id: string, opts?: RequestOptions): Promise<Unit> {
    return this.http.call(r.getUnit, { params: { id } }, opts);
  }
}

export class Recipients extends Resource {
  /** Share options inside a scope whose label matches `q`: role-wide ones first. */
  async search(
    p: { scope: ScopeInput; q?: string; limit?: number; locale?: Locale } & RequestOptions,
  ): Promise<RecipientOption[]> {
    const { scope, q: text, limit, locale, ...opts } = p;
    const query = { scope: formatScope(scope), q: text || undefined, limit, locale };
    return (await this.http.call(r.searchRecipients, { query }, opts)).items;
  }
  /** How many contacts a share list reaches today, and who (at most 100 listed). */
  resolve(p: { scope: ScopeInput; targets: ShareTarget[] } & RequestOptions): Promise<ResolveResult> {
    const { scope, targets, ...opts } = p;
    return this.http.call(r.resolveRecipients, { body: { scope: parseScope(scope), targets } }, opts);
  }
}

/** A document type with its subtypes, as `documentTypes.tree()` returns it. */
export type DocumentTypeNode = DocumentType & { children: DocumentTypeNode[] };

export class DocumentTypes extends Resource {
  /** The whole tree, flat in depth-first order, with counts of what the caller sees in `scope`. */
  async list(p: { scope?: ScopeInput } & RequestOptions = {}): Promise<DocumentType[]> {
    const { scope, ...opts } = p;
    return (await this.http.call(r.listDocumentTypes, { query: { scope: scopeParam(scope) } }, opts)).items;
  }
  /** The tree as nested nodes. */
  async tree(p: { scope?: ScopeInput } & RequestOptions = {}): Promise<DocumentTypeNode[]> {
    const nodes = new Map<string, DocumentTypeNode>();
    const roots: DocumentTypeNode[] = [];
    for (const t of await this.list(p)) nodes.set(t.id, { ...t, children: [] });
    for (const n of nodes.values()) (n.parentId ? (nodes.get(n.parentId)?.children ?? roots) : roots).push(n);
    return roots;
  }
  create(body: CreateDocumentType, opts?: RequestOptions): Promise<DocumentType> {
    return this.http.call(r.createDocumentType, { body }, opts);
  }
  /** Rename, move or reorder. */
  update(id: string, patch: UpdateDocumentType, opts?: RequestOptions): Promise<DocumentType> {
    return this.http.call(r.updateDocumentType, { params: { id }, body: patch }, opts);
  }
  /** Move under `parentId` (null: top level) at `position` (default: last). */
  move(
    id: string,
    to: { parentId: string | null; position?: number },
    opts?: RequestOptions,
  ): Promise<DocumentType> {
    return this.update(id, to, opts);
  }
  async remove(id: string, opts?: RequestOptions): Promise<void> {
    await this.http.call(r.deleteDocumentType, { params: { id } }, opts);
  }
}

export interface DocumentQuery {
  scope?: ScopeInput;
  documentTypeId?: string;
  includeSubtypes?: boolean;
  q?: string;
  sort?: DocumentSort;
  limit?: number;
  cursor?: string;
}

export class Documents extends Resource {
  /** Validates `file` locally, uploads it resumably and commits it as a document. */
  upload(file: Blob, options: UploadOptions): Promise<Document> {
    // Reading the file can fail too (a file deleted after it was chosen): a DocPortalError as well.
    return upload(this.http, file, options).catch(rethrow);
  }

  /** Drops an unfinished upload session and its bytes (404 when it is gone already). */
  async discardUpload(uploadId: string, opts?: RequestOptions): Promise<void> {
    await this.http.call(r.deleteUpload, { params: { id: uploadId } }, opts);
  }

  /** One page; pass `nextCursor` as `cursor` for the next. */
  list(p: DocumentQuery & RequestOptions = {}): Promise<DocumentPage> {
    const { scope, documentTypeId, includeSubtypes, q: text, sort, limit, cursor, ...opts } = p;
    const query = {
      scope: scopeParam(scope),
      documentTypeId,
      includeSubtypes,
      q: text || undefined,
      sort,
      limit,
      cursor,
    };
    return this.http.call(r.listDocuments, { query }, opts);
  }

  /** Every document of the query, page after page: `for await (const d of client.documents.iterate())`. */
  async *iterate(p: DocumentQuery & RequestOptions = {}): AsyncGenerator<Document> {
    let cursor = p.cursor;
    do {
      const page = await this.list({ ...p, cursor });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  get(id: string, opts?: RequestOptions): Promise<Document> {
    return this.http.call(r.getDocument, { params: { id } }, opts);
  }

  /** Changes title, type or shares; with `ifMatch` (a version) fails with 412 when someone changed it since. */
  update(
    id: string,
    patch: UpdateDocument,
    opts: RequestOptions & { ifMatch?: number } = {},
  ): Promise<Document> {
    const { ifMatch, ...rest } = opts;
    const headers: Record<string, string> = ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` };
    return this.http.call(r.updateDocument, { params: { id }, body: patch, headers }, rest);
  }

  /** Replaces the share list. */
  share(id: string, targets: ShareTarget[], opts?: RequestOptions & { ifMatch?: number }): Promise<Document> {
    return this.update(id, { shares: targets }, opts);
  }

  async remove(id: string, opts?: RequestOptions): Promise<void> {
    await this.http.call(r.deleteDocument, { params: { id } }, opts);
  }

  /** The file, named as the server's Content-Disposition says. A contact's download is counted. */
  async download(
    id: string,
    opts: RequestOptions & { onProgress?: (p: { loaded: number; total: number }) => void } = {},
  ): Promise<File> {
    const { onProgress, ...rest } = opts;
    const browser = typeof XMLHttpRequest !== 'undefined';
    const res = await this.http.call(
      r.getDocumentContent,
      {
        params: { id },
        responseType: browser ? 'blob' : 'arraybuffer',
        onDownloadProgress: onProgress && ((e) => onProgress({ loaded: e.loaded, total: e.total ?? 0 })),
      },
      rest,
    );
    if (rest.signal?.aborted) throw aborted();
    const type = String(res.headers['content-type'] ?? 'application/octet-stream');
    return new File(
      [res.data as BlobPart],
      fileNameOf(String(res.headers['content-disposition'] ?? '')) ?? id,
      { type },
    );
  }

  /** Download counts per contact. */
  downloads(id: string, opts?: RequestOptions): Promise<DownloadStats> {
    return this.http.call(r.getDocumentDownloads, { params: { id } }, opts);
  }
}

/** The file name of a Content-Disposition header: `filename*` (RFC 8187) first, else `filename`. */
export function fileNameOf(header: string): string | undefined {
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return (
    /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header)?.[1]?.replace(/\\(.)/g, '$1') ??
    /filename\s*=\s*([^;\s]+)/.exec(header)?.[1]
  );
}

export class Notifications extends Resource {
  /** What goes out on `date` (YYYY-MM-DD). */
  digests(p: { date: string } & RequestOptions): Promise<DigestDay> {
    const { date, ...opts } = p;
    return this.http.call(r.listDigests, { query: { date } }, opts);
  }
  /** The rendered e-mail of one contact on `date`. */
  email(p: { date: string; contactId: string } & RequestOptions): Promise<DigestEmail> {
    const { date, contactId, ...opts } = p;
    return this.http.call(r.getDigestEmail, { params: { date, contactId } }, opts);
  }
}
