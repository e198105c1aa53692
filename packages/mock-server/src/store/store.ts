import {
  MAX_CHUNK_SIZE,
  MAX_FILE_SIZE,
  cleanFileName,
  FILE_KINDS,
  kindOfMimeType,
  kindOfName,
  parseScope,
  sniff,
  type CreateDocument,
  type CreateDocumentType,
  type CreateUpload,
  type DigestDay,
  type DigestEmail,
  type Document,
  type DocumentMetadata,
  type DocumentPage,
  type DocumentSort,
  type DocumentType,
  type DownloadStats,
  type Group,
  type Locale,
  type Me,
  type Property,
  type RecipientOption,
  type ResolveResult,
  type Scope,
  type ShareTarget,
  type Unit,
  type UpdateDocument,
  type UpdateDocumentType,
  type UploadSession,
  type UploadStatus,
} from '@docportal/core-sdk';
import { buildFixtures } from '../fixtures/fixtures.js';
import { buildLarge } from '../fixtures/large.js';
import { Directory } from './directory.js';
import { renderDigestEmail } from './email.js';
import { ApiError, invalid, notFound } from './errors.js';
import type { Dataset, DocRec, TypeRec, UploadRec } from './model.js';
import { SortedIndex } from './sorted.js';
import { uploadDirect, type DirectFile } from './direct.js';
import { collectingSha256, piecesSource, streamSource, type BodySource, type Sha256 } from './bytes.js';
import { addDays, base64url, berlinDate, fold, fromBase64url, prng, sha256 } from './util.js';

export type Principal = { kind: 'manager'; id: 'manager' } | { kind: 'contact'; id: string };

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

/** Failure injection, set through `POST /__mock/faults`. */
export interface FaultConfig {
  latencyMs?: number;
  failRate?: number;
  failStatus?: number;
  dropAfterBytes?: number;
  loseResponseRate?: number;
  /** Seconds sent as `Retry-After` with a 429 or 503 fault. @default 1 */
  retryAfter?: number;
  seed?: number;
}

export interface Stats {
  requests: number;
  bytesReceived: number;
  documents: number;
  uploads: number;
  openUploads: number;
}

const MANAGER = { id: 'manager', name: 'Hausverwaltung Lindner GmbH', locale: 'de' as Locale };
const MAX_TYPE_DEPTH = 5;
const UPLOAD_TTL_MS = 24 * 3_600_000;
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const CHUNK_HINT = 16 * 1024 * 1024;
const RESOLVE_LIST_MAX = 100;

const byCreated = (a: DocRec, b: DocRec) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTitle = (a: DocRec, b: DocRec) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface DocIndex {
  created: SortedIndex<DocRec>;
  title: SortedIndex<DocRec>;
}
const newIndex = (): DocIndex => ({ created: new SortedIndex(byCreated), title: new SortedIndex(byTitle) });

