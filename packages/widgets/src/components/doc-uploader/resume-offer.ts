import { html, nothing } from 'lit';
import type { DocPortalClient, ResumeRecord, ResumeStore, Scope } from '@docportal/core-sdk';
import type { Translation } from '../../i18n/de.js';

/** An unfinished upload a store kept with its file (`@docportal/core-sdk/resume`). */
export type KeptUpload = ResumeRecord & { key: string; file: Blob };

/** A resume store that can list and discard what it kept: the IndexedDB one of `@docportal/core-sdk/resume`. */
interface ListingStore extends ResumeStore {
  list(scope?: Scope | string): Promise<KeptUpload[]>;
  discard(u: KeptUpload, client: DocPortalClient): Promise<void>;
}

const listing = (client?: DocPortalClient): ListingStore | undefined => {
  const s = client?.resumeStore as Partial<ListingStore> | undefined;
  return typeof s?.list === 'function' && typeof s.discard === 'function' ? (s as ListingStore) : undefined;
};

const sameFile = (a: Blob, b: Blob) =>
  a.size === b.size &&
  (a as File).name === (b as File).name &&
  (a as File).lastModified === (b as File).lastModified;

/** The unfinished uploads of `scope` the client's store kept, except files already in `busy`. */
export async function keptUploads(
  client: DocPortalClient | undefined,
  scope: Scope,
  busy: Blob[],
): Promise<KeptUpload[]> {
  const store = listing(client);
  if (!store) return [];
  return (await store.list(scope)).filter((u) => !busy.some((f) => sameFile(f, u.file)));
}

/** Deletes each upload's session and kept bytes. */
export async function discardKept(client: DocPortalClient, kept: KeptUpload[]): Promise<void> {
  const store = listing(client);
  for (const u of kept) await store?.discard(u, client);
}

/** "2 Uploads nicht abgeschlossen — fortsetzen / verwerfen", or nothing. */
export function renderResumeOffer(
  kept: KeptUpload[],
  t: Pick<Translation['uploader'], 'resumeOffer' | 'resumeAll' | 'discardAll'>,
  resume: () => void,
  discard: () => void,
) {
  if (!kept.length) return nothing;
  return html`<div
    class="notice resume-offer"
    part="resume-offer"
    role="group"
    aria-labelledby="resume-offer-text"
  >
    <p class="grow" id="resume-offer-text"><strong>${t.resumeOffer(kept.length)}</strong></p>
    <button type="button" class="btn" aria-describedby="resume-offer-text" @click=${resume}>
      ${t.resumeAll}
    </button>
    <button type="button" class="btn" aria-describedby="resume-offer-text" @click=${discard}>
      ${t.discardAll}
    </button>
  </div>`;
}
