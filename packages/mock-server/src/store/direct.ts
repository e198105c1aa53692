import type { Document, DocumentMetadata } from '@docportal/core-sdk';
import { invalid } from './errors.js';
import type { MockStore, Principal } from './store.js';

/** The file part of `POST /documents/upload`, read whole (it is at most the upload limit). */
export interface DirectFile {
  fileName: string;
  /** The part's declared type; `''` when it has none. */
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * One request's upload and commit, through the very steps of the resumable path (open a
 * session, append the bytes, commit), so that both refuse alike: name and declared type (415),
 * size (413), the commit's ids and targets (422), the sniffed content (415). A refusal at any
 * step drops the session: nothing is stored. Idempotency wraps the whole (MockStore.uploadDocument).
 */
export async function uploadDirect(
  store: MockStore,
  p: Principal,
  file: DirectFile,
  meta: DocumentMetadata & { title: string },
): Promise<Document> {
  if (!file.fileName) throw invalid('file', 'the file part needs a file name');
  if (file.bytes.byteLength === 0) throw invalid('file', 'must be at least 1 byte');
  const session = await store.createUpload(p, {
    fileName: file.fileName,
    size: file.bytes.byteLength,
    mimeType: file.mimeType,
  });
  try {
    await store.appendUpload(session.id, 0, async (write) => write(file.bytes), file.bytes.byteLength);
    return await store.createDocument(p, { ...meta, uploadId: session.id });
  } catch (e) {
    try {
      store.deleteUpload(session.id);
    } catch {
      // Committed after all, or gone already.
    }
    throw e;
  }
}
