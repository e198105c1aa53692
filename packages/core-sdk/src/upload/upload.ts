import type { AxiosProgressEvent } from 'axios';
import * as z from 'zod/mini';
import {
  AbortError,
  ConflictError,
  DocPortalError,
  FileTooLargeError,
  NetworkError,
  NotFoundError,
  UnsupportedFileTypeError,
  ValidationError,
} from '../errors.js';
import { defaultTitle } from '../files/names.js';
import {
  aborted,
  fieldErrors,
  isTransient,
  sleep,
  uuid,
  type Http,
  type RequestOptions,
} from '../internal/http.js';
import { formatScope, parseScope } from '../scope.js';
import type { Scope, ShareTarget } from '../schemas/common.js';
import { createDocument, createUpload, deleteUpload, getUpload, uploadDocument } from '../routes.js';
import { DocumentMetadata, type Document } from '../schemas/documents.js';
import { MAX_CHUNK_SIZE, type UploadSession, type UploadStatus } from '../schemas/uploads.js';
import { direct, undo } from './direct.js';
import { fingerprints } from './resume.js';
import { sendChunk } from './chunk.js';
import { validateFile } from './validate.js';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions extends RequestOptions {
  /** @default the file name without its extension */
  title?: string;
  documentTypeId: string;
  scope: Scope | string;
  /** Who may see it; empty: managers only. @default [] */
  shares?: ShareTarget[];
  /** Progress of the bytes; never goes backwards. */
  onProgress?: (p: UploadProgress) => void;
  /** Key of the commit, reused on every retry and kept in the resume record (a resumed upload keeps its own). @default a random key */
  idempotencyKey?: string;
  /**
   * First chunk size; later chunks adapt to the connection. Setting it sends a small file through
   * the resumable path too (else files up to the server's `Upload-Limit` go in one request).
   * @default the server's hint
   */
  chunkSize?: number;
  /** Remember the upload (the client's `resumeStore`; localStorage by default) so that the same file resumes after a reload. @default true */
  resume?: boolean;
}

const MIN_CHUNK = 256 * 1024;
/** A chunk should take about this long; faster connections get larger chunks. */
const TARGET_CHUNK_MS = 3000;

/**
 * The resumable upload: validate locally, open (or resume) a session, send chunks sliced from
 * the Blob with adaptive size, resync the offset after any failure, commit with an idempotency
 * key. An abort at any moment leaves nothing behind; so does giving up, unless the commit may
 * have taken effect (then a later call for the same file replays its key).
 */
export async function upload(http: Http, file: Blob, o: UploadOptions): Promise<Document> {
  if (o.signal?.aborted) throw aborted();
  const run = await start(http, file, o);
  // Small files in one request (direct.ts), unless the caller asks for chunks or a session can
  // resume.
  if (!o.chunkSize && !run.rec.id) {
    const doc = await inOneRequest(run);
    if (doc) return doc;
  }
  return inChunks(run);
}

/** One call of `upload`: the file, its keys and metadata, and the requests it makes. */
interface Run {
  http: Http;
  file: Blob;
  total: number;
  o: UploadOptions;
  signal?: AbortSignal;
  /** The session and the idempotency keys of its creation and its commit. */
  rec: { id?: string; create: string; commit: string };
  /**
   * Whether an earlier call may have sent the commit's key (a kept record whose file went in one
   * request, or whose session holds every byte): then no failure of this call proves it failed.
   */
  earlier: boolean;
  /** Whether a session may outlive this call (a key, and a store that outlives a reload). */
  resumable: boolean;
  report(loaded: number): void;
  status(): Promise<UploadStatus>;
  create(s?: AbortSignal): Promise<UploadSession>;
  commit(s?: AbortSignal): Promise<Document>;
  post(body: FormData): (s?: AbortSignal) => Promise<Document>;
  /** Remembered with what it needs to go on (a store may keep the file too, to offer it again). */
  remember(): Promise<void> | void;
  forget(): Promise<void> | void;
  name: string;
  meta: DocumentMetadata;
}

