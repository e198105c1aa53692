import type { CreateUpload, UploadStatus } from '@docportal/core-sdk';
import { MAX_CHUNK_SIZE, MAX_FILE_SIZE } from '@docportal/core-sdk/contract';
import { cleanFileName, kindOfMimeType, kindOfName } from '@docportal/core-sdk/internal';
import { streamSource, type BodySource, type Sha256 } from './bytes.js';
import { ApiError, invalid, notFound } from './errors.js';
import type { UploadRec } from './model.js';

/** How long a session lives. */
export const UPLOAD_TTL_MS = 24 * 3_600_000;
/** The chunk size suggested to clients. */
const CHUNK_HINT = 16 * 1024 * 1024;

const tooBig = () =>
  new ApiError('file_too_large', `One PATCH body may carry at most ${MAX_CHUNK_SIZE} bytes.`);
const pastSize = (u: UploadRec) =>
  invalid('body', `the bytes would reach past the declared size of ${u.size}`);
const committedMeanwhile = () => new ApiError('conflict', 'The upload was committed or deleted meanwhile.');

/** The file name, cleaned, if the declared size, name and type are acceptable (413, 415 otherwise). */
function checkedFileName(body: CreateUpload): string {
  const fileName = cleanFileName(body.fileName);
  if (body.size > MAX_FILE_SIZE) {
    const size = body.size > 1e15 ? 'more than 10^15' : body.size;
    throw new ApiError(
      'file_too_large',
      `The file has ${size} bytes; at most ${MAX_FILE_SIZE} (50 MiB) are accepted.`,
    );
  }
  const byName = kindOfName(fileName);
  if (!byName)
    throw new ApiError(
      'unsupported_file_type',
      `"${fileName}" is not a PDF, Word (.doc, .docx), JPEG or PNG file.`,
    );
  const declared = kindOfMimeType(body.mimeType);
  if (declared === null)
    throw new ApiError(
      'unsupported_file_type',
      `The declared type "${body.mimeType}" is not PDF, Word, JPEG or PNG.`,
    );
  if (declared !== 'unknown' && declared !== byName) {
    const message = `The declared type "${body.mimeType}" does not match the name "${fileName}".`;
    throw new ApiError('unsupported_file_type', message);
  }
  return fileName;
}

/** The bytes of one PATCH body, checked and hashed as they arrived, not yet part of the upload. */
interface Staged {
  pieces: Uint8Array[];
  hash: Sha256;
  length: number;
  /** The body stopped arriving; what came before the stall counts. */
  stalled: boolean;
}

/**
 * Resumable upload sessions: opened with a declared name, type and size, filled by PATCH bodies
 * at the right offset (all or nothing per body), and expiring with their bytes after 24 hours.
 */
export class UploadSessions {
  private readonly sessions = new Map<string, UploadRec>();

  constructor(
    private readonly now: () => number,
    private readonly newSha256: () => Sha256,
  ) {}

  /**
   * Opens a session. `checkPlannedDocument` refuses the document to be (when the request names
   * it) now rather than after the bytes.
   */
  open(body: CreateUpload, checkPlannedDocument: () => void): UploadRec {
    this.sweep();
    const fileName = checkedFileName(body);
    checkPlannedDocument();
    const now = this.now();
    const upload: UploadRec = {
      id: crypto.randomUUID(),
      fileName,
      mimeType: body.mimeType,
      size: body.size,
      offset: 0,
      chunks: [],
      hash: this.newSha256(),
      writing: false,
      createdAt: now,
      expiresAt: now + UPLOAD_TTL_MS,
      committed: false,
    };
    this.sessions.set(upload.id, upload);
    return upload;
  }

  /** The chunk size to suggest for a session. */
  chunkSizeFor(upload: UploadRec): number {
    return Math.min(CHUNK_HINT, upload.size);
  }

  /** A session as it is held, not purging expired ones first (a commit looks it up so). */
  peek(id: string): UploadRec | undefined {
    return this.sessions.get(id);
  }

