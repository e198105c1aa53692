import { DocFolderTree } from './doc-folder-tree.component.js';

DocFolderTree.define('doc-folder-tree');

declare global {
  interface HTMLElementTagNameMap {
    'doc-folder-tree': DocFolderTree;
  }
}

export { DocFolderTree };