const stable = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(stable).join(',')}]`
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v);

/** ISO strings of instants, kept: a page of documents formats the same instants again and again. */
const isoCache = new Map<number, string>();
const iso = (ms: number): string => {
  let s = isoCache.get(ms);
  if (s === undefined) {
    if (isoCache.size >= 200_000) isoCache.clear();
    isoCache.set(ms, (s = new Date(ms).toISOString()));
  }
  return s;
};

/**
 * The in-memory backend: every rule of the contract, with no HTTP in it. Methods take already
 * schema-checked input, throw {@link ApiError} for refusals (having changed nothing) and return
 * wire-format JSON.
 */
export class MockStore {
  private directory!: Directory;
  private types!: Map<string, TypeRec>;
  private docs!: Map<string, DocRec>;
  private docsPerType!: Map<string, number>;
  private all!: DocIndex;
  private perProperty!: Map<string, DocIndex>;
  private uploads!: Map<string, UploadRec>;
  private idempotency!: Map<string, { hash: string; result: Promise<unknown>; at: number }>;
  /** When each contact first got each document: the basis of digests (at most once, ever). */
  private firstShared!: Map<string, Map<string, number>>;
  private clock: number | null = null;
  private dayMinute = NaN;
  private faultConfig: FaultConfig | null = null;
  private faultRandom: () => number = Math.random;
  private counters!: Omit<Stats, 'openUploads'>;

  private readonly newSha256: () => Sha256;

  constructor(options: StoreOptions = {}) {
    this.newSha256 = options.sha256 ?? (() => collectingSha256());
    this.reset(options);
  }

  // ---------------------------------------------------------------- control

  /** Back to a known state: the data set anew, the clock free, no faults, counters at zero. */
  reset(options: StoreOptions = {}): void {
    const data: Dataset = typeof options.dataset === 'object' ? options.dataset : options.dataset === 'large' ? buildLarge(options.seed ?? 1) : buildFixtures();
    this.directory = new Directory(data);
    this.dayMinute = NaN;
    this.types = new Map(data.types.map((t) => [t.id, { ...t }]));
    this.docs = new Map();
    this.docsPerType = new Map();
    this.perProperty = new Map();
    this.all = newIndex();
    this.uploads = new Map();
    this.idempotency = new Map();
    this.firstShared = new Map();
    this.clock = null;
    this.faultConfig = null;
    this.counters = { requests: 0, bytesReceived: 0, documents: 0, uploads: 0 };
    const recs: DocRec[] = data.documents.map(({ sharedAt: _s, bytes, ...d }) => ({
      ...d,
      bytes: [bytes],
      updatedAt: d.createdAt,
      version: 1,
      key: fold(d.title),
      downloads: new Map(),
    }));
    for (const d of recs) {
      this.docs.set(d.id, d);
      this.docsPerType.set(d.documentTypeId, (this.docsPerType.get(d.documentTypeId) ?? 0) + 1);
    }
    this.all.created.load(recs);
    this.all.title.load(recs);
    const parts = new Map<string, DocRec[]>();
    for (const d of recs) (parts.get(d.propertyId) ?? parts.set(d.propertyId, []).get(d.propertyId)!).push(d);
    for (const [pid, list] of parts) {
      const idx = this.indexFor(pid);
      idx.created.load(list);
      idx.title.load(list);
    }
  }

  /** The server's time: fixed by `setClock`, else the real one. */
  now(): number {
    return this.clock ?? Date.now();
  }

  /** Fixes the clock to an instant, or frees it with null. */
  setClock(now: string | null): void {
    this.clock = now === null ? null : Date.parse(now);
  }

  get faults(): FaultConfig | null {
    return this.faultConfig;
  }

  /** Sets the fault injection; an empty object clears it. */
  setFaults(config: FaultConfig): void {
    const active = Object.values(config).some((v) => v !== undefined);
    this.faultConfig = active ? { ...config } : null;
    this.faultRandom = config.seed === undefined ? Math.random : prng(config.seed);
  }

  /** Draws the fate of one request: fail without effect, and/or lose the answer after the effect. */
  drawFault(): { fail: boolean; lose: boolean } {
    const f = this.faultConfig;
    if (!f) return { fail: false, lose: false };
    // Always draw both, so that one seed gives one sequence whatever the rates.
    const a = this.faultRandom();
    const b = this.faultRandom();
    return { fail: a < (f.failRate ?? 0), lose: b < (f.loseResponseRate ?? 0) };
  }

  /** Counts one API request and its body bytes. */
  countRequest(bodyBytes = 0): void {
    this.counters.requests++;
    this.counters.bytesReceived += bodyBytes;
  }

  countBytes(n: number): void {
    this.counters.bytesReceived += n;
  }

  stats(): Stats {
    this.sweep();
    let open = 0;
    for (const u of this.uploads.values()) if (!u.committed) open++;
    return { ...this.counters, openUploads: open };
  }

  // ---------------------------------------------------------------- context

  /** The dev tokens: `manager` and `contact:<id>`; anything else is unknown. */
  authenticate(token: string | undefined): Principal | null {
    if (token === 'manager') return { kind: 'manager', id: 'manager' };
    if (token?.startsWith('contact:')) {
      const id = token.slice('contact:'.length);
      if (this.directory.contacts.has(id)) return { kind: 'contact', id };
    }
    return null;
  }

  me(p: Principal): Me {
    if (p.kind === 'manager') return { kind: 'manager', ...MANAGER };
    const c = this.directory.contacts.get(p.id)!;
    return { kind: 'contact', id: c.id, name: c.name, locale: c.locale };
  }

  /** The directory, its day set to today in Berlin (worked out once a minute: days begin on whole minutes). */
  private get dir(): Directory {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.dayMinute) {
      this.dayMinute = minute;
      this.directory.setDay(berlinDate(minute * 60_000));
    }
    return this.directory;
  }

  private propertyJson(id: string): Property {
    const d = this.directory;
    const p = d.properties.get(id)!;
    const addresses = (d.addressesByProperty.get(id) ?? []).map((a) => ({ id: a.id, propertyId: a.propertyId, label: a.label }));
    return { id: p.id, name: p.name, addresses, unitCount: d.unitsByProperty.get(id)?.length ?? 0 };
  }

  listProperties(p: Principal): { items: Property[] } {
    const dir = this.dir;
    const ids = p.kind === 'manager' ? [...dir.properties.keys()] : [...dir.view(p.id).properties.keys()];
    const items = ids.map((id) => this.propertyJson(id));
    items.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return { items };
  }

  getProperty(p: Principal, id: string): Property {
    const dir = this.dir;
    if (!dir.properties.has(id) || (p.kind === 'contact' && !dir.view(p.id).properties.has(id))) throw notFound('The property');
    return this.propertyJson(id);
  }

  private unitJson(id: string): Unit {
    const dir = this.dir;
    const u = dir.units.get(id)!;
    const residents = dir
      .residents(id)
      .map((r) => ({ contactId: r.contactId, name: dir.contacts.get(r.contactId)?.name ?? '', role: r.role }))
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, 'de') : a.role === 'tenant' ? -1 : 1));
    return { id: u.id, propertyId: u.propertyId, addressId: u.addressId, name: u.name, residents };
  }

  listUnits(propertyId: string): { items: Unit[] } {
    if (!this.directory.properties.has(propertyId)) throw notFound('The property');
    return { items: (this.directory.unitsByProperty.get(propertyId) ?? []).map((u) => this.unitJson(u.id)) };
  }

  getUnit(id: string): Unit {
    if (!this.directory.units.has(id)) throw notFound('The unit');
    return this.unitJson(id);
  }

  listGroups(propertyId: string): { items: Group[] } {
    if (!this.directory.properties.has(propertyId)) throw notFound('The property');
    return { items: (this.directory.groupsByProperty.get(propertyId) ?? []).map((g) => ({ ...g, memberIds: [...g.memberIds] })) };
  }

  // ---------------------------------------------------------------- recipients

  private scopeOrInvalid(scope: Scope, path: string): string {
    const pid = this.directory.propertyOf(scope);
    if (!pid) throw invalid(path, `unknown ${scope.kind} id`);
    return pid;
  }

  /** Share options inside a scope: role-wide ones first, then addresses, units, groups, contacts. */
  searchRecipients(q: { scope: string; q?: string; limit?: number; locale?: Locale }): { items: RecipientOption[] } {
    const scope = parseScope(q.scope);
    const pid = this.scopeOrInvalid(scope, 'scope');
    const dir = this.dir;
    const de = (q.locale ?? 'de') === 'de';
    const limit = q.limit ?? 20;
    const needle = fold(q.q ?? '').trim();
    const items: RecipientOption[] = [];
    const offer = (target: ShareTarget, label: string, description: () => string, count?: () => number): boolean => {
      if (needle && !fold(label).includes(needle)) return true;
      items.push({ target, label, description: description(), recipientCount: count ? count() : dir.resolve(target).size });
      return items.length < limit;
    };
    const roleLabel = { tenant: de ? 'Mieter' : 'Tenant', owner: de ? 'Eigentümer' : 'Owner' };
    const roleSets = [
      { roles: ['tenant'] as const, label: de ? 'Alle Mieter' : 'All tenants' },
      { roles: ['owner'] as const, label: de ? 'Alle Eigentümer' : 'All owners' },
      { roles: ['tenant', 'owner'] as const, label: de ? 'Alle Mieter und Eigentümer' : 'All tenants and owners' },
    ];
    const prop = dir.properties.get(pid)!;
    if (scope.kind === 'unit') {
      const unit = dir.units.get(scope.id)!;
      for (const r of roleSets) if (!offer({ kind: 'unit', unitId: unit.id, roles: [...r.roles] }, r.label, () => `${unit.name} · ${prop.name}`)) return { items };
      for (const rel of dir.relationsByUnit.get(unit.id) ?? []) {
        if (!dir.isActive(rel) || items.some((i) => i.target.kind === 'contact' && i.target.contactId === rel.contactId)) continue;
        const c = dir.contacts.get(rel.contactId)!;
        const roles = dir.rolesIn(c.id, scope).map((x) => roleLabel[x]).join(de ? ' und ' : ' and ');
        if (!offer({ kind: 'contact', contactId: c.id }, c.name, () => `${roles} · ${unit.name}`, () => 1)) return { items };
      }
      return { items };
    }
    for (const r of roleSets) if (!offer({ kind: 'property', propertyId: pid, roles: [...r.roles] }, r.label, () => prop.name)) return { items };
    for (const a of dir.addressesByProperty.get(pid) ?? [])
      if (!offer({ kind: 'address', addressId: a.id, roles: ['tenant', 'owner'] }, a.label, () => (de ? 'Adresse · Mieter und Eigentümer' : 'Address · tenants and owners'))) return { items };
    for (const u of dir.unitsByProperty.get(pid) ?? []) {
      const addr = dir.addresses.get(u.addressId)!;
      if (!offer({ kind: 'unit', unitId: u.id, roles: ['tenant', 'owner'] }, u.name, () => `${de ? 'Einheit' : 'Unit'} · ${addr.label}`)) return { items };
    }
    for (const g of dir.groupsByProperty.get(pid) ?? [])
      if (!offer({ kind: 'group', groupId: g.id }, g.name, () => (de ? `Gruppe · ${g.memberIds.length} Mitglieder` : `Group · ${g.memberIds.length} members`), () => g.memberIds.length)) return { items };
    // Current residents, then group members who live elsewhere.
    const seen = new Set<string>();
    const contactOption = (cid: string): boolean => {
      if (seen.has(cid)) return true;
      seen.add(cid);
      const c = dir.contacts.get(cid)!;
      return offer({ kind: 'contact', contactId: cid }, c.name, () => this.contactDescription(cid, pid, de), () => 1);
    };
    for (const u of dir.unitsByProperty.get(pid) ?? []) for (const r of dir.residents(u.id)) if (!contactOption(r.contactId)) return { items };
    for (const g of dir.groupsByProperty.get(pid) ?? []) for (const m of g.memberIds) if (!contactOption(m)) return { items };
    return { items };
  }

  private contactDescription(cid: string, pid: string, de: boolean): string {
    const dir = this.directory;
    const parts: string[] = [];
    for (const r of dir.relationsByContact.get(cid) ?? []) {
      const u = dir.units.get(r.unitId);
      if (!u || u.propertyId !== pid || !dir.isActive(r)) continue;
      parts.push(`${r.role === 'tenant' ? (de ? 'Mieter' : 'Tenant') : de ? 'Eigentümer' : 'Owner'} · ${u.name}`);
    }
    if (parts.length === 0) for (const g of dir.groupsByContact.get(cid) ?? []) if (g.propertyId === pid) parts.push(`${de ? 'Gruppe' : 'Group'} · ${g.name}`);
    return parts.join(', ');
  }

  /** 422 `validation_failed` naming the first share target with an unknown id. */
  private checkTargets(targets: readonly ShareTarget[], base: string): void {
    const unknown = this.directory.unknownTarget(targets, base);
    if (unknown) throw invalid(unknown.path, unknown.message);
  }

  private checkTargetsInScope(targets: readonly ShareTarget[], scope: Scope, base: string): void {
    const outside = targets.flatMap((t, i) => (this.dir.targetInScope(t, scope) ? [] : [{ path: `${base}.${i}`, message: `${t.kind} target lies outside ${scope.kind}:${scope.id}` }]));
    if (outside.length) throw new ApiError('target_out_of_scope', `${outside.length} share target(s) lie outside the scope ${scope.kind}:${scope.id}.`, { errors: outside });
  }

  resolveRecipients(body: { scope: Scope; targets: ShareTarget[] }): ResolveResult {
    this.scopeOrInvalid(body.scope, 'scope.id');
    this.checkTargets(body.targets, 'targets');
    this.checkTargetsInScope(body.targets, body.scope, 'targets');
    const dir = this.dir;
    const ids = [...dir.resolveAll(body.targets)];
    const contacts = ids
      .map((id) => ({ id, name: dir.contacts.get(id)!.name, roles: dir.rolesIn(id, body.scope) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : 1));
    return { count: ids.length, contacts: contacts.slice(0, RESOLVE_LIST_MAX), truncated: contacts.length > RESOLVE_LIST_MAX };
  }

  // ---------------------------------------------------------------- document types

  private children(parentId: string | null): TypeRec[] {
    return [...this.types.values()].filter((t) => t.parentId === parentId).sort((a, b) => a.position - b.position);
  }

  /** Level of a type: top-level types are level 1. */
  private level(id: string): number {
    let n = 0;
    for (let t = this.types.get(id); t; t = t.parentId ? this.types.get(t.parentId) : undefined) n++;
    return n;
  }

  /** Levels a subtree spans: 1 for a leaf. */
  private height(id: string): number {
    return 1 + Math.max(0, ...this.children(id).map((c) => this.height(c.id)));
  }

  private isInSubtree(id: string, rootId: string): boolean {
    for (let t = this.types.get(id); t; t = t.parentId ? this.types.get(t.parentId) : undefined) if (t.id === rootId) return true;
    return false;
  }

  private subtreeIds(rootId: string): Set<string> {
    const out = new Set<string>([rootId]);
    const walk = (id: string) => {
      for (const c of this.children(id)) {
        out.add(c.id);
        walk(c.id);
      }
    };
    walk(rootId);
    return out;
  }

  /** Puts a type among its siblings at `position` (the end when omitted) and renumbers them. */
  private place(t: TypeRec, parentId: string | null, position: number | undefined): void {
    const siblings = this.children(parentId).filter((s) => s.id !== t.id);
    const at = Math.min(position ?? siblings.length, siblings.length);
    siblings.splice(at, 0, t);
    t.parentId = parentId;
    siblings.forEach((s, i) => (s.position = i));
  }

  private renumber(parentId: string | null): void {
    this.children(parentId).forEach((s, i) => (s.position = i));
  }

  private nameTaken(name: string, parentId: string | null, exceptId?: string): boolean {
    const n = name.toLowerCase();
    return this.children(parentId).some((s) => s.id !== exceptId && s.name.toLowerCase() === n);
  }

  private typeJson(t: TypeRec, counts?: Map<string, number>, subtree?: Map<string, number>): DocumentType {
    const c = counts ? counts.get(t.id) ?? 0 : this.docsPerType.get(t.id) ?? 0;
    const s = subtree ? subtree.get(t.id) ?? 0 : [...this.subtreeIds(t.id)].reduce((n, id) => n + (this.docsPerType.get(id) ?? 0), 0);
    return { id: t.id, name: t.name, parentId: t.parentId, position: t.position, documentCount: c, subtreeCount: s };
  }

  /** The whole tree, flat in depth-first order, with counts of what the caller may see in `scope`. */
  listDocumentTypes(p: Principal, query: { scope?: string }): { items: DocumentType[] } {
    const scope = query.scope ? parseScope(query.scope) : undefined;
    const counts = new Map<string, number>();
    if (scope && !this.directory.propertyOf(scope) && p.kind === 'manager') throw invalid('scope', `unknown ${scope.kind} id`);
    for (const d of this.docsIn(p, scope)) counts.set(d.documentTypeId, (counts.get(d.documentTypeId) ?? 0) + 1);
    const order: TypeRec[] = [];
    const byParent = new Map<string | null, TypeRec[]>();
    for (const t of this.types.values()) (byParent.get(t.parentId) ?? byParent.set(t.parentId, []).get(t.parentId)!).push(t);
    for (const list of byParent.values()) list.sort((a, b) => a.position - b.position);
    const subtree = new Map<string, number>();
    const walk = (parentId: string | null): number => {
      let sum = 0;
      for (const t of byParent.get(parentId) ?? []) {
        order.push(t);
        const s = (counts.get(t.id) ?? 0) + walk(t.id);
        subtree.set(t.id, s);
        sum += s;
      }
      return sum;
    };
    walk(null);
    return { items: order.map((t) => this.typeJson(t, counts, subtree)) };
  }

  createDocumentType(body: CreateDocumentType): DocumentType {
    const parentId = body.parentId ?? null;
    if (parentId !== null && !this.types.has(parentId)) throw invalid('parentId', 'unknown document type id');
    if (parentId !== null && this.level(parentId) + 1 > MAX_TYPE_DEPTH) throw new ApiError('too_deep', `A type may sit at most ${MAX_TYPE_DEPTH} levels deep.`);
    if (this.nameTaken(body.name, parentId)) throw new ApiError('conflict', `A sibling type is already named "${body.name}".`);
    const t: TypeRec = { id: crypto.randomUUID(), name: body.name, parentId, position: 0 };
    this.types.set(t.id, t);
    this.place(t, parentId, body.position);
    return this.typeJson(t);
  }

  updateDocumentType(id: string, body: UpdateDocumentType): DocumentType {
    if (body.parentId != null && !this.types.has(body.parentId)) throw invalid('parentId', 'unknown document type id');
    const t = this.types.get(id);
    if (!t) throw notFound('The document type');
    const parentId = body.parentId === undefined ? t.parentId : body.parentId;
    if (parentId !== null && this.isInSubtree(parentId, id)) throw new ApiError('cycle', 'A type cannot move under itself or one of its descendants.');
    if (parentId !== t.parentId && (parentId === null ? 0 : this.level(parentId)) + this.height(id) > MAX_TYPE_DEPTH)
      throw new ApiError('too_deep', `The move would put a type deeper than level ${MAX_TYPE_DEPTH}.`);
    const name = body.name ?? t.name;
    if (this.nameTaken(name, parentId, id)) throw new ApiError('conflict', `A sibling type is already named "${name}".`);
    const oldParent = t.parentId;
    t.name = name;
    if (parentId !== oldParent || body.position !== undefined) {
      this.place(t, parentId, body.position);
      if (parentId !== oldParent) this.renumber(oldParent);
    }
    return this.typeJson(t);
  }

  deleteDocumentType(id: string): void {
    const t = this.types.get(id);
    if (!t) throw notFound('The document type');
    if ((this.docsPerType.get(id) ?? 0) > 0) throw new ApiError('conflict', 'The type still holds documents; move or delete them first.');
    if (this.children(id).length > 0) throw new ApiError('conflict', 'The type still has subtypes; move or delete them first.');
    this.types.delete(id);
    this.renumber(t.parentId);
  }

  // ---------------------------------------------------------------- uploads

  /** Opens an upload session (the route answers replays of its Idempotency-Key). */
  createUpload(_p: Principal, body: CreateUpload): UploadSession {
    return this.openSession(body);
  }

  /** Purges expired sessions with their bytes. */
  private sweep(): void {
    const now = this.now();
    for (const [id, u] of this.uploads) if (u.expiresAt <= now) this.uploads.delete(id);
  }

  private openSession(body: CreateUpload): UploadSession {
    this.sweep();
    const fileName = cleanFileName(body.fileName);
    if (body.size > MAX_FILE_SIZE) throw new ApiError('file_too_large', `The file has ${body.size > 1e15 ? 'more than 10^15' : body.size} bytes; at most ${MAX_FILE_SIZE} (50 MiB) are accepted.`);
    const byName = kindOfName(fileName);
    if (!byName) throw new ApiError('unsupported_file_type', `"${fileName}" is not a PDF, Word (.doc, .docx), JPEG or PNG file.`);
    const declared = kindOfMimeType(body.mimeType);
    if (declared === null) throw new ApiError('unsupported_file_type', `The declared type "${body.mimeType}" is not PDF, Word, JPEG or PNG.`);
    if (declared !== 'unknown' && declared !== byName) throw new ApiError('unsupported_file_type', `The declared type "${body.mimeType}" does not match the name "${fileName}".`);
    // The document to be, when given: refused now rather than after the bytes.
    if (body.documentTypeId !== undefined && !this.types.has(body.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
    if (body.scope) this.scopeOrInvalid(body.scope, 'scope.id');
    if (body.shares) this.checkTargets(body.shares, 'shares');
    if (body.shares && body.scope) this.checkTargetsInScope(body.shares, body.scope, 'shares');
    const now = this.now();
    const u: UploadRec = { id: crypto.randomUUID(), fileName, mimeType: body.mimeType, size: body.size, offset: 0, chunks: [], hash: this.newSha256(), writing: false, createdAt: now, expiresAt: now + UPLOAD_TTL_MS, committed: false };
    this.uploads.set(u.id, u);
    this.counters.uploads++;
    return { id: u.id, offset: 0, size: u.size, chunkSize: Math.min(CHUNK_HINT, u.size), expiresAt: iso(u.expiresAt) };
  }

  private openUpload(id: string): UploadRec {
    this.sweep();
    const u = this.uploads.get(id);
    if (!u) throw notFound('The upload');
    return u;
  }

  /**
   * Streams a PATCH body into the upload at `offset`; answers the new offset. All or nothing: a
   * body that breaks off or runs past the size leaves the upload as it was. `length` is the
   * declared Content-Length, checked before reading when there is one.
   */
  async appendUpload(id: string, offset: number, body: BodySource | ReadableStream<Uint8Array> | null, length?: number): Promise<number> {
    const tooBig = () => new ApiError('file_too_large', `One PATCH body may carry at most ${MAX_CHUNK_SIZE} bytes.`);
    const pastSize = (u: UploadRec) => invalid('body', `the bytes would reach past the declared size of ${u.size}`);
    if (length !== undefined && length > MAX_CHUNK_SIZE) throw tooBig();
    const u = this.openUpload(id);
    // 422 before 409 (API.md's order): bytes that would reach past the size from the offset the client names.
    if (length !== undefined && offset + length > u.size) throw pastSize(u);
    if (u.committed) throw new ApiError('conflict', 'The upload has already been committed.');
    if (u.writing) throw new ApiError('upload_busy', 'Another PATCH is still writing this upload; try again shortly.', { headers: { 'Retry-After': '1' } });
    if (offset !== u.offset) throw new ApiError('offset_mismatch', `The upload is at offset ${u.offset}, not ${offset}.`, { offset: u.offset });
    u.writing = true;
    const staged: Uint8Array[] = [];
    const hash = u.hash.copy();
    let n = 0;
    let refusal: ApiError | undefined;
    let stalled = false;
    try {
      // Each piece is checked, hashed and kept as it arrives.
      await (typeof body === 'function' ? body : streamSource(body))((r) => {
        n += r.byteLength;
        if (n > MAX_CHUNK_SIZE) throw (refusal = tooBig());
        if (offset + n > u.size) throw (refusal = pastSize(u));
        staged.push(r);
        hash.update(r);
      });
    } catch (e) {
      if (refusal) throw refusal;
      // A body that stopped arriving: what came before the stall counts.
      stalled = (e as { stalled?: boolean }).stalled === true;
      if (!stalled) throw new ApiError('bad_request', 'The body broke off before its end.');
    } finally {
      u.writing = false;
    }
    if (u.committed || this.uploads.get(id) !== u) throw new ApiError('conflict', 'The upload was committed or deleted meanwhile.');
    u.chunks.push(...staged);
    u.offset += n;
    u.hash = hash;
    if (stalled) throw new ApiError('bad_request', `The body stopped arriving; the upload kept ${n} of its bytes.`);
    return u.offset;
  }

  getUpload(id: string): UploadStatus {
    const u = this.openUpload(id);
    return { id: u.id, offset: u.offset, size: u.size, expiresAt: iso(u.expiresAt) };
  }

  deleteUpload(id: string): void {
    const u = this.openUpload(id);
    if (u.committed) throw new ApiError('conflict', 'The upload has been committed; delete the document instead.');
    this.uploads.delete(id);
  }

  // ---------------------------------------------------------------- documents

  private docJson(d: DocRec, p: Principal): Document {
    const base: Document = {
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
    if (p.kind === 'contact') return base;
    let downloads = 0;
    for (const x of d.downloads.values()) downloads += x.count;
    base.shares = d.shares.map((t) => ({ ...t }));
    base.recipientCount = this.dir.countAll(d.shares);
    base.downloadCount = downloads;
    return base;
  }

  /** The document if the caller may see it; a contact gets 404 for what is not theirs. */
  private visibleDoc(p: Principal, id: string): DocRec {
    const d = this.docs.get(id);
    if (!d || (p.kind === 'contact' && !this.dir.reaches(d.shares, this.dir.view(p.id)))) throw notFound('The document');
    return d;
  }

  /** Every document in a scope (all when none) that the caller may see. */
  private *docsIn(p: Principal, scope: Scope | undefined): Generator<DocRec> {
    const dir = this.dir;
    const pid = scope ? dir.propertyOf(scope) : undefined;
    if (scope && !pid) return;
    const view = p.kind === 'contact' ? dir.view(p.id) : undefined;
    for (const index of this.indexesFor(p, pid)) {
      for (const d of index.created.walk(true)) {
        if (scope?.kind === 'unit' && (d.scope.kind !== 'unit' || d.scope.id !== scope.id)) continue;
        if (view && !dir.reaches(d.shares, view)) continue;
        yield d;
      }
    }
  }

  /**
   * The indexes that can hold what the caller may see: one property's, everything for a
   * manager, and for a contact only the properties where a share could reach them.
   */
  private indexesFor(p: Principal, pid: string | undefined): DocIndex[] {
    const ids = pid !== undefined ? [pid] : p.kind === 'contact' ? [...this.directory.propertiesReaching(p.id)] : undefined;
    if (!ids) return [this.all];
    return ids.flatMap((id) => this.perProperty.get(id) ?? []);
  }

  private indexFor(pid: string): DocIndex {
    let idx = this.perProperty.get(pid);
    if (!idx) this.perProperty.set(pid, (idx = newIndex()));
    return idx;
  }

  private recordShares(d: DocRec, before: ReadonlySet<string>): void {
    const now = this.now();
    let m = this.firstShared.get(d.id);
    for (const c of this.dir.resolveAll(d.shares)) {
      if (before.has(c)) continue;
      if (!m) this.firstShared.set(d.id, (m = new Map()));
      if (!m.has(c)) m.set(c, now);
    }
  }

  /** Commits a complete upload as a document (the route answers replays of its Idempotency-Key). */
  createDocument(p: Principal, body: CreateDocument & { title: string }): Promise<Document> {
    return this.commit(p, body);
  }

  /** `POST /documents/upload`: session, bytes and commit as one idempotent write (see direct.ts). */
  uploadDocument(p: Principal, file: DirectFile, meta: DocumentMetadata & { title: string }): Promise<Document> {
    return uploadDirect(this, p, file, meta);
  }

  /**
   * Runs a write once per caller, operation and key (kept 24 hours): the same key and request
   * answer the first answer again, the same key with another request is a 409. A refused write
   * (an answer of 400 or more) took no effect, so its key may be used again.
   */
  once<T extends { status: number }>(p: Principal, operation: string, idempotencyKey: string, request: unknown, run: () => Promise<T>): Promise<T> {
    const now = this.now();
    for (const [k, v] of this.idempotency) {
      if (v.at > now - IDEMPOTENCY_TTL_MS) break;
      this.idempotency.delete(k);
    }
    const key = `${p.id}\n${operation}\n${idempotencyKey}`;
    const hash = stable(request);
    const prior = this.idempotency.get(key);
    if (prior) {
      if (prior.hash !== hash) throw new ApiError('conflict', 'This Idempotency-Key was used with another request.');
      return prior.result as Promise<T>;
    }
    const result = run();
    this.idempotency.set(key, { hash, result, at: now });
    const forget = () => this.idempotency.get(key)?.result === result && this.idempotency.delete(key);
    result.then((r) => r.status >= 400 && forget(), forget);
    return result;
  }

  private async commit(p: Principal, body: CreateDocument & { title: string }): Promise<Document> {
    const dir = this.dir;
    const u = this.uploads.get(body.uploadId);
    this.sweep();
    if (!u) throw invalid('uploadId', 'unknown upload id');
    if (!this.types.has(body.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
    const pid = this.scopeOrInvalid(body.scope, 'scope.id');
    this.checkTargets(body.shares, 'shares');
    this.checkTargetsInScope(body.shares, body.scope, 'shares');
    if (u.committed) throw new ApiError('conflict', 'The upload has already been committed.');
    if (u.offset < u.size) throw new ApiError('upload_incomplete', `The upload holds ${u.offset} of ${u.size} bytes.`);
    const bytes = u.chunks;
    const kind = await sniff(piecesSource(bytes));
    const byName = kindOfName(u.fileName);
    const declared = kindOfMimeType(u.mimeType);
    if (!kind || kind !== byName || (declared !== 'unknown' && declared !== kind))
      throw new ApiError('unsupported_file_type', kind ? `The content is ${kind.toUpperCase()}, but the file claims to be something else.` : 'The content is not a PDF, Word, JPEG or PNG file.');
    // Taken before the await below, so that a concurrent second commit sees it.
    u.committed = true;
    const hash = await u.hash.digest();
    const now = this.now();
    const d: DocRec = {
      id: crypto.randomUUID(),
      title: body.title,
      fileName: u.fileName,
      mimeType: FILE_KINDS[kind].mimeType,
      size: u.size,
      sha256: hash,
      bytes,
      documentTypeId: body.documentTypeId,
      scope: { kind: body.scope.kind, id: body.scope.id },
      propertyId: pid,
      shares: body.shares.map((t) => ({ ...t })),
      createdAt: now,
      updatedAt: now,
      version: 1,
      key: fold(body.title),
      downloads: new Map(),
    };
    u.chunks = [];
    this.docs.set(d.id, d);
    this.docsPerType.set(d.documentTypeId, (this.docsPerType.get(d.documentTypeId) ?? 0) + 1);
    for (const idx of [this.all, this.indexFor(pid)]) {
      idx.created.insert(d);
      idx.title.insert(d);
    }
    this.counters.documents++;
    dir.setDay(berlinDate(now));
    this.recordShares(d, new Set());
    return this.docJson(d, p);
  }

  listDocuments(p: Principal, q: { scope?: string; documentTypeId?: string; includeSubtypes?: 'true' | 'false'; q?: string; sort?: DocumentSort; limit?: number; cursor?: string }): DocumentPage {
    const sort = q.sort ?? 'createdAt:desc';
    const limit = q.limit ?? 50;
    const [field, direction] = sort.split(':') as ['createdAt' | 'title', 'asc' | 'desc'];
    const probe = q.cursor === undefined ? undefined : decodeCursor(q.cursor, sort);
    const dir = this.dir;
    const scope = q.scope ? parseScope(q.scope) : undefined;
    const pid = scope ? dir.propertyOf(scope) : undefined;
    if (scope && !pid) {
      if (p.kind === 'contact') return { items: [], nextCursor: null };
      throw invalid('scope', `unknown ${scope.kind} id`);
    }
    let types: Set<string> | undefined;
    if (q.documentTypeId !== undefined) {
      if (!this.types.has(q.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
      types = q.includeSubtypes === 'true' ? this.subtreeIds(q.documentTypeId) : new Set([q.documentTypeId]);
    }
    const needle = q.q ? fold(q.q).trim() : '';
    const view = p.kind === 'contact' ? dir.view(p.id) : undefined;
    const cmp = field === 'createdAt' ? byCreated : byTitle;
    const ascending = direction === 'asc';
    // Up to limit + 1 matches from each index, merged: the first limit + 1 of the merge are exact.
    let found: DocRec[] = [];
    const indexes = this.indexesFor(p, pid);
    for (const index of indexes) {
      let taken = 0;
      for (const d of (field === 'createdAt' ? index.created : index.title).walk(ascending, probe && ((x) => cmp(x, probe)))) {
        if (scope?.kind === 'unit' && (d.scope.kind !== 'unit' || d.scope.id !== scope.id)) continue;
        if (types && !types.has(d.documentTypeId)) continue;
        if (needle && !d.key.includes(needle) && !fold(d.fileName).includes(needle)) continue;
        if (view && !dir.reaches(d.shares, view)) continue;
        found.push(d);
        if (++taken > limit) break;
      }
    }
    if (indexes.length > 1) found = found.sort((a, b) => (ascending ? cmp(a, b) : cmp(b, a))).slice(0, limit + 1);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((d) => this.docJson(d, p)),
      nextCursor: found.length > limit && last ? encodeCursor(sort, last) : null,
    };
  }

  getDocument(p: Principal, id: string): Document {
    return this.docJson(this.visibleDoc(p, id), p);
  }

  updateDocument(p: Principal, id: string, patch: UpdateDocument & { title?: string }, ifMatch?: string): Document {
    if (patch.documentTypeId !== undefined && !this.types.has(patch.documentTypeId)) throw invalid('documentTypeId', 'unknown document type id');
    if (patch.shares) this.checkTargets(patch.shares, 'shares');
    const d = this.docs.get(id);
    if (!d) throw notFound('The document');
    if (patch.shares) this.checkTargetsInScope(patch.shares, d.scope, 'shares');
    if (ifMatch !== undefined && !etagMatches(ifMatch, d.version))
      throw new ApiError('precondition_failed', `The document is at version ${d.version}; reload it and apply your change again.`);
    const changed =
      (patch.title !== undefined && patch.title !== d.title) ||
      (patch.documentTypeId !== undefined && patch.documentTypeId !== d.documentTypeId) ||
      (patch.shares !== undefined && stable(patch.shares) !== stable(d.shares));
    if (!changed) return this.docJson(d, p);
    if (patch.title !== undefined && patch.title !== d.title) {
      const idx = [this.all, this.indexFor(d.propertyId)];
      for (const i of idx) i.title.remove(d);
      d.title = patch.title;
      d.key = fold(d.title);
      for (const i of idx) i.title.insert(d);
    }
    if (patch.documentTypeId !== undefined && patch.documentTypeId !== d.documentTypeId) {
      this.docsPerType.set(d.documentTypeId, (this.docsPerType.get(d.documentTypeId) ?? 1) - 1);
      this.docsPerType.set(patch.documentTypeId, (this.docsPerType.get(patch.documentTypeId) ?? 0) + 1);
      d.documentTypeId = patch.documentTypeId;
    }
    if (patch.shares !== undefined) {
      const before = new Set(this.dir.resolveAll(d.shares));
      d.shares = patch.shares.map((t) => ({ ...t }));
      this.recordShares(d, before);
    }
    d.version++;
    d.updatedAt = this.now();
    return this.docJson(d, p);
  }

  deleteDocument(id: string): void {
    const d = this.docs.get(id);
    if (!d) throw notFound('The document');
    this.docs.delete(id);
    this.docsPerType.set(d.documentTypeId, (this.docsPerType.get(d.documentTypeId) ?? 1) - 1);
    for (const idx of [this.all, this.indexFor(d.propertyId)]) {
      idx.created.remove(d);
      idx.title.remove(d);
    }
    this.firstShared.delete(id);
  }

  /** The file of a document; `sent()`, called once all its bytes went out, counts a contact's download. */
  content(p: Principal, id: string): { document: Document; bytes: readonly Uint8Array[]; sent: () => void } {
    const d = this.visibleDoc(p, id);
    const sent = () => {
      if (p.kind !== 'contact') return;
      const x = d.downloads.get(p.id) ?? { count: 0, lastAt: 0 };
      x.count++;
      x.lastAt = this.now();
      d.downloads.set(p.id, x);
    };
    return { document: this.docJson(d, p), bytes: d.bytes, sent };
  }

  downloads(id: string): DownloadStats {
    const d = this.docs.get(id);
    if (!d) throw notFound('The document');
    let total = 0;
    const byContact = [...d.downloads].map(([cid, x]) => {
      total += x.count;
      return { contactId: cid, name: this.directory.contacts.get(cid)?.name ?? '', count: x.count, lastAt: iso(x.lastAt) };
    });
    byContact.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return { total, byContact };
  }

  // ---------------------------------------------------------------- notifications

  /** What goes out on `date`: per contact, what was shared with them the day before and is still theirs. */
  digests(date: string): DigestDay {
    const dir = this.dir;
    const day = addDays(date, -1);
    const per = new Map<string, Array<{ d: DocRec; at: number }>>();
    for (const [docId, m] of this.firstShared) {
      const d = this.docs.get(docId);
      if (!d) continue;
      for (const [cid, at] of m) {
        if (berlinDate(at) !== day || !dir.reaches(d.shares, dir.view(cid))) continue;
        (per.get(cid) ?? per.set(cid, []).get(cid)!).push({ d, at });
      }
    }
    const digests = [...per].map(([cid, list]) => {
      const c = dir.contacts.get(cid)!;
      list.sort((a, b) => a.at - b.at || (a.d.id < b.d.id ? -1 : 1));
      return {
        contact: { id: c.id, name: c.name, email: c.email, locale: c.locale },
        documents: list.map(({ d }) => ({
          id: d.id,
          title: d.title,
          documentTypeName: this.types.get(d.documentTypeId)?.name ?? '',
          propertyName: dir.properties.get(d.propertyId)?.name ?? '',
        })),
      };
    });
    digests.sort((a, b) => a.contact.name.localeCompare(b.contact.name, 'de') || (a.contact.id < b.contact.id ? -1 : 1));
    return { date, digests };
  }

  digestEmail(date: string, contactId: string): DigestEmail {
    const digest = this.digests(date).digests.find((x) => x.contact.id === contactId);
    if (!digest) throw notFound('A digest for this contact on this date');
    return renderDigestEmail({ locale: digest.contact.locale, name: digest.contact.name, sharedOn: addDays(date, -1), documents: digest.documents });
  }
}

/** `If-Match` compares strongly (RFC 9110 13.1.1): a weak tag `W/"3"` never matches. */
function etagMatches(header: string, version: number): boolean {
  return header
    .split(',')
    .map((s) => s.trim())
    .some((tag) => tag === '*' || tag === `"${version}"`);
}

function encodeCursor(sort: DocumentSort, d: DocRec): string {
  return base64url(JSON.stringify([sort, sort.startsWith('title') ? d.key : d.createdAt, d.id]));
}

/** A probe document standing where the cursor points; 422 when the cursor is not ours or for another sort. */
function decodeCursor(cursor: string, sort: DocumentSort): DocRec {
  let v: unknown;
  try {
    v = JSON.parse(fromBase64url(cursor));
  } catch {
    throw invalid('cursor', 'not a cursor of this server');
  }
  if (!Array.isArray(v) || v.length !== 3 || typeof v[2] !== 'string') throw invalid('cursor', 'not a cursor of this server');
  if (v[0] !== sort) throw invalid('cursor', `the cursor belongs to sort "${String(v[0])}", not "${sort}"`);
  const [, k, id] = v as [string, unknown, string];
  if (sort.startsWith('title') ? typeof k !== 'string' : typeof k !== 'number') throw invalid('cursor', 'not a cursor of this server');
  return { id, key: sort.startsWith('title') ? k : '', createdAt: sort.startsWith('title') ? 0 : k } as DocRec;
}

/** Creates a store holding the fixtures (or the large data set). */
export const createStore = (options?: StoreOptions): MockStore => new MockStore(options);
