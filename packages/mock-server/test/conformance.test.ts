/**
 * The conformance kit, run as a portal team runs it (the `docportal-conformance` bin as a child
 * process): the mock server passes every check; a deliberately broken backend fails exactly the
 * checks of the rules it breaks, with messages that say what is wrong.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { checks } from '../src/conformance/index.ts';
import type { Summary } from '../src/conformance/report.ts';
import { startHttpServer, type RunningServer } from '../src/http.ts';
import { startBrokenBackend, type Broken } from './broken-backend.ts';

const BIN = fileURLToPath(new URL('../bin/docportal-conformance.js', import.meta.url));
const CONTACTS = [
  'ahmet-yilmaz',
  'paul-klein',
  'kristina-maiblume',
  'lena-hoffmann',
  'jonas-becker',
  'sophie-wagner',
];

let server: RunningServer;
let broken: Broken;
const dir = mkdtempSync(join(tmpdir(), 'docportal-conformance-'));
before(async () => {
  server = await startHttpServer({ port: 0 });
  broken = await startBrokenBackend(server.url);
});
after(async () => {
  await broken.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the bin against `origin`; answers its exit code, printed report, JSON and JUnit files. */
function kit(
  origin: string,
  name: string,
): Promise<{ code: number; out: string; json: Summary; junit: string }> {
  const json = join(dir, `${name}.json`);
  const junit = join(dir, `${name}.xml`);
  const args = [
    BIN,
    '--base-url',
    `${origin}/api/v1`,
    '--manager-token',
    'manager',
    ...CONTACTS.flatMap((c) => ['--contact', `${c}=contact:${c}`]),
    '--json',
    json,
    '--junit',
    junit,
  ];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      let code = 0;
      if (error) code = typeof error.code === 'number' ? error.code : -1;
      try {
        resolve({
          code,
          out: stdout + stderr,
          json: JSON.parse(readFileSync(json, 'utf8')),
          junit: readFileSync(junit, 'utf8'),
        });
      } catch (e) {
        reject(new Error(`the kit wrote no report (exit ${code}):\n${stdout}${stderr}`, { cause: e }));
      }
    }),
  );
}

describe('docportal-conformance', () => {
  it('refuses bad arguments with a clear message and exit code 2, running nothing', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; err: string }>((resolve) =>
        execFile(process.execPath, [BIN, ...args], (error, _out, err) =>
          resolve({ code: error && typeof error.code === 'number' ? error.code : 0, err }),
        ),
      );
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /--base-url is required/);
    const pair = await run([
      '--base-url',
      `${server.url}/api/v1`,
      '--manager-token',
      'manager',
      '--contact',
      'ahmet-yilmaz',
    ]);
    assert.equal(pair.code, 2);
    assert.match(pair.err, /--contact "ahmet-yilmaz" must look like <fixture-id>=<token>/);
  });

  it('the mock server passes every check; the report names each after its rule, in text, JSON and JUnit XML', async () => {
    const r = await kit(server.url, 'mock');
    assert.equal(r.code, 0, r.out);
    assert.equal(r.json.failed, 0);
    assert.equal(r.json.skipped, 0);
    assert.equal(r.json.passed, checks.length);
    assert.ok(checks.length >= 30);
    assert.match(r.out, new RegExp(`${checks.length} passed, 0 failed, 0 skipped`));
    assert.match(r.out, /✓ uploads\.patch-upload-offset: PATCH \/uploads\/\{id\} → 204 with Upload-Offset/);
    assert.match(
      r.junit,
      new RegExp(
        `<testsuites name="docportal conformance" tests="${checks.length}" failures="0" skipped="0">`,
      ),
    );
    assert.match(r.junit, /<testcase classname="docportal.access" name="access.contact-target-private: /);
  });

  it('a broken backend (no Upload-Offset, 409 for 412, leaky access) fails the checks of those rules, saying why', async () => {
    const r = await kit(broken.url, 'broken');
    assert.equal(r.code, 1, r.out);
    const failed = Object.fromEntries(
      r.json.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.message]),
    );
    assert.deepEqual(Object.keys(failed).sort(), [
      'access.contact-target-private',
      'access.group-target',
      'access.move-in-date',
      'access.move-out-date',
      'access.property-role-target',
      'access.shares-resolved-at-request-time',
      'documents.if-match',
      'uploads.offset-mismatch',
      'uploads.patch-upload-offset',
    ]);
    assert.equal(
      failed['uploads.patch-upload-offset'],
      'PATCH /uploads/{id} 204 must carry Upload-Offset: 100, got no Upload-Offset header',
    );
    assert.match(
      failed['uploads.offset-mismatch']!,
      /^resuming at the server's offset must complete the upload: 204, Upload-Offset null/,
    );
    assert.match(
      failed['documents.if-match']!,
      /^PATCH with If-Match of an older version: expected 412 precondition_failed, got 409 /,
    );
    assert.equal(
      failed['access.contact-target-private'],
      'lena-hoffmann must not see a document shared with kristina-maiblume alone: listed false, GET 200 (expected 404)',
    );
    assert.equal(
      failed['access.property-role-target'],
      'paul-klein must not see a document shared with the tenants of rosenweg-24 (moved out): listed false, GET 200 (expected 404)',
    );
    assert.match(
      failed['access.move-in-date']!,
      /^on \d{4}-01-01, before ahmet-yilmaz moved in \(POST \/recipients\/resolve does not name him\), he must not see a document for the tenants of rosenweg-24: listed false, GET 200 \(expected 404\)$/,
    );
    assert.equal(
      failed['access.move-out-date'],
      'today paul-klein (moved out) must not see a document for the tenants of rosenweg-24: listed false, GET 200 (expected 404)',
    );
    assert.match(
      r.out,
      /✗ documents\.if-match: .*\n\s+→ PATCH with If-Match of an older version: expected 412/,
    );
    assert.match(
      r.junit,
      /<testcase classname="docportal.uploads" name="uploads.patch-upload-offset: [^"]*" time="[\d.]+"><failure message="PATCH \/uploads\/\{id\} 204 must carry Upload-Offset: 100, got no Upload-Offset header">/,
    );
  });
});