  /** A live session, or 404 (expired sessions are purged first). */
  get(id: string): UploadRec {
    this.sweep();
    const upload = this.sessions.get(id);
    if (!upload) throw notFound('The upload');
    return upload;
  }

  status(id: string): Omit<UploadStatus, 'expiresAt'> & { expiresAt: number } {
    const upload = this.get(id);
    return { id: upload.id, offset: upload.offset, size: upload.size, expiresAt: upload.expiresAt };
  }

  /**
   * Streams a PATCH body into the upload at `offset`; answers the new offset. All or nothing: a
   * body that breaks off or runs past the size leaves the upload as it was. `length` is the
   * declared Content-Length, checked before reading when there is one.
   */
  async append(
    id: string,
    offset: number,
    body: BodySource | ReadableStream<Uint8Array> | null,
    length?: number,
  ): Promise<number> {
    if (length !== undefined && length > MAX_CHUNK_SIZE) throw tooBig();
    const upload = this.get(id);
    this.checkAppendable(upload, offset, length);
    upload.writing = true;
    let staged: Staged;
    try {
      staged = await this.stage(upload, offset, body);
    } finally {
      upload.writing = false;
    }
    if (upload.committed || this.sessions.get(id) !== upload) throw committedMeanwhile();
    upload.chunks.push(...staged.pieces);
    upload.offset += staged.length;
    upload.hash = staged.hash;
    if (staged.stalled)
      throw new ApiError(
        'bad_request',
        `The body stopped arriving; the upload kept ${staged.length} of its bytes.`,
      );
    return upload.offset;
  }

  /** Deletes an uncommitted session with its bytes. */
  delete(id: string): void {
    const upload = this.get(id);
    if (upload.committed)
      throw new ApiError('conflict', 'The upload has been committed; delete the document instead.');
    this.sessions.delete(id);
  }

  /** Sessions not yet committed. */
  openCount(): number {
    this.sweep();
    let open = 0;
    for (const upload of this.sessions.values()) if (!upload.committed) open++;
    return open;
  }

  /** Purges expired sessions with their bytes. */
  sweep(): void {
    const now = this.now();
    for (const [id, upload] of this.sessions) if (upload.expiresAt <= now) this.sessions.delete(id);
  }

  /** The refusals before reading, in API.md's order: 422 past the size, then 409s. */
  private checkAppendable(upload: UploadRec, offset: number, length: number | undefined): void {
    if (length !== undefined && offset + length > upload.size) throw pastSize(upload);
    if (upload.committed) throw new ApiError('conflict', 'The upload has already been committed.');
    if (upload.writing) {
      const message = 'Another PATCH is still writing this upload; try again shortly.';
      throw new ApiError('upload_busy', message, { headers: { 'Retry-After': '1' } });
    }
    if (offset !== upload.offset)
      throw new ApiError('offset_mismatch', `The upload is at offset ${upload.offset}, not ${offset}.`, {
        offset: upload.offset,
      });
  }

  /** Reads a body, checking, hashing and keeping each piece as it arrives. */
  private async stage(
    upload: UploadRec,
    offset: number,
    body: BodySource | ReadableStream<Uint8Array> | null,
  ): Promise<Staged> {
    const staged: Staged = { pieces: [], hash: upload.hash.copy(), length: 0, stalled: false };
    let refusal: ApiError | undefined;
    const read = typeof body === 'function' ? body : streamSource(body);
    try {
      await read((piece) => {
        staged.length += piece.byteLength;
        if (staged.length > MAX_CHUNK_SIZE) throw (refusal = tooBig());
        if (offset + staged.length > upload.size) throw (refusal = pastSize(upload));
        staged.pieces.push(piece);
        staged.hash.update(piece);
      });
    } catch (error) {
      if (refusal) throw refusal;
      staged.stalled = (error as { stalled?: boolean }).stalled === true;
      if (!staged.stalled) throw new ApiError('bad_request', 'The body broke off before its end.');
    }
    return staged;
  }
}
