// The tree's private state and helpers as its parts in the sibling files (editor, folder tools, keys, row) read and write them.
import type { DocPortalClient, Document, DocumentType, Scope, ShareTarget } from '@docportal/core-sdk';
import type { Latest } from '../../controllers/latest.js';
import type { LocalizeController } from '../../controllers/localize.js';
import type { DocBus } from '../../context/doc-context.js';
import type { Folder, Row } from './doc-folder-tree.rows.js';

/** The document open for editing (manage), with the edits so far. */
export interface Editing {
  doc: Document;
  title: string;
  typeId: string;
  shares: ShareTarget[];
  confirming: boolean;
  busy: boolean;
  error?: unknown;
  downloads?: string[];
}

/** Admin: the name form of a new or renamed folder. */
export interface FolderForm {
  id?: string;
  parentId: string | null;
  name: string;
}

/** Admin, while dragging a folder: the row under the pointer and where the folder would go. */
export interface DropAt {
  id: string;
  where: 'before' | 'after' | 'into';
}

/**
 * The element as its parts see it: what they use of its public side, and its private and protected
 * members. TypeScript's `private` is per class; the element hands itself to its parts as this type
 * (`this as unknown as Tree`), so that the moved code reads and writes the element's own fields as
 * it did inside the class, while they stay private to everyone else (and out of the typings and
 * custom-elements.json).
 */
export interface Tree {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  focusAfterUpdate(selector: string): Promise<void>;
  readonly headingLevel: number;
  readonly mode: 'browse' | 'manage' | 'admin';
  selected?: string;
  emit<E extends Event>(event: E): E;
  readonly api: DocPortalClient | undefined;
  readonly identity: DocPortalClient | undefined;
  readonly scopeValue: Scope | undefined;
  readonly bus: DocBus;
  readonly i18n: LocalizeController;
  types: DocumentType[];
  expanded: Set<string>;
  folders: Map<string, Folder>;
  active: number;
  /** Loaded for `loadedFor` (scope and mode); the last failure. */
  loaded: boolean;
  loadedFor: string;
  /** The loads in flight: the folders (slot ''), and each folder's documents (slot: its id). */
  readonly loads: Latest;
  /** The changes of the folders asked so far, made one after the other (doc-folder-tree.admin.ts). */
  writes: Promise<unknown>;
  error?: unknown;
  /** The rows rendered last. */
  readonly window: { start: number; end: number };
  liveText: string;
  folderForm?: FolderForm;
  refusal?: unknown;
  confirmingFolder?: string;
  dropAt?: DropAt;
  editing?: Editing;
  readonly rows: Row[];
  focusRow(index: number): void;
  setActive(index: number): void;
  toggle(t: DocumentType, open?: boolean): void;
  activate(row: Row): Promise<void>;
}
