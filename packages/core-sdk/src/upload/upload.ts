import type { AxiosProgressEvent } from 'axios';
import * as z from 'zod/mini';
import { AbortError, ConflictError, DocPortalError, FileTooLargeError, NetworkError, NotFoundError, TimeoutError, UnsupportedFileTypeError, ValidationError } from '../errors.js';
import { defaultTitle } from '../files/names.js';
import { aborted, enc, fieldErrors, isTransient, parse, sleep, uuid, type Http, type RequestOptions } from '../internal/http.js';
import { formatScope, parseScope } from '../scope.js';
import type { Scope, ShareTarget } from '../schemas/common.js';
import { Document, DocumentMetadata } from '../schemas/documents.js';
import { UploadSession, UploadStatus, MAX_CHUNK_SIZE } from '../schemas/uploads.js';
import { direct, undo } from './direct.js';
import type { ResumeRecord, ResumeStore } from './resume.js';
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

/** Where there is no localStorage (Node), resume records last as long as the process. */
const inMemory: Record<string, ResumeRecord | undefined> = {};

/**
 * The default resume store: the session and the keys of its creation and commit (never the
 * file), in localStorage when there is one, as it outlives a reload; never throws.
 */
export const fingerprints: ResumeStore = {
  get(key) {
    try {
      const ls = globalThis.localStorage;
      return !key ? undefined : ls ? JSON.parse(ls.getItem(key)!) ?? undefined : inMemory[key];
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      const ls = globalThis.localStorage;
      if (!key) return;
      const v = value && { id: value.id, create: value.create, commit: value.commit };
      if (ls) v ? ls.setItem(key, JSON.stringify(v)) : ls.removeItem(key);
      else inMemory[key] = v;
    } catch {
      // Storage full or forbidden: the upload still works, it just cannot resume after a reload.
    }
  },
};

/**
 * The resumable upload: validate locally, open (or resume) a session, send chunks sliced from
 * the Blob with adaptive size, resync the offset after any failure, commit with an idempotency
 * key. An abort at any moment leaves nothing behind; so does giving up, unless the commit may
 * have taken effect (then a later call for the same file replays its key).
 */
export async function upload(http: Http, file: Blob, o: UploadOptions): Promise<Document> {
  const signal = o.signal;
  if (signal?.aborted) throw aborted();
  const check = await validateFile(file);
  if (!check.ok) {
    const E = check.code === 'file_too_large' ? FileTooLargeError : check.code === 'empty_file' ? ValidationError : UnsupportedFileTypeError;
    throw new E(check.message, { code: check.code });
  }
  const name = (file as File).name || `file.${check.kind}`;
  const total = file.size;
  // Without resuming, nothing is remembered: no key.
  const key = o.resume !== false && `docportal:upload:${JSON.stringify([name, total, (file as File).lastModified ?? 0, formatScope(o.scope)])}`;
  // A resumed upload keeps the keys it started with.
  const store = http.options.resumeStore ?? fingerprints;
  const saved = await store.get(key);
  const rec = { id: saved?.id, create: saved?.create ?? uuid(), commit: saved?.commit ?? o.idempotencyKey ?? uuid() };
  let shown = -1;
  const report = (loaded: number) => {
    if (loaded <= shown) return;
    shown = loaded;
    o.onProgress?.({ loaded, total });
  };
  const status = () => http.json(UploadStatus, { method: 'GET', path: `/uploads/${enc(rec.id!)}` }, { signal });
  const commitBody = {
    title: o.title ?? defaultTitle(name),
    documentTypeId: o.documentTypeId,
    scope: parseScope(o.scope),
    shares: o.shares ?? [],
  };
  // The form is checked before any byte goes out, as the server would check it at the commit.
  const form = z.safeParse(DocumentMetadata, commitBody);
  if (!form.success) {
    const errors = fieldErrors(form.error);
    const title = `The document's details are not valid (${errors.map((e) => e.path).join(', ')}).`;
    throw new ValidationError(title, { code: 'validation_failed', problem: { type: 'about:blank', title, status: 422, code: 'validation_failed', errors } });
  }
  const create = (s?: AbortSignal) => http.json(UploadSession, { method: 'POST', path: '/uploads', body: { fileName: name, size: total, mimeType: file.type, ...commitBody } }, { signal: s, idempotencyKey: rec.create });
  const commit = (s?: AbortSignal) => http.json(Document, { method: 'POST', path: '/documents', body: { uploadId: rec.id, ...commitBody } }, { signal: s, maxRetries: o.maxRetries, idempotencyKey: rec.commit });

  // Remembered with what it needs to go on (a store may keep the file too, to offer it again).
  const remember = () => store.set(key, { ...rec, file, ...commitBody });
  const forget = () => store.set(key, undefined);

  // Small files in one request (direct.ts), unless the caller asks for chunks or a session can
  // resume. Remembered first, so that a later call for the same file replays the key.
  if (!o.chunkSize && !rec.id) {
    await remember();
    const post = (path: string, body: object) => (s?: AbortSignal) =>
      http.send({ method: 'POST', path, body, onUploadProgress: (e: AxiosProgressEvent) => report(Math.min(e.loaded, total - 1)) }, { signal: s, maxRetries: o.maxRetries, idempotencyKey: rec.commit });
    const doc = await direct(http, file, name, commitBody, post, signal).catch(async (e: unknown) => {
      if (signal?.aborted || !(e as DocPortalError).outcome) await forget();
      throw e;
    });
    if (doc) return report(total), await forget(), doc;
  }

  let offset = 0;
  let chunk = o.chunkSize ?? 0;
  let committing = false;
  try {
    // The remembered session when the server still has it, else a new one.
    if (rec.id) {
      try {
        const s = await status();
        if (s.size === total) offset = s.offset;
        else rec.id = undefined;
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        rec.id = undefined;
      }
      if (!rec.id) rec.create = uuid();
    }
    // Remembered before the first request, so that a lost answer can be replayed by its key.
    await remember();
    if (!rec.id) {
      const s = await create(signal);
      rec.id = s.id;
      // The caller's size first; else the server's hint, or more when this client's last upload
      // ended on larger chunks (never less: a small file says little about the connection).
      chunk ||= Math.max(s.chunkSize, http.chunk ?? 0);
      await remember();
    }
    chunk = Math.min(Math.max(chunk || 8 * 1024 * 1024, MIN_CHUNK), MAX_CHUNK_SIZE);
    const path = `/uploads/${enc(rec.id)}`;
    report(offset);
    const maxRetries = o.maxRetries ?? http.maxRetries;
    let clean = true;
    for (let failures = 0; offset < total; ) {
      const from = offset;
      // A short tail rides along with the chunk before it.
      const end = total - from - chunk < chunk / 2 && total - from <= MAX_CHUNK_SIZE ? total : from + chunk;
      const started = Date.now();
      try {
        offset = await sendChunk(http, path, file, from, end, o.timeoutMs ?? 30_000, signal, report);
        report(offset);
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
        if (conflict === 'offset_mismatch' && typeof (e as ConflictError).problem?.offset === 'number' && failures++ < maxRetries) {
          offset = (e as ConflictError).problem!.offset!;
          continue;
        }
        // Busy: another PATCH of this session (an earlier, stalled try of ours) is still writing.
        if ((!isTransient(e) && conflict !== 'upload_busy') || failures >= maxRetries) throw e;
        await sleep(http.delay(failures++, e), signal);
        if (conflict === 'upload_busy') continue;
        // The failed chunk may have landed in part or whole: ask how far the server got.
        chunk = Math.max(MIN_CHUNK, Math.floor(chunk / 4));
        offset = (await status()).offset;
      }
    }
    if (clean) http.chunk = chunk;
    // From here the commit may reach the server: an abort must find out and undo it.
    committing = true;
    const doc = await commit(signal);
    await forget();
    return doc;
  } catch (e) {
    const abort = signal?.aborted;
    // The commit may have taken effect: keep the record, so that the same file replays its key.
    if (!abort && committing && (e as DocPortalError).outcome) throw e;
    // Offline with a place that outlives a reload: the session stays for the same file to resume.
    if (abort || !(e instanceof NetworkError && !committing && rec.id && key && (http.options.resumeStore || globalThis.localStorage))) {
      // Forgotten only once nothing is left; else the same file finds and finishes it later.
      if (await cleanUp(http, rec, abort && committing ? commit : undefined, create)) await forget();
    }
    throw abort ? (e instanceof AbortError ? e : aborted()) : e;
  }
}

