import type { Scope, ShareTarget } from '../schemas/common.js';

/** What a resume store keeps of an unfinished upload: its session, and what it needs to go on. */
export interface ResumeRecord {
  /** The upload session, once the server named it. */
  id?: string;
  /** The idempotency keys of the session's creation and of the commit, replayed by a later call. */
  create?: string;
  commit?: string;
  /** The file; a store may keep it (to resume without choosing it again) or drop it. */
  file?: Blob;
  title?: string;
  documentTypeId?: string;
  scope?: Scope;
  shares?: ShareTarget[];
}

/**
 * Where `documents.upload` remembers unfinished uploads, by a key made of the file's name, size,
 * `lastModified` and scope (`false`: the caller does not want to resume). The default keeps
 * the session id in localStorage; `@docportal/core-sdk/resume` has one in IndexedDB that keeps
 * the file and its metadata too. Neither method may throw.
 */
export interface ResumeStore {
  get(key: string | false): ResumeRecord | undefined | Promise<ResumeRecord | undefined>;
  set(key: string | false, value: ResumeRecord | undefined): void | Promise<void>;
}

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
      if (!key) return undefined;
      return ls ? (JSON.parse(ls.getItem(key)!) ?? undefined) : inMemory[key];
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      const ls = globalThis.localStorage;
      if (!key) return;
      const v = value && { id: value.id, create: value.create, commit: value.commit };
      if (!ls) inMemory[key] = v;
      else if (v) ls.setItem(key, JSON.stringify(v));
      else ls.removeItem(key);
    } catch {
      // Storage full or forbidden: the upload still works, it just cannot resume after a reload.
    }
  },
};
