// Importing the package registers every element.
export { DocProvider } from './components/doc-provider/doc-provider.define.js';
export { SharePicker } from './components/share-picker/share-picker.define.js';
export { DocUploader } from './components/doc-uploader/doc-uploader.define.js';
export { DocFolderTree } from './components/doc-folder-tree/doc-folder-tree.define.js';
export { DocBus, docContext, type DocContext } from './context/doc-context.js';
export * from './events/uploader-events.js';
export * from './events/tree-events.js';
export * from './events/auth-events.js';
export type { Translation } from './i18n/de.js';
