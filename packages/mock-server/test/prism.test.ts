/**
 * Both walkthroughs and the error cases through a Prism validating proxy that holds every
 * request and answer against openapi.json: valid traffic gives not one violation, and the
 * document's limits are the ones Prism enforces. Upload chunks go around Prism (see prism.ts).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { makePdf, makePng } from '../src/fixtures/files.ts';
import { startHttpServer, type RunningServer } from '../src/http.ts';
import { createStore } from '../src/store/store.ts';
import { makeApi, problem, type Answer, type Api } from './helpers.ts';
import { startPrism, type Prism } from './prism.ts';
import { walkthrough1, walkthrough2 } from './walkthrough-steps.ts';

let server: RunningServer;
let prism: Prism;
let api: Api;
/** Every answer that came through Prism: `METHOD path status`, and what Prism found wrong with it. */
const seen: Array<{ what: string; violations: string | null }> = [];

before(async () => {
  server = await startHttpServer({ port: 0, store: createStore() });
  prism = await startPrism(`${server.url}/api/v1`);
  api = makeApi(server, {
    base: prism.url,
    onAnswer: (m, p, r) =>
      seen.push({ what: `${m} ${p} ${r.status}`, violations: r.headers.get('sl-violations') }),
  });
});
beforeEach(async () => {
  seen.length = 0;
  await api.reset();
});
after(async () => {
  await prism?.stop();
  await server?.close();
});

/** No answer that came through Prism broke the document, and some did come through. */
function noViolations(atLeast: number): void {
  const bad = seen.filter((s) => s.violations);
  assert.deepEqual(bad, [], `Prism violations:\n${bad.map((b) => `${b.what}: ${b.violations}`).join('\n')}`);
  assert.ok(seen.length >= atLeast, `only ${seen.length} answers came through Prism`);
}

const M = 'manager';
const pdf = makePdf('Prism');
const expectProblem = (r: Answer, status: number, code: string) => problem(r, status, code);

