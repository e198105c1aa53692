export * from './schemas/index.js';
export { parseScope, formatScope } from './scope.js';
export { FILE_KINDS, ACCEPT, kindOfName, kindOfMimeType, type FileKind, type FileKindInfo } from './files/kinds.js';
export { sniff, bytesSource, blobSource, type ByteSource } from './files/sniff.js';
export { cleanFileName, defaultTitle } from './files/names.js';
