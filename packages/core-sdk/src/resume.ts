/**
 * `@docportal/core-sdk/resume`: a resume store in IndexedDB that keeps the file's bytes and the
 * upload's title, type, scope and shares, so that an upload interrupted by a reload or a crash
 * can be offered again without choosing the file. Opt in with `createClient({ resumeStore })`.
 * A separate entry point: the default client does not carry it.
 */
import type { DocPortalClient } from './client.js';
import type { Scope } from './schemas/common.js';
import { formatScope } from './scope.js';
import type { ResumeRecord, ResumeStore } from './upload/resume.js';
import { fingerprints } from './upload/resume.js';

export type { ResumeRecord, ResumeStore } from './upload/resume.js';

/** An unfinished upload as the store keeps it. */
export interface StoredUpload extends ResumeRecord {
  /** The store's key (file name, size, `lastModified`, scope). */
  key: string;
  /** When it was last written (ms since the epoch). */
  savedAt: number;
}

export interface IndexedDbResumeStore extends ResumeStore {
  /** The unfinished uploads that kept their file, of one scope (all without one), oldest first. */
  list(scope?: Scope | string): Promise<StoredUpload[]>;
  /** Drops an unfinished upload: its session on the server, then the kept file. */
  discard(upload: StoredUpload, client: DocPortalClient): Promise<void>;
}

const STORE = 'uploads';

/**
 * Keeps unfinished uploads in the IndexedDB database `name`. When IndexedDB is missing or
 * refuses (private browsing, quota), it falls back to the session id in localStorage: the
 * upload still resumes when the same file is chosen again, only the offer is lost.
 */
export function indexedDbResumeStore(name = 'docportal-uploads'): IndexedDbResumeStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }));
  /** One request in its own transaction; resolves when the transaction is done. */
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode);
    const req = op(tx.objectStore(STORE));
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error ?? req.error);
    });
  };

  const store: IndexedDbResumeStore = {
    async get(key) {
      if (!key) return undefined;
      try {
        const found = await run<StoredUpload | undefined>('readonly', (s) => s.get(key));
        if (found) return found;
      } catch {
        // No IndexedDB here: the fingerprint may still know the session.
      }
      return fingerprints.get(key);
    },
    async set(key, value) {
      if (!key) return;
      try {
        await run<unknown>('readwrite', (s): IDBRequest =>
          value ? s.put({ ...value, key, savedAt: Date.now() } satisfies StoredUpload) : s.delete(key),
        );
        // Kept whole: a fingerprint left from a fallback would be stale.
        fingerprints.set(key, undefined);
      } catch {
        // Quota or private browsing: keep the session id at least.
        fingerprints.set(key, value);
      }
    },
    async list(scope) {
      try {
        const all = await run<StoredUpload[]>('readonly', (s) => s.getAll());
        const wanted = scope === undefined ? undefined : formatScope(scope);
        return all
          .filter((u) => u.file && u.id && (!wanted || (u.scope && formatScope(u.scope) === wanted)))
          .sort((a, b) => a.savedAt - b.savedAt);
      } catch {
        return [];
      }
    },
    async discard(upload, client) {
      if (upload.id) await client.documents.discardUpload(upload.id).catch(() => undefined);
      await store.set(upload.key, undefined);
    },
  };
  return store;
}
