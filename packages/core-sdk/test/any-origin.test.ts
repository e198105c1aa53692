/**
 * Whatever fails on the SDK's path leaves it as a DocPortalError (unknown failures wrapped, the
 * original kept as `cause`), and nothing needs a secure context: without `crypto.randomUUID`
 * (plain http on a host other than localhost) uploads still work.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { makePdf, createStore } from '@docportal/mock-server/testing';
import { nodeSha256, startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import { DocPortalError, createClient, validateFile } from '../src/index.ts';

const run = promisify(execFile);
const pdf = (title: string) =>
  new File([makePdf(title) as Uint8Array<ArrayBuffer>], `${title}.pdf`, { type: 'application/pdf' });
const ROSENWEG = 'property:rosenweg-24';

describe('errors and secure-context APIs on the SDK’s path', () => {
  let server: RunningServer;
  let baseUrl: string;

  before(async () => {
    server = await startHttpServer({ port: 0, store: createStore({ sha256: nodeSha256 }) });
    baseUrl = `${server.url}/api/v1`;
  });
  after(async () => {
    await server?.close();
  });

  it('a token function that throws: a DocPortalError with the thrown error as cause', async () => {
    // Arrange
    const vault = new Error('the token vault is offline');
    const client = createClient({
      baseUrl,
      token: () => {
        throw vault;
      },
    });
    // Act
    const error = await client.documentTypes.list({ scope: ROSENWEG }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Assert
    assert.ok(error instanceof DocPortalError, `a DocPortalError, not ${String(error)}`);
    assert.equal((error as DocPortalError).cause, vault, 'the cause is kept');
    assert.equal((error as DocPortalError).code, 'unexpected');
    assert.equal((error as DocPortalError).status, 0);
  });

  it('the same through every page of documents.iterate and through me()', async () => {
    const broken = new TypeError('getAccessToken is not a function');
    const client = createClient({
      baseUrl,
      token: async () => {
        throw broken;
      },
    });
    const fromIterate = await (async () => {
      for await (const _ of client.documents.iterate({ scope: ROSENWEG })) return undefined;
      return undefined;
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(fromIterate instanceof DocPortalError, `iterate: a DocPortalError, not ${String(fromIterate)}`);
    assert.equal((fromIterate as DocPortalError).cause, broken);
    const fromMe = await client.me().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(fromMe instanceof DocPortalError, `me: a DocPortalError, not ${String(fromMe)}`);
  });

  it('a file that cannot be read: a DocPortalError with the cause, from upload and from validateFile', async () => {
    // Arrange: a Blob whose bytes are gone (as a file deleted after it was chosen)
    const gone = new DOMException('The file could not be read.', 'NotReadableError');
    const file = Object.assign(pdf('Weg'), {
      slice: () => ({ arrayBuffer: () => Promise.reject(gone), size: 0 }),
      arrayBuffer: () => Promise.reject(gone),
    });
    const client = createClient({ baseUrl, token: 'manager' });
    // Act
    const error = await client.documents
      .upload(file, { documentTypeId: 'objektunterlagen', scope: ROSENWEG })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // Assert
    assert.ok(error instanceof DocPortalError, `a DocPortalError, not ${String(error)}`);
    assert.equal((error as DocPortalError).cause, gone);
    // validateFile on its own, as a portal calls it before offering the upload
    const checked = await validateFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(checked instanceof DocPortalError, `validateFile: a DocPortalError, not ${String(checked)}`);
    assert.equal((checked as DocPortalError).code, 'unexpected');
    assert.equal((checked as DocPortalError).cause, gone);
  });

  it('uploads without crypto.randomUUID (not a secure context)', async () => {
    // Arrange: a Node process without it, as a plain-http page on a host other than localhost
    // (the mock server here keeps its own)
    const code = `
      Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', { value: undefined });
      if (typeof crypto.randomUUID !== 'undefined') throw new Error('randomUUID is still there');
      const { createClient } = await import('@docportal/core-sdk');
      const { makePdf } = await import('@docportal/mock-server/testing');
      const client = createClient({ baseUrl: ${JSON.stringify(baseUrl)}, token: 'manager' });
      const file = new File([makePdf('Ohne UUID')], 'Ohne UUID.pdf', { type: 'application/pdf' });
      const doc = await client.documents.upload(file, { documentTypeId: 'objektunterlagen', scope: 'property:rosenweg-24', resume: false });
      console.log(doc.title);`;
    // Act
    const { stdout } = await run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: new URL('../../..', import.meta.url).pathname },
    );
    // Assert
    assert.equal(stdout.trim(), 'Ohne UUID');
  });
});