/**
 * After an abort or when giving up: delete the session, so that nothing is left behind. Its id,
 * when the answer that named it was lost, comes from replaying its creation's key. Resolves to
 * something truthy when nothing is left.
 */
async function cleanUp(http: Http, rec: { id?: string }, commit: (() => Promise<{ id: string }>) | undefined, create: () => Promise<{ id: string }>): Promise<unknown> {
  try {
    rec.id ??= (await create()).id;
    // Deleting the session first: if the commit has not been processed yet, it now never will be.
    return await http.send({ method: 'DELETE', path: `/uploads/${enc(rec.id)}` });
  } catch (e) {
    // 409: the commit got there first. Replaying its key names the document, which then goes
    // (after an abort); when giving up, the document stays for a later call to replay.
    return e instanceof ConflictError && commit && undo(http, commit);
  }
}

/** Sends bytes [from, to) at `from`; resolves the server's new offset. Aborts when no progress for `idleMs`. */
async function sendChunk(http: Http, path: string, file: Blob, from: number, to: number, idleMs: number, signal: AbortSignal | undefined, progress: (loaded: number) => void): Promise<number> {
  if (signal?.aborted) throw aborted();
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  signal?.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle = false;
  const arm = () => {
    clearTimeout(timer);
    if (idleMs > 0)
      timer = setTimeout(() => {
        idle = true;
        ctl.abort();
      }, idleMs);
  };
  arm();
  try {
    const res = await http.once(
      {
        method: 'PATCH',
        path,
        // The slice carries the content type: axios and XHR take a Blob's own type over a header.
        body: file.slice(from, to, 'application/offset+octet-stream'),
        headers: { 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' },
        // Through fetch (the `fetch` option) a progress listener would need request streams,
        // which browsers allow over HTTP/2 only: progress then comes per chunk.
        onUploadProgress: http.options.fetch
          ? undefined
          : (e: AxiosProgressEvent) => {
              arm();
              progress(from + Math.min(e.loaded, to - from));
            },
      },
      { signal: ctl.signal, timeoutMs: 0 },
    );
    // Upload-Offset: how far the upload got; its absence breaks the contract.
    return parse(z.int(), Number(res.headers['upload-offset']), res.status);
  } catch (e) {
    if (idle && !signal?.aborted) throw new TimeoutError('The upload stalled.', { code: 'timeout', cause: e });
    throw e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