describe('through a Prism validating proxy (openapi.json)', () => {
  it('walkthrough 1 has no violation', async () => {
    await walkthrough1(api);
    noViolations(10);
    assert.ok(
      seen.some((s) => /^GET \/documents\/[^/]+\/content 200$/.test(s.what)),
      'the download went through Prism',
    );
    assert.ok(
      seen.some((s) => s.what === 'POST /uploads 201'),
      'the upload session was opened through Prism',
    );
  });

  it('walkthrough 2 has no violation', async () => {
    await walkthrough2(api);
    noViolations(8);
  });

  it('the error cases answer as the document says: status, problem+json, code and headers', async () => {
    const cases: Array<[Promise<Answer>, number, string]> = [
      [api.get('/me', 'nobody'), 401, 'unauthorized'],
      [api.get('/units/max-planck-12-w002', 'contact:kristina-maiblume'), 403, 'forbidden'],
      [api.get('/documents/no-such-document', M), 404, 'not_found'],
      [api.get('/documents/grundriss-max-planck-12-w002', 'contact:paul-klein'), 404, 'not_found'],
      [api.get('/properties/rosenweg-24', 'contact:kristina-maiblume'), 404, 'not_found'],
      [
        api.post('/uploads', { fileName: 'setup.exe', size: 10, mimeType: '' }, M),
        415,
        'unsupported_file_type',
      ],
      [
        api.post('/uploads', { fileName: 'big.pdf', size: 52_428_801, mimeType: 'application/pdf' }, M),
        413,
        'file_too_large',
      ],
      [
        api.post(
          '/documents',
          {
            uploadId: 'no-such-upload',
            title: 'x',
            documentTypeId: 'objektunterlagen',
            scope: { kind: 'property', id: 'rosenweg-24' },
            shares: [],
          },
          M,
        ),
        422,
        'validation_failed',
      ],
      [api.get('/documents?scope=property:nowhere', M), 422, 'validation_failed'],
      [api.post('/document-types', { name: 'Pläne', parentId: 'objektunterlagen' }, M), 409, 'conflict'],
      [api.patch('/document-types/objektunterlagen', { parentId: 'plaene' }, M), 422, 'cycle'],
      [api.del('/document-types/objektunterlagen', M), 409, 'conflict'],
      [
        api.post(
          '/recipients/resolve',
          {
            scope: { kind: 'unit', id: 'max-planck-12-w002' },
            targets: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }],
          },
          M,
        ),
        422,
        'target_out_of_scope',
      ],
      [api.get('/notifications/digests/2026-11-28/ahmet-yilmaz', M), 404, 'not_found'],
      [
        api.patch('/documents/grundriss-max-planck-12-w002', { title: 'x' }, M, { 'If-Match': '"7"' }),
        412,
        'precondition_failed',
      ],
      [
        api.patch('/documents/grundriss-max-planck-12-w002', { title: 'x' }, M, { 'If-Match': 'W/"1"' }),
        412,
        'precondition_failed',
      ],
    ];
    for (const [r, status, code] of cases) expectProblem(await r, status, code);

    // Idempotency-Key reused with another body.
    const key = { 'Idempotency-Key': 'prism-1' };
    assert.equal(
      (
        await api.post(
          '/uploads',
          { fileName: 'a.pdf', size: pdf.length, mimeType: 'application/pdf' },
          M,
          key,
        )
      ).status,
      201,
    );
    expectProblem(
      await api.post(
        '/uploads',
        { fileName: 'b.pdf', size: pdf.length, mimeType: 'application/pdf' },
        M,
        key,
      ),
      409,
      'conflict',
    );

    // A commit before the last byte; a commit whose content is not what the name says.
    const open = await api.post(
      '/uploads',
      { fileName: 'half.pdf', size: pdf.length, mimeType: 'application/pdf' },
      M,
    );
    const commit = {
      title: 'x',
      documentTypeId: 'objektunterlagen',
      scope: { kind: 'property' as const, id: 'rosenweg-24' },
      shares: [],
    };
    expectProblem(
      await api.post('/documents', { uploadId: open.body.id, ...commit }, M),
      409,
      'upload_incomplete',
    );
    expectProblem(
      await api.upload({ name: 'photo.pdf', bytes: makePng(4, 4), type: 'application/pdf' }, commit),
      415,
      'unsupported_file_type',
    );
    const done = await api.upload({ name: 'done.pdf', bytes: pdf, type: 'application/pdf' }, commit);
    assert.equal(done.status, 201);
    const session = (await api.post('/uploads', { fileName: 'gone.pdf', size: 5, mimeType: '' }, M)).body.id;
    assert.equal((await api.del(`/uploads/${session}`, M)).status, 204);
    expectProblem(await api.get(`/uploads/${session}`, M), 404, 'not_found');
    expectProblem(await api.del(`/documents/no-such-document`, M), 404, 'not_found');

    // Injected faults: 429 and 503 with Retry-After, 500.
    for (const [status, code] of [
      [429, 'rate_limited'],
      [503, 'service_unavailable'],
      [500, 'internal_error'],
    ] as const) {
      await api.control('POST', '/faults', { failRate: 1, failStatus: status });
      const r = await api.get('/me', M);
      expectProblem(r, status, code);
      if (status !== 500) assert.match(r.headers.get('retry-after') ?? '', /^\d+$/);
    }
    await api.control('POST', '/faults', {});
    noViolations(25);
  });

  it('Prism itself refuses what the document rules out: it holds the same limits as the server', async () => {
    const refused = async (r: Promise<Answer>, field: string) => {
      const a = await r;
      assert.equal(a.status, 422);
      assert.match(a.body.type, /prism/, 'Prism answered, not the server');
      assert.ok(
        JSON.stringify(a.body.validation).toLowerCase().includes(field.toLowerCase()),
        `${field}: ${JSON.stringify(a.body.validation)}`,
      );
    };
    await refused(api.get('/documents?limit=0', M), 'limit');
    await refused(api.get('/documents?limit=201', M), 'limit');
    await refused(api.get('/documents?includeSubtypes=maybe', M), 'includeSubtypes');
    await refused(api.post('/document-types', { name: 'x'.repeat(101) }, M), 'name');
    await refused(
      api.post('/uploads', { fileName: 'a.pdf', size: 1.5, mimeType: 'application/pdf' }, M),
      'size',
    );
    await refused(
      api.post('/uploads', { fileName: 'a.pdf', size: 10, mimeType: 'application/pdf', extra: 1 }, M),
      'extra',
    );
    await refused(
      api.post(
        '/recipients/resolve',
        { scope: { kind: 'unit', id: 'x' }, targets: [{ kind: 'planet', id: 'x' }] },
        M,
      ),
      'targets',
    );
    // And the server, asked directly, agrees.
    expectProblem(await api.direct.get('/documents?limit=0', M), 422, 'validation_failed');
    expectProblem(
      await api.direct.post('/document-types', { name: 'x'.repeat(101) }, M),
      422,
      'validation_failed',
    );
  });
});
