import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openApiText } from '../scripts/openapi-doc.ts';
import { endpoints, problemStatus } from '../src/contract.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
const doc = JSON.parse(committed);

type Json = Record<string, any>;
const op = (path: string, method: string): Json => doc.paths[path][method];
/** Follows a local `$ref`. */
const deref = (node: Json): Json =>
  node.$ref
    ? deref(
        node.$ref
          .slice(2)
          .split('/')
          .reduce((o: Json, k: string) => o[k.replaceAll('~1', '/')], doc),
      )
    : node;
const codes = (path: string, method: string, status: number): string[] =>
  op(path, method).responses[String(status)]?.content['application/problem+json'].schema.allOf[1].properties
    .code.enum ?? [];
const header = (path: string, method: string, status: number, name: string) =>
  op(path, method).responses[String(status)]?.headers?.[name];
const param = (path: string, method: string, name: string): Json | undefined =>
  op(path, method)
    .parameters?.map(deref)
    .find((p: Json) => p.name === name);

/** Every schema object in a subtree, references followed once. */
function objects(node: unknown, seen = new Set<unknown>(), out: Json[] = []): Json[] {
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  const n = node as Json;
  if (n.$ref) return objects(deref(n), seen, out);
  if (n.type === 'object' && n.properties) out.push(n);
  for (const v of Object.values(n)) objects(v, seen, out);
  return out;
}

