export { handlers, type HandlerOptions } from './handlers/index.js';
export {
  createStore,
  MockStore,
  type StoreOptions,
  type Principal,
  type FaultConfig,
  type Stats,
  type DatasetName,
} from './store/store.js';
export { ApiError } from './store/errors.js';
export type { BodySource } from './store/bytes.js';
export { FIXTURE_IDS, buildFixtures } from './fixtures/fixtures.js';
export type { Dataset } from './store/model.js';
export {
  makePdf,
  makePng,
  makeJpeg,
  makeDoc,
  makeDocx,
  makeOle2,
  makeZip,
  badFiles,
} from './fixtures/files.js';
