import type { Check } from '../kit.js';
import { accessChecks } from './access.js';
import { catalogChecks } from './catalog.js';
import { dateChecks } from './dates.js';
import { directUploadChecks } from './direct-upload.js';
import { documentChecks } from './documents.js';
import { fixtureChecks } from './fixtures.js';
import { uploadChecks } from './uploads.js';

/** Every check of the kit, in the order they run. */
export const checks: readonly Check[] = [
  ...fixtureChecks,
  ...accessChecks,
  ...uploadChecks,
  ...directUploadChecks,
  ...dateChecks,
  ...documentChecks,
  ...catalogChecks,
];
