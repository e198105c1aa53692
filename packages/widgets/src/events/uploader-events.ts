import type { Document } from '@docportal/core-sdk';

/** Base of the docportal events: bubbles and crosses shadow roots; `detail` is typed. */
export class DocEvent<T> extends Event {
  constructor(
    type: string,
    readonly detail: T,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

/** A file was refused before anything was sent; `code` says why (`unsupported_file_type`, `file_too_large`, `empty_file`, `too_many_files`, `unreadable_file`). */
export class DocFileRejectedEvent extends DocEvent<{ file: File; code: string }> {
  constructor(detail: { file: File; code: string }) {
    super('doc-file-rejected', detail);
  }
}
/** A file starts uploading. */
export class DocUploadStartEvent extends DocEvent<{ file: File }> {
  constructor(detail: { file: File }) {
    super('doc-upload-start', detail);
  }
}
/** Bytes of a file went out (never backwards). */
export class DocUploadProgressEvent extends DocEvent<{ file: File; loaded: number; total: number }> {
  constructor(detail: { file: File; loaded: number; total: number }) {
    super('doc-upload-progress', detail);
  }
}
/** A document was published. */
export class DocUploadedEvent extends DocEvent<{ document: Document }> {
  constructor(detail: { document: Document }) {
    super('doc-uploaded', detail);
  }
}
/** An upload failed or was cancelled; `error` is a DocPortalError. */
export class DocUploadErrorEvent extends DocEvent<{ file: File; error: unknown }> {
  constructor(detail: { file: File; error: unknown }) {
    super('doc-upload-error', detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'doc-file-rejected': DocFileRejectedEvent;
    'doc-upload-start': DocUploadStartEvent;
    'doc-upload-progress': DocUploadProgressEvent;
    'doc-uploaded': DocUploadedEvent;
    'doc-upload-error': DocUploadErrorEvent;
  }
}
