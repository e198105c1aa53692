/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas and the endpoint table,
 * so that the document can never drift from what the SDK and the mock server enforce.
 */
import * as z from 'zod/mini';
import { endpoints, problemStatus, type Endpoint } from '../src/contract.ts';
import * as schemas from '../src/schemas/index.ts';

type Json = Record<string, unknown>;

const isSchema = (v: unknown): v is z.ZodMiniType => !!v && typeof v === 'object' && '_zod' in v;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

export function buildOpenApi(version: string): Json {
  // Named components: every exported schema; endpoints refer to them by name.
  const names = new Map<unknown, string>();
  const components: Record<string, Json> = {};
  for (const [name, value] of Object.entries(schemas)) {
    if (!isSchema(value) || names.has(value)) continue;
    names.set(value, name);
    components[name] = jsonSchema(value, 'output');
  }
  const ref = (schema: z.ZodMiniType, io: 'input' | 'output'): Json => {
    const name = names.get(schema);
    return name && io === 'output' ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema, io);
  };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

  const paths: Record<string, Record<string, Json>> = {};
  for (const [operationId, ep] of Object.entries(endpoints) as Array<[string, Endpoint]>) {
    const parameters: Json[] = [];
    for (const m of ep.path.matchAll(/\{(\w+)\}/g)) parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    if (ep.query) {
      for (const [name, s] of Object.entries(ep.query._zod.def.shape as Record<string, z.ZodMiniType>)) {
        const optional = s._zod.optin === 'optional';
        parameters.push({ name, in: 'query', required: !optional, schema: jsonSchema(s, 'input') });
      }
    }
    if (ep.method === 'PATCH' && ep.path === '/uploads/{id}')
      parameters.push({ name: 'Upload-Offset', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } });
    if (operationId === 'createDocument' || operationId === 'createUpload')
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'Same key and body: the first answer again. Same key, other body: 409.' });
    if (operationId === 'updateDocument')
      parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The `"<version>"` last seen; an older one gives 412.' });

    const responses: Record<string, Json> = {};
    if (ep.response === null) responses[String(ep.status)] = { description: 'Done' };
    else if (ep.response === 'binary')
      responses[String(ep.status)] = {
        description: 'The file bytes',
        headers: { 'Content-Disposition': { schema: { type: 'string' } }, ETag: { schema: { type: 'string' }, description: '`"<sha256>"`' } },
        content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
      };
    else responses[String(ep.status)] = { description: 'OK', content: { 'application/json': { schema: ref(ep.response, 'output') } } };
    for (const code of ['unauthorized', 'rate_limited', ...ep.errors] as const) {
      const status = String(problemStatus[code]);
      const prior = responses[status] as { description: string } | undefined;
      responses[status] = { description: prior ? `${prior.description}, ${code}` : code, content: problem };
    }

    const op: Json = { operationId, summary: ep.summary, tags: [ep.path.split('/')[1]], parameters, responses };
    if (ep.access === 'manager') op['x-access'] = 'manager';
    else op['x-access'] = 'manager, contact';
    if (ep.body === 'binary')
      op.requestBody = { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    else if (ep.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(ep.body, 'input') } } };
    (paths[ep.path] ??= {})[ep.method.toLowerCase()] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'docportal API',
      version,
      description:
        'Upload, share, list and download documents for tenants and owners. Generated from the zod schemas of @docportal/core-sdk; every error is application/problem+json (RFC 9457) with a `code`.',
    },
    servers: [{ url: 'http://127.0.0.1:4010/api/v1', description: 'docportal-mock-server' }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

export const openApiText = (version: string) => `${JSON.stringify(buildOpenApi(version), null, 2)}\n`;
