import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openApiText } from '../scripts/openapi-doc.ts';
import { endpoints } from '../src/contract.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');

describe('openapi.json', () => {
  it('is what the schemas generate (run `npm run openapi` after changing them)', () => {
    assert.equal(committed, openApiText(pkg.version));
  });

  it('describes every endpoint of the contract with its problem answers', () => {
    const doc = JSON.parse(committed);
    assert.equal(doc.openapi, '3.1.0');
    for (const [id, ep] of Object.entries(endpoints)) {
      const op = doc.paths[ep.path]?.[ep.method.toLowerCase()];
      assert.ok(op, `${ep.method} ${ep.path}`);
      assert.equal(op.operationId, id);
      assert.ok(op.responses[String(ep.status)], `${id} success`);
      assert.ok(op.responses['401'], `${id} 401`);
      if (ep.access === 'manager') assert.ok(op.responses['403'], `${id} 403`);
    }
  });

  it('keeps the bounds of the contract in the component schemas', () => {
    const doc = JSON.parse(committed);
    const create = doc.paths['/uploads'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(create.required.sort(), ['fileName', 'mimeType', 'size']);
    assert.equal(create.properties.size.minimum, 1);
    const limit = doc.paths['/documents'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.equal(limit.schema.maximum, 200);
    assert.ok(doc.components.schemas.ShareTarget.oneOf ?? doc.components.schemas.ShareTarget.anyOf);
  });
});
