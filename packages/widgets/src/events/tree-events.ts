import type { Document, DocumentType } from '@docportal/core-sdk';
import { DocEvent } from './uploader-events.js';

/** A folder (document type) was selected. */
export class DocFolderSelectEvent extends DocEvent<{ documentType: DocumentType }> {
  constructor(detail: { documentType: DocumentType }) {
    super('doc-folder-select', detail);
  }
}
/** A document was activated (Enter, double click). */
export class DocDocumentActivateEvent extends DocEvent<{ document: Document }> {
  constructor(detail: { document: Document }) {
    super('doc-document-activate', detail);
  }
}
/** A document was downloaded (browse mode). */
export class DocDownloadEvent extends DocEvent<{ document: Document }> {
  constructor(detail: { document: Document }) {
    super('doc-download', detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'doc-folder-select': DocFolderSelectEvent;
    'doc-document-activate': DocDocumentActivateEvent;
    'doc-download': DocDownloadEvent;
  }
}

/** A document was changed or deleted (manage); `deleted` tells which. */
export class DocDocumentChangeEvent extends DocEvent<{ document: Document; deleted: boolean }> {
  constructor(detail: { document: Document; deleted: boolean }) {
    super('doc-document-change', detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'doc-document-change': DocDocumentChangeEvent;
  }
}

/** The folders (document types) were changed (admin). */
export class DocTypesChangeEvent extends DocEvent<Record<string, never>> {
  constructor() {
    super('doc-types-change', {});
  }
}

declare global {
  interface HTMLElementEventMap {
    'doc-types-change': DocTypesChangeEvent;
  }
}
