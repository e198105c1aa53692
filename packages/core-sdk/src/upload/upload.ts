import type { AxiosProgressEvent } from 'axios';
import { AbortError, ConflictError, DocPortalError, FileTooLargeError, NotFoundError, TimeoutError, UnsupportedFileTypeError, ValidationError } from '../errors.js';
import { defaultTitle } from '../files/names.js';
import { aborted, isTransient, parse, type Http, type RequestOptions } from '../internal/http.js';
import { randomKey } from '../internal/random-key.js';
import { formatScope, parseScope } from '../scope.js';
import type { Scope, ShareTarget } from '../schemas/common.js';
import { Document } from '../schemas/documents.js';
import { UploadSession, UploadStatus, MAX_CHUNK_SIZE } from '../schemas/uploads.js';
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
  /** Key of the commit, reused on every retry. @default a random 128-bit key */
  idempotencyKey?: string;
  /** First chunk size; later chunks adapt to the connection. @default the server's hint */
  chunkSize?: number;
  /** Remember the upload (localStorage) so that the same file resumes after a reload. @default true */
  resume?: boolean;
}

const MIN_CHUNK = 256 * 1024;
/** A chunk should take about this long; faster connections get larger chunks. */
const TARGET_CHUNK_MS = 3000;

/** localStorage when there is one (browsers) and a key (the caller wants to resume), else nothing; never throws. */
const memo = {
  get(key: string | false): { id: string } | undefined {
    try {
      const v = key && globalThis.localStorage?.getItem(key);
      return v ? JSON.parse(v) : undefined;
    } catch {
      return undefined;
    }
  },
  set(key: string | false, value: { id: string } | undefined) {
    try {
      if (!key) return;
      if (value) globalThis.localStorage?.setItem(key, JSON.stringify(value));
      else globalThis.localStorage?.removeItem(key);
    } catch {
      // Storage full or forbidden: the upload still works, it just cannot resume after a reload.
    }
  },
};

/**
 * The resumable upload: validate locally, open (or resume) a session, send chunks sliced from
 * the Blob with adaptive size, resync the offset after any failure, commit with an idempotency
 * key. An abort at any moment leaves nothing behind.
 */
export async function upload(http: Http, file: Blob, o: UploadOptions): Promise<Document> {
  const check = await validateFile(file);
  if (!check.ok) {
    const E = check.code === 'file_too_large' ? FileTooLargeError : check.code === 'empty_file' ? ValidationError : UnsupportedFileTypeError;
    throw new E(check.message, { code: check.code });
  }
  const name = (file as File).name || `file.${check.kind}`;
  const signal = o.signal;
  const total = file.size;
  // Without resuming, localStorage is left alone: no key.
  const key = o.resume !== false && `docportal:upload:${JSON.stringify([name, total, (file as File).lastModified ?? 0, formatScope(o.scope)])}`;
  let shown = -1;
  const report = (loaded: number) => {
    if (loaded <= shown) return;
    shown = loaded;
    o.onProgress?.({ loaded, total });
  };
  const status = async (id: string) => parse(UploadStatus, (await http.send({ method: 'GET', path: `/uploads/${encodeURIComponent(id)}` }, { signal })).data);

  // A session: the remembered one when the server still has it, else a new one.
  let id: string | undefined;
  let offset = 0;
  let chunk = o.chunkSize ?? 0;
  const saved = memo.get(key);
  if (saved) {
    try {
      const s = await status(saved.id);
      if (s.size === total) ({ id, offset } = s);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }
  if (!id) {
    const s = parse(UploadSession, (await http.send({ method: 'POST', path: '/uploads', body: { fileName: name, size: total, mimeType: file.type }, headers: { 'Idempotency-Key': randomKey() } }, { signal })).data);
    id = s.id;
    // The caller's size first; else the server's hint, or more when this client's last upload
    // ended on larger chunks (never less: a small file says little about the connection).
    chunk ||= Math.max(s.chunkSize, http.chunk ?? 0);
    memo.set(key, { id });
  }
  chunk = Math.min(Math.max(chunk || 8 * 1024 * 1024, MIN_CHUNK), MAX_CHUNK_SIZE);
  const path = `/uploads/${encodeURIComponent(id)}`;
  const commitKey = o.idempotencyKey ?? randomKey();
  const commitBody = {
    uploadId: id,
    title: o.title ?? defaultTitle(name),
    documentTypeId: o.documentTypeId,
    scope: parseScope(o.scope),
    shares: o.shares ?? [],
  };
  const commit = (s?: AbortSignal) => http.send({ method: 'POST', path: '/documents', body: commitBody, headers: { 'Idempotency-Key': commitKey } }, { signal: s, maxRetries: o.maxRetries });
  let committing = false;

  try {
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
        if (e instanceof ConflictError && e.code === 'offset_mismatch' && typeof e.problem?.offset === 'number' && failures++ < maxRetries) {
          offset = e.problem.offset;
          continue;
        }
        if (!isTransient(e) || failures >= maxRetries) throw e;
        await http.sleep(http.delay(failures++, e), signal);
        // The failed chunk may have landed in part or whole: ask how far the server got.
        chunk = Math.max(MIN_CHUNK, Math.floor(chunk / 4));
        offset = (await status(id)).offset;
      }
    }
    report(total);
    if (clean) http.chunk = chunk;
    if (signal?.aborted) throw aborted();
    // From here the commit may reach the server: an abort must find out and undo it.
    committing = true;
    const doc = parse(Document, (await commit(signal)).data);
    memo.set(key, undefined);
    return doc;
  } catch (e) {
    if (e instanceof AbortError || signal?.aborted) {
      await cleanUp(http, path, committing ? commit : undefined);
      memo.set(key, undefined);
      throw e instanceof AbortError ? e : aborted();
    }
    // Bad content cannot succeed later, and without localStorage nothing can resume: drop the
    // bytes. Otherwise the session stays for the same file to resume after a reload.
    if (e instanceof UnsupportedFileTypeError || !key || globalThis.localStorage === undefined) {
      await http.send({ method: 'DELETE', path }).catch(() => undefined);
      memo.set(key, undefined);
    }
    throw e;
  }
}

/** After an abort: delete what exists, so that nothing is left behind. */
async function cleanUp(http: Http, path: string, commit?: (s?: AbortSignal) => Promise<{ data: unknown }>) {
  try {
    // Deleting the session first: if the commit has not been processed yet, it now never will be.
    await http.send({ method: 'DELETE', path });
  } catch (e) {
    // 409: the commit got there first. Replaying its key names the document, which then goes.
    if (!(e instanceof ConflictError) || !commit) return;
    try {
      const docId = ((await commit()).data as { id?: string }).id;
      if (docId) await http.send({ method: 'DELETE', path: `/documents/${encodeURIComponent(docId)}` });
    } catch {
      // Best effort; the caller still gets its AbortError.
    }
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
    const next = Number(res.headers['upload-offset']);
    if (!Number.isInteger(next)) throw new DocPortalError('The server did not say how far the upload got.', { code: 'invalid_response', status: res.status });
    return next;
  } catch (e) {
    if (idle && !signal?.aborted) throw new TimeoutError('The upload stalled.', { code: 'timeout', cause: e });
    throw e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