/** Checks the file and the form (before any byte goes out) and finds what a resumed upload kept. */
async function start(http: Http, file: Blob, o: UploadOptions): Promise<Run> {
  const signal = o.signal;
  const kind = await checkFile(file);
  const name = (file as File).name || `file.${kind}`;
  const total = file.size;
  // Without resuming, nothing is remembered: no key.
  const key =
    o.resume !== false &&
    `docportal:upload:${JSON.stringify([name, total, (file as File).lastModified ?? 0, formatScope(o.scope)])}`;
  // A resumed upload keeps the keys it started with.
  const store = http.options.resumeStore ?? fingerprints;
  const saved = await store.get(key);
  const rec = {
    id: saved?.id,
    create: saved?.create ?? uuid(),
    commit: saved?.commit ?? o.idempotencyKey ?? uuid(),
  };
  const meta = checkForm({
    title: o.title ?? defaultTitle(name),
    documentTypeId: o.documentTypeId,
    scope: parseScope(o.scope),
    shares: o.shares ?? [],
  });
  let shown = -1;
  const report = (loaded: number) => {
    if (loaded <= shown) return;
    shown = loaded;
    o.onProgress?.({ loaded, total });
  };
  return {
    http,
    file,
    name,
    total,
    o,
    signal,
    rec,
    earlier: !!saved && !saved.id,
    meta,
    resumable: !!key && !!(http.options.resumeStore || globalThis.localStorage),
    report,
    ...calls(http, o, rec, file, name, meta, report),
    remember: () => store.set(key, { ...rec, file, ...meta }),
    forget: () => store.set(key, undefined),
  };
}

/** The requests of one upload, each with its idempotency key and the caller's signal. */
function calls(
  http: Http,
  o: UploadOptions,
  rec: Run['rec'],
  file: Blob,
  name: string,
  meta: DocumentMetadata,
  report: (loaded: number) => void,
): Pick<Run, 'status' | 'create' | 'commit' | 'post'> {
  const { signal } = o;
  const total = file.size;
  return {
    status: () => http.call(getUpload, { params: { id: rec.id! } }, { signal }),
    create: (s) =>
      http.call(
        createUpload,
        { body: { fileName: name, size: total, mimeType: file.type, ...meta } },
        { signal: s, idempotencyKey: rec.create },
      ),
    commit: (s) =>
      http.call(
        createDocument,
        { body: { uploadId: rec.id, ...meta } },
        { signal: s, maxRetries: o.maxRetries, idempotencyKey: rec.commit },
      ),
    post: (body) => (s) =>
      http.call(
        uploadDocument,
        {
          body,
          onUploadProgress: (e: AxiosProgressEvent) => report(Math.min(e.loaded, total - 1)),
        },
        { signal: s, maxRetries: o.maxRetries, idempotencyKey: rec.commit },
      ),
  };
}

/** The file's checks (size, kind by its bytes), as a typed error; resolves to its kind. */
async function checkFile(file: Blob): Promise<string> {
  const check = await validateFile(file);
  if (check.ok) return check.kind;
  const errors = { file_too_large: FileTooLargeError, empty_file: ValidationError };
  const E = errors[check.code as keyof typeof errors] ?? UnsupportedFileTypeError;
  throw new E(check.message, { code: check.code });
}

/** The form as the server would check it at the commit; a 422-like error names the fields. */
function checkForm(body: DocumentMetadata): DocumentMetadata {
  const form = z.safeParse(DocumentMetadata, body);
  if (form.success) return body;
  const errors = fieldErrors(form.error);
  const title = `The document's details are not valid (${errors.map((e) => e.path).join(', ')}).`;
  throw new ValidationError(title, {
    code: 'validation_failed',
    problem: { type: 'about:blank', title, status: 422, code: 'validation_failed', errors },
  });
}

/** Through `POST /documents/upload`; remembered first, so that a later call for the same file replays the key. */
async function inOneRequest(run: Run): Promise<Document | undefined> {
  await run.remember();
  const doc = await direct(run.http, run.file, run.name, run.meta, run.post, run.signal).catch(
    async (e: unknown) => {
      if (run.signal?.aborted || !inDoubt(run, e)) await run.forget();
      throw e;
    },
  );
  if (!doc) return undefined;
  run.report(run.total);
  await run.forget();
  return doc;
}

/** Through a session: opened or resumed, its chunks sent, committed. */
async function inChunks(run: Run): Promise<Document> {
  const { http, signal } = run;
  let committing = false;
  try {
    const { offset, chunk } = await openSession(run);
    await sendAll(run, offset, chunk);
    // From here the commit may reach the server: an abort must find out and undo it.
    committing = true;
    const doc = await run.commit(signal);
    await run.forget();
    return doc;
  } catch (e) {
    const abort = signal?.aborted;
    // The commit may have taken effect: keep the record, so that the same file replays its key.
    if (!abort && committing && (e as DocPortalError).outcome) throw e;
    // Offline with a place that outlives a reload: the session stays for the same file to resume.
    const keep = !abort && e instanceof NetworkError && !committing && run.rec.id && run.resumable;
    // Forgotten only once nothing is left; else the same file finds and finishes it later.
    const gone =
      !keep && (await cleanUp(http, run.rec, abort && committing ? run.commit : undefined, run.create));
    if (gone) await run.forget();
    if (abort && !(e instanceof AbortError)) throw aborted();
    // The session outlived the failure: an earlier call may have committed it.
    if (!gone) inDoubt(run, e);
    throw e;
  }
}

