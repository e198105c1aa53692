/**
 * JSX types for React 19: `import type {} from '@docportal/widgets/react';` once (or list it in
 * `compilerOptions.types`) and the four tags type-check with their attributes, properties and
 * events. React 19 sets a prop as a property when the element has one (`client`, `token` as a
 * function, `value`) and listens to `on` + the event name as dispatched: `ondoc-uploaded`, not
 * `onDocUploaded` (which React would pass on as an unknown attribute).
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { DocPortalClient, ShareTarget, TokenSource } from '@docportal/core-sdk';
import type { DocFolderTree, DocProvider, DocUploader, SharePicker } from './index.js';
import type {
  DocFileRejectedEvent,
  DocUploadErrorEvent,
  DocUploadProgressEvent,
  DocUploadStartEvent,
  DocUploadedEvent,
} from './events/uploader-events.js';
import type {
  DocDocumentActivateEvent,
  DocDocumentChangeEvent,
  DocDownloadEvent,
  DocFolderSelectEvent,
  DocTypesChangeEvent,
} from './events/tree-events.js';

/** What every element takes from a provider or by itself. */
export interface ConnectionProps {
  'base-url'?: string;
  baseUrl?: string;
  token?: TokenSource;
  client?: DocPortalClient;
  scope?: string;
  locale?: 'de' | 'en' | (string & {});
}

type ElementProps<E extends HTMLElement, P, Events> = Omit<
  HTMLAttributes<E>,
  keyof P | 'onChange' | 'onInput'
> &
  RefAttributes<E> &
  P & { [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void };

export interface DocUploaderProps extends ConnectionProps {
  accept?: string;
  'max-size'?: number | string;
  maxSize?: number;
  'document-type'?: string;
  documentType?: string;
  single?: boolean;
  disabled?: boolean;
}
export interface DocUploaderEvents {
  'doc-file-rejected': DocFileRejectedEvent;
  'doc-upload-start': DocUploadStartEvent;
  'doc-upload-progress': DocUploadProgressEvent;
  'doc-uploaded': DocUploadedEvent;
  'doc-upload-error': DocUploadErrorEvent;
}

export interface SharePickerProps extends ConnectionProps {
  value?: ShareTarget[];
  name?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  label?: string;
}
export interface SharePickerEvents {
  input: Event;
  change: Event;
}

export interface DocFolderTreeProps extends ConnectionProps {
  mode?: 'browse' | 'manage' | 'admin';
  selected?: string;
}
export interface DocFolderTreeEvents {
  'doc-folder-select': DocFolderSelectEvent;
  'doc-document-activate': DocDocumentActivateEvent;
  'doc-download': DocDownloadEvent;
  'doc-document-change': DocDocumentChangeEvent;
  'doc-types-change': DocTypesChangeEvent;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'doc-provider': ElementProps<DocProvider, ConnectionProps, Record<never, never>>;
      'doc-uploader': ElementProps<DocUploader, DocUploaderProps, DocUploaderEvents>;
      'share-picker': ElementProps<SharePicker, SharePickerProps, SharePickerEvents>;
      'doc-folder-tree': ElementProps<DocFolderTree, DocFolderTreeProps, DocFolderTreeEvents>;
    }
  }
}
