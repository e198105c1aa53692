// The uploader's files and private state as its parts in the sibling files (upload queue, file list) read and write them.
import type { DocPortalClient, Document, DocumentType, Scope, ShareTarget } from '@docportal/core-sdk';
import type { LocalizeController } from '../../controllers/localize.js';
import type { DocBus } from '../../context/doc-context.js';
import type { KeptUpload } from './resume-offer.js';

export type Status = 'ready' | 'waiting' | 'uploading' | 'done' | 'error' | 'cancelled';

export interface Item {
  key: number;
  file: File;
  title: string;
  typeId: string;
  shares: ShareTarget[];
  status: Status;
  loaded: number;
  error?: unknown;
  doc?: Document;
  ctl?: AbortController;
  invalid?: { title?: boolean; type?: boolean };
  /** With several files: this one has its own type and recipients instead of the shared ones. */
  own?: boolean;
  /** With several files: its details (title, own choice) are open below its row. */
  edit?: boolean;
  /** An image's preview (an object URL, freed once the preview has loaded). */
  thumb?: string;
  /** Last progress step announced (quarters), so that screen readers are not flooded. */
  announcedQuarter?: number;
}

/** A refused file, shown as a notice until dismissed. */
export interface Rejection {
  key: number;
  name: string;
  message: string;
}

let keys = 0;

/** A new key for a file card or a refusal. */
export const nextKey = (): number => ++keys;

/**
 * The element as its parts see it: what they use of its public side, and its private and protected
 * members. TypeScript's `private` is per class; the element hands itself to its parts as this type
 * (`this as unknown as Uploader`), so that the moved code reads and writes the element's own fields
 * as it did inside the class, while they stay private to everyone else (and out of the typings and
 * custom-elements.json).
 */
export interface Uploader {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  focusAfterUpdate(selector: string): Promise<void>;
  $(selector: string): HTMLElement | null;
  readonly disabled: boolean;
  readonly parallelUploads: number;
  readonly single: boolean;
  readonly maxSize: number;
  readonly accept: string;
  readonly documentType: string | undefined;
  emit<E extends Event>(event: E): E;
  readonly api: DocPortalClient | undefined;
  /** The signed-in client, whose session the files are added in. */
  readonly identity: DocPortalClient | undefined;
  readonly scopeValue: Scope | undefined;
  readonly bus: DocBus;
  readonly i18n: LocalizeController;
  items: Item[];
  rejections: Rejection[];
  types: DocumentType[];
  published: Document[];
  told: number | undefined;
  busy: boolean;
  kept: KeptUpload[];
  batch: Item[];
  readonly open: Item[];
  readonly several: boolean;
  readonly lead: Item | undefined;
  announce(text: string): void;
  updateItem(item: Item, patch: Partial<Item>): void;
  setShared(patch: { typeId?: string; shares?: ShareTarget[] }): void;
  toggleOwn(item: Item): void;
  removeItem(item: Item): void;
}
