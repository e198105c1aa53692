/**
 * `docportal-conformance`: runs the rules of the HTTP contract against a backend and reports
 * which hold. Exits 0 when every check that ran passed, 1 when one failed, 2 on bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checks } from './checks/index.js';
import { FIXTURE_CONTACTS, runChecks, type KitOptions } from './kit.js';
import { jsonReport, junitReport, summarize, textReport } from './report.js';

const HELP = `docportal-conformance: checks a docportal backend against the rules of the HTTP contract.

Usage: docportal-conformance --base-url <url> --manager-token <token> --contact <fixture-id>=<token> … [options]

  --base-url       the API's base URL, e.g. http://127.0.0.1:4010/api/v1
  --manager-token  a token of the property manager
  --contact        a token per fixture contact, e.g. --contact ahmet-yilmaz=eyJhbGciOi…
                   (the checks use: ${FIXTURE_CONTACTS.join(', ')}; a check whose contact is missing is skipped)
  --clock-url      a test hook that sets the backend's clock (POST { "now": "<ISO time>" | null });
                   the checks of move-in and move-out dates and of upload expiry need it
                   (the mock server's <origin>/__mock/clock is used when it answers)
  --only           run only the checks whose id starts with this (repeatable), e.g. --only uploads
  --junit          write JUnit XML to this file
  --json           write the outcome as JSON to this file
  --list           list the checks and exit

Seeding: the backend must hold the fixtures of DOMAIN.md with their ids: properties rosenweg-24
(addresses rosenweg-24, rosenweg-24a) and max-planck-12 (unit max-planck-12-w002), the contacts
above with their relations (kristina-maiblume tenant and jonas-becker owner of max-planck-12-w002;
lena-hoffmann tenant of another max-planck-12 unit; ahmet-yilmaz tenant at rosenweg-24;
sophie-wagner owner at rosenweg-24 and rosenweg-24a and member of rosenweg-24-beirat; paul-klein a
former tenant at rosenweg-24), the group rosenweg-24-beirat and the document types objektunterlagen
(children plaene, energieausweis), bedienungsanleitungen, abrechnungen, protokolle. The checks
create their own documents, uploads and types (names carry a run id) and delete them afterwards.
A backend that serves POST <origin>/__mock/reset (the mock server) is reset before the run.
Dates: ahmet-yilmaz's tenancy must have begun after 1 January 2000 and paul-klein's must have
covered a 1 January between 2000 and last year: with the clock hook the checks find those days
through POST /recipients/resolve and expect each to see a document exactly while they live there.
One-request uploads (POST /documents/upload) are checked when the backend announces Upload-Limit
above 0; a backend without them answers Upload-Limit: 0 or no header, and those checks are skipped.`;

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'manager-token': { type: 'string' },
    contact: { type: 'string', multiple: true, default: [] },
    only: { type: 'string', multiple: true, default: [] },
    'clock-url': { type: 'string' },
    junit: { type: 'string' },
    json: { type: 'string' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.list) {
  for (const c of checks) console.log(`${c.id}: ${c.rule}`);
  process.exit(0);
}
const usage = (message: string): never => {
  console.error(`${message}\n\nRun docportal-conformance --help for the options.`);
  process.exit(2);
};
const baseUrl =
  values['base-url'] ?? usage('--base-url is required, e.g. --base-url http://127.0.0.1:4010/api/v1');
if (!/^https?:\/\/[^/]/.test(baseUrl)) usage(`--base-url "${baseUrl}" is not an http(s) URL.`);
const managerToken = values['manager-token'] ?? usage('--manager-token is required.');
const contacts: Record<string, string> = {};
for (const pair of values.contact) {
  const m = /^([^=]+)=(.+)$/.exec(pair);
  if (!m) usage(`--contact "${pair}" must look like <fixture-id>=<token>.`);
  contacts[m![1]!] = m![2]!;
}

const options: KitOptions = {
  baseUrl,
  managerToken,
  contacts,
  only: values.only,
  clockUrl: values['clock-url'],
};
// The mock server (and any backend that offers it) starts from its fixtures, and lends its clock.
const origin = new URL(baseUrl).origin;
const reset = await fetch(`${origin}/__mock/reset`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: '{}',
}).catch(() => undefined);
if (reset?.ok) {
  console.log(`reset the backend's data through ${origin}/__mock/reset\n`);
  options.clockUrl ??= `${origin}/__mock/clock`;
}

const outcomes = await runChecks(checks, options);
const summary = summarize(baseUrl, outcomes);
console.log(textReport(summary));
if (values.junit) writeFileSync(values.junit, junitReport(summary));
if (values.json) writeFileSync(values.json, jsonReport(summary));
process.exit(summary.failed ? 1 : 0);
