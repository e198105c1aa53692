/**
 * The conformance kit for portal backends: the rules of the HTTP contract as checks run over
 * HTTP against any backend (`docportal-conformance` on the command line).
 */
export { checks } from './checks/index.js';
export { FIXTURE_CONTACTS, runChecks, type Check, type KitOptions, type Outcome } from './kit.js';
export { jsonReport, junitReport, summarize, textReport, type Summary } from './report.js';
