export * from './common.js';
export * from './problem.js';
export * from './context.js';
export * from './recipients.js';
export * from './document-types.js';
export * from './uploads.js';
export * from './documents.js';
export * from './notifications.js';
