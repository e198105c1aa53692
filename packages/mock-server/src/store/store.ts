import { parseScope, type CreateDocumentType, type CreateUpload, type DigestDay } from '@docportal/core-sdk';
import type { DigestEmail, Document, DocumentMetadata, DocumentPage } from '@docportal/core-sdk';
import type { DocumentType } from '@docportal/core-sdk';
import type { DownloadStats, Group, Me, Property, RecipientOption } from '@docportal/core-sdk';
import type { ResolveResult, Scope, ShareTarget, Unit, UpdateDocument } from '@docportal/core-sdk';
import type { UpdateDocumentType, UploadSession, UploadStatus } from '@docportal/core-sdk';
import { buildFixtures } from '../fixtures/fixtures.js';
import { buildLarge } from '../fixtures/large.js';
import { collectingSha256, type BodySource, type Sha256 } from './bytes.js';
import { Controls, type FaultConfig, type Fate, type Stats } from './controls.js';
import { digestDay, digestEmailOf, FirstShares } from './digests.js';
import { uploadDirect, type DirectFile } from './direct.js';
import { Directory } from './directory.js';
import { DocumentIndex } from './document-index.js';
import { documentJson, documentPage, downloadStats, type DocumentQuery } from './document-views.js';
import { visibleDocument, visibleDocuments, type DocumentSources } from './document-views.js';
import { checkVersion, documentRecords, type CommitBody } from './document-records.js';
import { newDocument, sniffedKind } from './document-records.js';
import { ApiError, invalid, notFound } from './errors.js';
import { IdempotencyLedger, stableJson } from './idempotency.js';
import type { Dataset, DocRec, TypeRec, UploadRec } from './model.js';
import { recipientOptions, type OptionQuery } from './recipient-options.js';
import { checkShares, checkTargetsInScope, checkTargetsKnown } from './share-targets.js';
import { propertyOfScope, resolveTargets } from './share-targets.js';
import { TypeTree } from './type-tree.js';
import { UploadSessions } from './uploads.js';
import { berlinDate, iso } from './util.js';
import { groupsOf, meOf, propertiesVisibleTo, propertyVisibleTo, type Principal } from './directory-views.js';
import { principalOf, unitById, unitsOf } from './directory-views.js';

export type { FaultConfig, Stats } from './controls.js';
export type { Principal } from './directory-views.js';
export type { DocumentQuery } from './document-views.js';

export type DatasetName = 'fixtures' | 'large';
export interface StoreOptions {
  /**
   * Which data to start with: a name, or a data set of your own (e.g. built from
   * `buildFixtures()` for a benchmark or a demo of your portal's data). @default 'fixtures'
   */
  dataset?: DatasetName | Dataset;
  /** Seed of the large generator. @default 1 */
  seed?: number;
  /**
   * How uploads are hashed as their chunks arrive. The standalone server passes node:crypto's
   * incremental SHA-256; the default keeps the chunks and hashes them with Web Crypto at commit.
   */
  sha256?: () => Sha256;
}

type DirectMeta = DocumentMetadata & { title: string };
type DocumentPatch = UpdateDocument & { title?: string };

function datasetOf(options: StoreOptions): Dataset {
  if (typeof options.dataset === 'object') return options.dataset;
  return options.dataset === 'large' ? buildLarge(options.seed ?? 1) : buildFixtures();
}

/**
 * The in-memory backend: every rule of the contract, with no HTTP in it. Methods take already
 * schema-checked input, throw {@link ApiError} for refusals (having changed nothing) and return
 * wire-format JSON. A facade: the rules live in the modules beside it (type tree, uploads,
 * document index, cursors, idempotency, digests, recipient options, controls).
 */
export class MockStore {
  /** Clock, faults and counters; both transports admit requests through it. */
  readonly controls = new Controls();
  private directory!: Directory;
  private dayMinute = NaN;
  private types!: TypeTree;
  private documents!: DocumentIndex;
  private uploads!: UploadSessions;
  private idempotency!: IdempotencyLedger;
  private firstShares!: FirstShares;
  private readonly newSha256: () => Sha256;

  constructor(options: StoreOptions = {}) {
    this.newSha256 = options.sha256 ?? (() => collectingSha256());
    this.reset(options);
  }