/** The remembered session when the server still has it (and how far it got), else a new one. */
async function openSession(run: Run): Promise<{ offset: number; chunk: number }> {
  const { rec, http } = run;
  let offset = 0;
  let chunk = run.o.chunkSize ?? 0;
  if (rec.id) {
    try {
      const s = await run.status();
      if (s.size === run.total) offset = s.offset;
      else rec.id = undefined;
      // Every byte is there: an earlier call may have committed it.
      run.earlier = !!rec.id && offset === run.total;
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      rec.id = undefined;
    }
    if (!rec.id) rec.create = uuid();
  }
  // Remembered before the first request, so that a lost answer can be replayed by its key.
  await run.remember();
  if (!rec.id) {
    const s = await run.create(run.signal);
    rec.id = s.id;
    // The caller's size first; else the server's hint, or more when this client's last upload
    // ended on larger chunks (never less: a small file says little about the connection).
    chunk ||= Math.max(s.chunkSize, http.chunk ?? 0);
    await run.remember();
  }
  return { offset, chunk: Math.min(Math.max(chunk || 8 * 1024 * 1024, MIN_CHUNK), MAX_CHUNK_SIZE) };
}

/** Sends the chunks from `offset` on, adapting their size; after a failure, asks how far the server got. */
async function sendAll(run: Run, offset: number, chunk: number): Promise<void> {
  const { http, file, total, signal, o } = run;
  run.report(offset);
  const maxRetries = o.maxRetries ?? http.maxRetries;
  let clean = true;
  for (let failures = 0; offset < total;) {
    const from = offset;
    // A short tail rides along with the chunk before it.
    const end = total - from - chunk < chunk / 2 && total - from <= MAX_CHUNK_SIZE ? total : from + chunk;
    const started = Date.now();
    try {
      offset = await sendChunk(http, run.rec.id!, file, from, end, o.timeoutMs ?? 30_000, signal, run.report);
      run.report(offset);
      failures = 0;
      // Aim at chunks of about TARGET_CHUNK_MS on this connection, growing at most fourfold.
      const rate = (end - from) / Math.max(1, Date.now() - started);
      chunk = Math.min(MAX_CHUNK_SIZE, chunk * 4, Math.max(MIN_CHUNK, Math.round(rate * TARGET_CHUNK_MS)));
    } catch (e) {
      if (signal?.aborted) throw aborted();
      // A failure makes this client cautious again: its next upload starts at the server's hint.
      clean = false;
      http.chunk = undefined;
      const conflict = e instanceof ConflictError ? e.code : '';
      const told = (e as ConflictError).problem?.offset;
      if (conflict === 'offset_mismatch' && typeof told === 'number' && failures++ < maxRetries) {
        offset = told;
        continue;
      }
      // Busy: another PATCH of this session (an earlier, stalled try of ours) is still writing.
      if ((!isTransient(e) && conflict !== 'upload_busy') || failures >= maxRetries) throw e;
      await sleep(http.delay(failures++, e), signal);
      if (conflict === 'upload_busy') continue;
      // The failed chunk may have landed in part or whole: ask how far the server got.
      chunk = Math.max(MIN_CHUNK, Math.floor(chunk / 4));
      offset = (await run.status()).offset;
    }
  }
  if (clean) http.chunk = chunk;
}

/**
 * Whether the write may have taken effect: this call's own tries said so, or an earlier call may
 * have sent the key and this call met no definite refusal. Says so on the error, with the key.
 */
function inDoubt(run: Run, e: unknown): boolean {
  if (!(e instanceof DocPortalError)) return false;
  const refused = e.status >= 400 && !isTransient(e);
  if (!e.outcome && run.earlier && !refused) {
    e.outcome = 'unknown';
    e.idempotencyKey = run.rec.commit;
  }
  return !!e.outcome;
}

/**
 * After an abort or when giving up: delete the session, so that nothing is left behind. Its id,
 * when the answer that named it was lost, comes from replaying its creation's key. Resolves to
 * something truthy when nothing is left.
 */
async function cleanUp(
  http: Http,
  rec: { id?: string },
  commit: (() => Promise<{ id: string }>) | undefined,
  create: () => Promise<{ id: string }>,
): Promise<unknown> {
  try {
    rec.id ??= (await create()).id;
    // Deleting the session first: if the commit has not been processed yet, it now never will be.
    return await http.call(deleteUpload, { params: { id: rec.id } });
  } catch (e) {
    // 409: the commit got there first. Replaying its key names the document, which then goes
    // (after an abort); when giving up, the document stays for a later call to replay.
    return e instanceof ConflictError && commit && undo(http, commit);
  }
}