describe('openapi.json', () => {
  it('is what the schemas generate (run `npm run openapi` after changing them)', () => {
    assert.equal(committed, openApiText(pkg.version));
  });

  it('describes every endpoint of the contract with its problem answers, codes as enums per status', () => {
    assert.equal(doc.openapi, '3.1.0');
    for (const [id, ep] of Object.entries(endpoints)) {
      const o = doc.paths[ep.path]?.[ep.method.toLowerCase()];
      assert.ok(o, `${ep.method} ${ep.path}`);
      assert.equal(o.operationId, id);
      assert.ok(o.responses[String(ep.status)], `${id} success`);
      for (const s of [400, 401, 429, 500, 503]) assert.ok(o.responses[String(s)], `${id} ${s}`);
      if (ep.access === 'manager')
        assert.deepEqual(codes(ep.path, ep.method.toLowerCase(), 403), ['forbidden'], `${id} 403`);
      for (const code of ep.errors)
        assert.ok(
          codes(ep.path, ep.method.toLowerCase(), problemStatus[code]).includes(code),
          `${id} ${code}`,
        );
      assert.ok(o.description && o.tags?.length === 1, `${id} description and tag`);
    }
    assert.deepEqual(codes('/documents', 'post', 409).sort(), ['conflict', 'upload_incomplete']);
    assert.deepEqual(codes('/uploads/{id}', 'patch', 409).sort(), [
      'conflict',
      'offset_mismatch',
      'upload_busy',
    ]);
    assert.deepEqual(codes('/documents', 'post', 422).sort(), ['target_out_of_scope', 'validation_failed']);
  });

  it('declares the headers of the protocol', () => {
    assert.equal(deref(header('/uploads/{id}', 'patch', 204, 'Upload-Offset')).schema.type, 'integer');
    assert.equal(param('/uploads/{id}', 'patch', 'Upload-Offset')?.required, true);
    for (const m of ['get', 'patch']) assert.ok(header('/documents/{id}', m, 200, 'ETag'), `${m} ETag`);
    for (const h of ['ETag', 'Content-Disposition', 'Content-Length'])
      assert.ok(header('/documents/{id}/content', 'get', 200, h), h);
    assert.deepEqual(codes('/uploads', 'post', 409), ['conflict']);
    assert.ok(param('/uploads', 'post', 'Idempotency-Key'));
    for (const [path, ep] of Object.entries(doc.paths) as Array<[string, Json]>)
      for (const [m, o] of Object.entries(ep) as Array<[string, Json]>) {
        for (const s of ['429', '503'])
          assert.equal(
            deref(o.responses[s].headers['Retry-After']).schema.type,
            'integer',
            `${m} ${path} ${s}`,
          );
        if (m !== 'get') assert.ok(param(path, m, 'Idempotency-Key'), `${m} ${path} Idempotency-Key`);
      }
    const ifMatch = new RegExp(param('/documents/{id}', 'patch', 'If-Match')!.schema.pattern);
    for (const ok of ['"3"', '*', '"3", "4"', 'W/"3"']) assert.ok(ifMatch.test(ok), ok);
    for (const bad of ['3', '"3', 'W/3']) assert.ok(!ifMatch.test(bad), bad);
  });

  it('types bytes as binary: chunks in, the sniffed types out', () => {
    const chunk = op('/uploads/{id}', 'patch').requestBody.content;
    assert.deepEqual(Object.keys(chunk), ['application/offset+octet-stream']);
    assert.equal(chunk['application/offset+octet-stream'].schema.format, 'binary');
    const content = op('/documents/{id}/content', 'get').responses['200'].content;
    assert.deepEqual(Object.keys(content).sort(), [
      'application/msword',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/jpeg',
      'image/png',
    ]);
    for (const t of Object.values(content) as Json[])
      assert.deepEqual(t.schema, { type: 'string', format: 'binary' });
  });

  it('reuses components by $ref, the share target as a union with a discriminator', () => {
    const s = doc.components.schemas;
    assert.equal(s.ShareTarget.discriminator.propertyName, 'kind');
    assert.deepEqual(Object.keys(s.ShareTarget.discriminator.mapping), [
      'property',
      'address',
      'unit',
      'group',
      'contact',
    ]);
    assert.ok(s.ShareTarget.oneOf.every((o: Json) => o.$ref));
    assert.ok(s.ShareTargetInput.discriminator);
    assert.deepEqual(op('/documents', 'post').requestBody.content['application/json'].schema, {
      $ref: '#/components/schemas/CreateDocument',
    });
    // Every component is used somewhere.
    const text =
      JSON.stringify({ ...doc, components: { ...doc.components, schemas: undefined } }) + JSON.stringify(s);
    for (const name of Object.keys(s))
      assert.ok(text.includes(`"#/components/schemas/${name}"`), `${name} unused`);
  });

  it('keeps integers, defaults, limits and flags', () => {
    const s = doc.components.schemas;
    for (const [c, f] of [
      ['Document', 'size'],
      ['Document', 'version'],
      ['Document', 'downloadCount'],
      ['UploadSession', 'offset'],
      ['UploadStatus', 'offset'],
      ['DocumentType', 'documentCount'],
      ['ResolveResult', 'count'],
      ['DownloadStats', 'total'],
      ['Problem', 'offset'],
      ['CreateUpload', 'size'],
    ] as const)
      assert.equal(s[c].properties[f].type, 'integer', `${c}.${f}`);
    assert.deepEqual(param('/documents', 'get', 'includeSubtypes')!.schema, {
      type: 'boolean',
      default: false,
    });
    assert.equal(param('/documents', 'get', 'limit')!.schema.default, 50);
    assert.equal(param('/documents', 'get', 'sort')!.schema.default, 'createdAt:desc');
    assert.equal(param('/recipients', 'get', 'limit')!.schema.default, 20);
    assert.equal(deref(s.CreateDocument.properties.title).maxLength, 200);
    assert.equal(deref(s.CreateDocumentType.properties.name).maxLength, 100);
    assert.equal(s.CreateUpload.properties.size.minimum, 1);
  });

  it('keeps answers open for added fields and requests closed', () => {
    for (const [id, ep] of Object.entries(endpoints)) {
      const o = op(ep.path, ep.method.toLowerCase());
      for (const r of Object.values(o.responses) as Json[])
        for (const x of objects(r)) assert.notEqual(x.additionalProperties, false, `${id} answer`);
      if (o.requestBody?.content['application/json'])
        for (const x of objects(o.requestBody)) assert.equal(x.additionalProperties, false, `${id} request`);
    }
  });

  it('declares bearer security and a server with a variable base URL', () => {
    assert.deepEqual(doc.security, [{ bearer: [] }]);
    assert.deepEqual(doc.components.securitySchemes.bearer, {
      ...doc.components.securitySchemes.bearer,
      type: 'http',
      scheme: 'bearer',
    });
    assert.equal(doc.servers[0].url, '{origin}{basePath}');
    assert.equal(doc.servers[0].variables.basePath.default, '/api/v1');
  });
});