  // ---------------------------------------------------------------- control

  /** Back to a known state: the data set anew, the clock free, no faults, counters at zero. */
  reset(options: StoreOptions = {}): void {
    const data = datasetOf(options);
    this.directory = new Directory(data);
    this.dayMinute = NaN;
    this.types = new TypeTree(data.types);
    this.documents = new DocumentIndex(documentRecords(data));
    this.uploads = new UploadSessions(() => this.now(), this.newSha256);
    this.idempotency = new IdempotencyLedger();
    this.firstShares = new FirstShares();
    this.controls.reset();
  }

  /** The server's time: fixed by `setClock`, else the real one. */
  now(): number {
    return this.controls.now();
  }

  /** Fixes the clock to an instant, or frees it with null. */
  setClock(now: string | null): void {
    this.controls.setClock(now);
  }

  get faults(): FaultConfig | null {
    return this.controls.faults;
  }

  /** Sets the fault injection; an empty object clears it. */
  setFaults(config: FaultConfig): void {
    this.controls.setFaults(config);
  }

  /** Draws the fate of one request: fail without effect, and/or lose the answer after the effect. */
  drawFault(): Fate {
    return this.controls.drawFault();
  }

  /** Counts one API request and its body bytes. */
  countRequest(bodyBytes = 0): void {
    this.controls.countRequest(bodyBytes);
  }

  countBytes(n: number): void {
    this.controls.countBytes(n);
  }

  stats(): Stats {
    return this.controls.stats(this.uploads.openCount());
  }

  /** The dev tokens: `manager` and `contact:<id>`; anything else is unknown. */
  authenticate(token: string | undefined): Principal | null {
    return principalOf(this.directory, token);
  }

  me(p: Principal): Me {
    return meOf(this.directory, p);
  }

