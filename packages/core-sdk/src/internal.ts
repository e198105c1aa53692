/**
 * `@docportal/core-sdk/internal`: helpers that docportal's own packages share (the mock server
 * checks and cleans files with them, the widgets sniff a file before they send it).
 *
 * Not supported: anything here may change or go in any release, patch releases included, and
 * follows no deprecation. Import it only with exactly the same version of `@docportal/core-sdk`
 * (as `@docportal/widgets` and `@docportal/mock-server` do). Applications use the main entry:
 * `validateFile` checks a file the same way.
 */
export { FILE_KINDS, ACCEPT, kindOfName, kindOfMimeType, type FileKindInfo } from './files/kinds.js';
export { sniff, bytesSource, blobSource, type ByteSource } from './files/sniff.js';
export { cleanFileName, defaultTitle } from './files/names.js';
// Also on `./contract`, which would bring the endpoint table into the widgets' bundles with it.
export { MAX_FILE_SIZE } from './schemas/uploads.js';