  /** The directory, its day set to today in Berlin (once a minute: days begin on whole minutes). */
  private get dir(): Directory {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.dayMinute) {
      this.dayMinute = minute;
      this.directory.setDay(berlinDate(minute * 60_000));
    }
    return this.directory;
  }

  listProperties(p: Principal): { items: Property[] } {
    return propertiesVisibleTo(this.dir, p);
  }

  getProperty(p: Principal, id: string): Property {
    return propertyVisibleTo(this.dir, p, id);
  }

  listUnits(propertyId: string): { items: Unit[] } {
    return unitsOf(this.dir, propertyId);
  }

  getUnit(id: string): Unit {
    return unitById(this.dir, id);
  }

  listGroups(propertyId: string): { items: Group[] } {
    return groupsOf(this.directory, propertyId);
  }

  /** Share options inside a scope: role-wide ones first, then addresses, units, groups, contacts. */
  searchRecipients(query: OptionQuery & { scope: string }): { items: RecipientOption[] } {
    const scope = parseScope(query.scope);
    const propertyId = propertyOfScope(this.directory, scope, 'scope');
    return { items: recipientOptions(this.dir, scope, propertyId, query) };
  }

  resolveRecipients(body: { scope: Scope; targets: ShareTarget[] }): ResolveResult {
    return resolveTargets(this.dir, body.scope, body.targets);
  }

  // ---------------------------------------------------------------- document types

  /** A type with its own and subtree document counts, over every document. */
  private typeJson(t: TypeRec): DocumentType {
    const counts = this.types.countsOver((typeId) => this.documents.countOfType(typeId));
    return this.types.toJson(t, counts);
  }

  /** The whole tree, flat in depth-first order, with counts of what the caller may see in `scope`. */
  listDocumentTypes(p: Principal, query: { scope?: string }): { items: DocumentType[] } {
    const scope = query.scope ? parseScope(query.scope) : undefined;
    if (scope && !this.directory.propertyOf(scope) && p.kind === 'manager')
      throw invalid('scope', `unknown ${scope.kind} id`);
    const counts = new Map<string, number>();
    for (const d of visibleDocuments(this.documentSources, p, scope))
      counts.set(d.documentTypeId, (counts.get(d.documentTypeId) ?? 0) + 1);
    const own = (typeId: string) => counts.get(typeId) ?? 0;
    const subtreeCounts = this.types.subtreeSums(own);
    const subtree = (typeId: string) => subtreeCounts.get(typeId) ?? 0;
    return { items: this.types.depthFirst().map((t) => this.types.toJson(t, { own, subtree })) };
  }

  createDocumentType(body: CreateDocumentType): DocumentType {
    return this.typeJson(this.types.create(body));
  }

  updateDocumentType(id: string, body: UpdateDocumentType): DocumentType {
    return this.typeJson(this.types.update(id, body));
  }

  deleteDocumentType(id: string): void {
    this.types.delete(id, (typeId) => this.documents.countOfType(typeId) > 0);
  }

  // ---------------------------------------------------------------- uploads

  /** Opens an upload session (the route answers replays of its Idempotency-Key). */
  createUpload(_p: Principal, body: CreateUpload): UploadSession {
    const upload = this.uploads.open(body, () => this.checkPlannedDocument(body));
    this.controls.countUpload();
    const chunkSize = this.uploads.chunkSizeFor(upload);
    return { id: upload.id, offset: 0, size: upload.size, chunkSize, expiresAt: iso(upload.expiresAt) };
  }

  /** The document to be, when an upload names it: its type, scope and share targets. */
  private checkPlannedDocument(body: CreateUpload): void {
    if (body.documentTypeId !== undefined && !this.types.has(body.documentTypeId))
      throw invalid('documentTypeId', 'unknown document type id');
    const dir = this.dir;
    if (body.scope) propertyOfScope(dir, body.scope, 'scope.id');
    if (body.shares) checkTargetsKnown(dir, body.shares, 'shares');
    if (body.shares && body.scope) checkTargetsInScope(dir, body.shares, body.scope, 'shares');
  }

  /**
   * Streams a PATCH body into the upload at `offset`; answers the new offset. All or nothing: a
   * body that breaks off or runs past the size leaves the upload as it was. `length` is the
   * declared Content-Length, checked before reading when there is one.
   */
  appendUpload(
    id: string,
    offset: number,
    body: BodySource | ReadableStream<Uint8Array> | null,
    length?: number,
  ): Promise<number> {
    return this.uploads.append(id, offset, body, length);
  }

  getUpload(id: string): UploadStatus {
    const status = this.uploads.status(id);
    return { ...status, expiresAt: iso(status.expiresAt) };
  }

  deleteUpload(id: string): void {
    this.uploads.delete(id);
  }

  // ---------------------------------------------------------------- documents

  private get documentSources(): DocumentSources {
    return { directory: this.dir, documents: this.documents, types: this.types };
  }

  /** Commits a complete upload as a document (the route answers replays of its Idempotency-Key). */
  createDocument(p: Principal, body: CommitBody): Promise<Document> {
    return this.commit(p, body);
  }

  /** `POST /documents/upload`: session, bytes and commit as one idempotent write (see direct.ts). */
  uploadDocument(p: Principal, file: DirectFile, meta: DirectMeta): Promise<Document> {
    return uploadDirect(this, p, file, meta);
  }

  /**
   * Runs a write once per caller, operation and key (kept 24 hours): the same key and request
   * answer the first answer again, the same key with another request is a 409. A refused write
   * (an answer of 400 or more) took no effect, so its key may be used again.
   */
  once<T extends { status: number }>(
    p: Principal,
    operation: string,
    idempotencyKey: string,
    request: unknown,
    run: () => Promise<T>,
  ): Promise<T> {
    return this.idempotency.once(p.id, operation, idempotencyKey, request, run, this.now());
  }

  /** The upload a commit names, if the commit may go ahead (422, 409, 413 otherwise). */
  private uploadToCommit(body: CommitBody): UploadRec {
    const upload = this.uploads.peek(body.uploadId);
    this.uploads.sweep();
    if (!upload) throw invalid('uploadId', 'unknown upload id');
    if (!this.types.has(body.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
    checkShares(this.dir, body.scope, body.shares, 'shares');
    if (upload.committed) throw new ApiError('conflict', 'The upload has already been committed.');
    if (upload.offset < upload.size)
      throw new ApiError('upload_incomplete', `The upload holds ${upload.offset} of ${upload.size} bytes.`);
    return upload;
  }

  private async commit(p: Principal, body: CommitBody): Promise<Document> {
    const dir = this.dir;
    const upload = this.uploadToCommit(body);
    const propertyId = this.directory.propertyOf(body.scope)!;
    const kind = await sniffedKind(upload);
    // Taken before the await below, so that a concurrent second commit sees it.
    upload.committed = true;
    const sha256 = await upload.hash.digest();
    const now = this.now();
    const d = newDocument(body, { upload, kind, sha256, propertyId, now });
    upload.chunks = [];
    this.documents.add(d);
    this.controls.countDocument();
    dir.setDay(berlinDate(now));
    this.recordShares(d, new Set());
    return documentJson(this.dir, d, p);
  }

  private recordShares(d: DocRec, before: ReadonlySet<string>): void {
    this.firstShares.record(d.id, this.dir.resolveAll(d.shares), before, this.now());
  }

  listDocuments(p: Principal, query: DocumentQuery): DocumentPage {
    return documentPage(this.documentSources, p, query);
  }

  getDocument(p: Principal, id: string): Document {
    return documentJson(this.dir, visibleDocument(this.documentSources, p, id), p);
  }

  updateDocument(p: Principal, id: string, patch: DocumentPatch, ifMatch?: string): Document {
    if (patch.documentTypeId !== undefined && !this.types.has(patch.documentTypeId))
      throw invalid('documentTypeId', 'unknown document type id');
    if (patch.shares) checkTargetsKnown(this.directory, patch.shares, 'shares');
    const d = this.documents.get(id);
    if (!d) throw notFound('The document');
    if (patch.shares) checkTargetsInScope(this.dir, patch.shares, d.scope, 'shares');
    if (ifMatch !== undefined) checkVersion(d, ifMatch);
    const newTitle = patch.title !== undefined && patch.title !== d.title ? patch.title : undefined;
    const newType = patch.documentTypeId !== d.documentTypeId ? patch.documentTypeId : undefined;
    const newShares = patch.shares !== undefined && stableJson(patch.shares) !== stableJson(d.shares);
    if (newTitle === undefined && newType === undefined && !newShares) return documentJson(this.dir, d, p);
    if (newTitle !== undefined) this.documents.retitle(d, newTitle);
    if (newType !== undefined) this.documents.retype(d, newType);
    if (patch.shares !== undefined) {
      const before = new Set(this.dir.resolveAll(d.shares));
      d.shares = patch.shares.map((target) => ({ ...target }));
      this.recordShares(d, before);
    }
    d.version++;
    d.updatedAt = this.now();
    return documentJson(this.dir, d, p);
  }

  deleteDocument(id: string): void {
    const d = this.documents.get(id);
    if (!d) throw notFound('The document');
    this.documents.remove(d);
    this.firstShares.forget(id);
  }

  /** The file of a document; `sent()`, called once all its bytes went out, counts a contact's download. */
  content(p: Principal, id: string): { document: Document; bytes: readonly Uint8Array[]; sent: () => void } {
    const d = visibleDocument(this.documentSources, p, id);
    const sent = () => {
      if (p.kind !== 'contact') return;
      const downloads = d.downloads.get(p.id) ?? { count: 0, lastAt: 0 };
      downloads.count++;
      downloads.lastAt = this.now();
      d.downloads.set(p.id, downloads);
    };
    return { document: documentJson(this.dir, d, p), bytes: d.bytes, sent };
  }

  downloads(id: string): DownloadStats {
    const d = this.documents.get(id);
    if (!d) throw notFound('The document');
    return downloadStats(this.directory, d);
  }

  /** What goes out on `date`: per contact, what was shared with them the day before and is still theirs. */
  digests(date: string): DigestDay {
    const typeName = (typeId: string) => this.types.get(typeId)?.name ?? '';
    return digestDay(date, this.firstShares, { directory: this.dir, documents: this.documents, typeName });
  }

  digestEmail(date: string, contactId: string): DigestEmail {
    return digestEmailOf(this.digests(date), contactId);
  }
}

/** Creates a store holding the fixtures (or the large data set). */
export const createStore = (options?: StoreOptions): MockStore => new MockStore(options);
