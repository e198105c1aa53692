/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas and the endpoint table,
 * so that the document can never drift from what the SDK and the mock server enforce. Statuses,
 * codes and headers come from the table (`errors`, `requestHeaders`, `responseHeaders`) and its
 * common rules (`commonErrors`, `retryAfterCodes`, `writeMethods`): adding one there adds it here.
 */
import type * as z from 'zod/mini';
import {
  commonErrors,
  endpoints,
  problemStatus,
  requestHeaders,
  retryAfterCodes,
  writeMethods,
  type Endpoint,
  type EndpointName,
  type RequestHeader,
  type ResponseHeader,
} from '../src/contract.ts';
import { FILE_KINDS } from '../src/files/kinds.ts';
import * as schemas from '../src/schemas/index.ts';
import { components, inlineSchema, namedSchemas } from './openapi-components.ts';
import * as notes from './openapi-notes.ts';

type Json = Record<string, unknown>;

const PROBLEM_JSON = 'application/problem+json';
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'No or unknown bearer token',
  403: 'A contact called a manager-only endpoint',
  404: 'Unknown id in the path, or not visible to the caller',
  409: 'Conflict',
  412: '`If-Match` names another version',
  413: 'Too large',
  415: 'Not a PDF, Word, JPEG or PNG file',
  422: 'The request breaks a rule of the contract',
  429: 'Too many requests; retry after `Retry-After` seconds',
  500: 'The server failed',
  503: 'Unavailable for now; retry after `Retry-After` seconds',
};

const responseHeaderDefs: Record<ResponseHeader | 'Retry-After', Json> = {
  'Upload-Offset': {
    description: "The upload's offset after this request.",
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
  ETag: {
    description: 'The entity tag, quoted: `"<version>"` on a document, `"<sha256>"` on its content.',
    required: true,
    schema: { type: 'string', pattern: '^"[^"]*"$' },
  },
  'Content-Disposition': {
    description:
      "`attachment; filename=\"<ASCII fallback>\"; filename*=UTF-8''<encoded>` with the document's `fileName` (RFC 6266, RFC 8187).",
    required: true,
    schema: { type: 'string' },
  },
  'Content-Length': {
    description: 'The file size in bytes.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
  'Upload-Limit': {
    description:
      'The largest file (bytes) `POST /documents/upload` takes; `0`: use the resumable path for every file. A server may send it on any answer; without it a client assumes 4194304 (4 MiB).',
    required: false,
    schema: { type: 'integer', minimum: 0 },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });

function fail(message: string): never {
  throw new Error(`openapi: ${message}`);
}

/** Path parameter schemas by name; anything else is an id. */
const pathSchemas: Record<string, z.ZodMiniType> = { date: schemas.DateString };

/** What the document says of itself and where a backend serves it. */
const about = (version: string): Json => ({
  info: {
    title: 'docportal API',
    version,
    summary: 'Upload, share, list and download documents for tenants and owners.',
    description: [
      'The HTTP contract between the docportal SDK and widgets and any backend. Generated from the zod schemas of `@docportal/core-sdk`; the mock server answers by it.',
      'JSON everywhere except file bytes; times are ISO-8601 UTC. Every error is `application/problem+json` (RFC 9457) with a `code`; each operation lists its codes per status. Answers may gain fields: clients must ignore what they do not know. Requests are closed: send only the fields named here.',
      'Checks run in this order: 429, 401, 403 (a contact calling a manager-only endpoint, whatever its body), 400, 413/415/422, then 404/409/412. An unknown id in the path is 404; an unknown id in a body is 422 `validation_failed` naming the field.',
      "Every `POST`, `PATCH` and `DELETE` honours `Idempotency-Key`. `docs/backend.md` of the project is the implementer's guide.",
    ].join('\n\n'),
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [
    {
      url: '{origin}{basePath}',
      description: 'A portal backend (the mock server: http://127.0.0.1:4010/api/v1)',
      variables: {
        origin: { default: 'http://127.0.0.1:4010', description: 'Scheme, host and port of the backend.' },
        basePath: { default: '/api/v1', description: 'Where the backend serves the API.' },
      },
    },
  ],
});

export function buildOpenApi(version: string): Json {
  const names = namedSchemas(schemas);
  const c = components(names);
  const paths: Record<string, Record<string, Json>> = {};
  const tagOf = (path: string) =>
    notes.tags.find((t) => (t.segments as readonly string[]).includes(path.split('/')[1]!))?.name ??
    fail(`no tag for ${path}`);

  for (const [operationId, ep] of Object.entries(endpoints) as Array<[EndpointName, Endpoint]>) {
    const op = operation(operationId, ep, c.ref, tagOf(ep.path));
    (paths[ep.path] ??= {})[ep.method.toLowerCase()] = c.resolve(op);
  }
  checkNotes();

  const parameters: Record<string, Json> = {};
  for (const [name, h] of Object.entries(requestHeaders))
    parameters[name] = {
      name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: inlineSchema(h.schema, 'input'),
    };

  return {
    openapi: '3.1.0',
    ...about(version),
    security: [{ bearer: [] }],
    tags: notes.tags.map(({ name, description }) => ({ name, description })),
    paths,
    components: {
      schemas: describe(c.schemas()),
      parameters,
      headers: Object.fromEntries(Object.entries(responseHeaderDefs).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: "The host portal's token (the mock server: `manager` or `contact:<contactId>`).",
        },
      },
    },
  };
}

/** One operation: its parameters, request body and answers. */
function operation(
  operationId: EndpointName,
  ep: Endpoint,
  ref: ReturnType<typeof components>['ref'],
  tag: string,
): Json {
  const parameters: Json[] = [];
  for (const m of ep.path.matchAll(/\{(\w+)\}/g))
    parameters.push({
      name: m[1],
      in: 'path',
      required: true,
      description: notes.pathParameters[m[1]!] ?? fail(`no description of path parameter ${m[1]}`),
      schema: inlineSchema(pathSchemas[m[1]!] ?? schemas.Id, 'input'),
    });
  parameters.push(...queryParameters(operationId, ep));
  const write = writeMethods.includes(ep.method);
  const headers: RequestHeader[] = [
    ...(ep.requestHeaders ?? []),
    ...(write ? (['Idempotency-Key'] as const) : []),
  ];
  for (const h of headers) parameters.push(parameterRef(h));

  const op: Json = {
    operationId,
    summary: ep.summary,
    description: [
      notes.operations[operationId],
      ep.access === 'manager'
        ? 'Managers only: a contact gets 403.'
        : 'Managers and contacts; a contact gets only what they may see.',
    ]
      .filter(Boolean)
      .join('\n\n'),
    tags: [tag],
    'x-access': ep.access === 'manager' ? 'manager' : 'manager, contact',
  };
  if (parameters.length) op.parameters = parameters;
  if (ep.body === 'binary')
    op.requestBody = {
      required: true,
      description: 'The next bytes of the file.',
      content: { 'application/offset+octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  else if (ep.body === 'multipart') op.requestBody = multipartBody(ep, ref);
  else if (ep.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: ref(ep.body, 'input') } } };
  op.responses = responses(ep, write, ref);
  return op;
}

function queryParameters(operationId: EndpointName, ep: Endpoint): Json[] {
  if (!ep.query) return [];
  const noted = notes.queryParameters[operationId] ?? {};
  const shape = ep.query._zod.def.shape as Record<string, z.ZodMiniType>;
  for (const name of Object.keys(noted))
    if (!(name in shape)) fail(`a note on ${operationId} names the unknown query parameter ${name}`);
  return Object.entries(shape).map(([name, s]) => {
    let schema = inlineSchema(s, 'input');
    // A flag travels as the strings "true" / "false": a boolean in OpenAPI's terms.
    if (JSON.stringify(schema.enum) === '["true","false"]') schema = { type: 'boolean' };
    const note = noted[name];
    if (note?.default !== undefined) schema.default = note.default;
    return {
      name,
      in: 'query',
      required: s._zod.optin !== 'optional',
      description: note?.description ?? fail(`no description of query parameter ${operationId}.${name}`),
      schema,
    };
  });
}

function responses(
  ep: Endpoint,
  write: boolean,
  ref: (s: z.ZodMiniType, io: 'output') => Json,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const headers = Object.fromEntries((ep.responseHeaders ?? []).map((h) => [h, headerRef(h)]));
  const withHeaders = (r: Json) => (Object.keys(headers).length ? { ...r, headers } : r);
  const status = String(ep.status);
  if (ep.response === null)
    out[status] = withHeaders({ description: ep.method === 'PATCH' ? 'Written' : 'Done' });
  else if (ep.response === 'binary') {
    const binary = { schema: { type: 'string', format: 'binary' } };
    out[status] = withHeaders({
      description: 'The file bytes, with the type sniffed at commit.',
      content: Object.fromEntries(Object.values(FILE_KINDS).map((k) => [k.mimeType, binary])),
    });
  } else
    out[status] = withHeaders({
      description: ep.status === 201 ? 'Created' : 'OK',
      content: { 'application/json': { schema: ref(ep.response, 'output') } },
    });

  const codes = new Set<schemas.ProblemCode>([
    ...commonErrors.all,
    ...(ep.body && ep.body !== 'binary' ? commonErrors.jsonBody : []),
    ...(write ? commonErrors.write : []),
    ...ep.errors,
  ]);
  const byStatus = new Map<number, schemas.ProblemCode[]>();
  for (const code of codes)
    (
      byStatus.get(problemStatus[code]) ?? byStatus.set(problemStatus[code], []).get(problemStatus[code])!
    ).push(code);
  for (const [s, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const schema = {
      allOf: [
        ref(schemas.Problem, 'output'),
        { type: 'object', properties: { status: { const: s }, code: { enum: list } } },
      ],
    };
    const r: Json = {
      description: `${STATUS_TEXT[s] ?? fail(`no text for status ${s}`)}: ${list.map((x) => `\`${x}\``).join(', ')}`,
      content: { [PROBLEM_JSON]: { schema } },
    };
    const retry = list.filter((x) => retryAfterCodes.includes(x));
    if (retry.length === list.length) r.headers = { 'Retry-After': headerRef('Retry-After') };
    else if (retry.length)
      r.headers = {
        'Retry-After': {
          description: `Seconds to wait before trying again (with ${retry.map((x) => `\`${x}\``).join(', ')}).`,
          schema: { type: 'integer', minimum: 0 },
        },
      };
    out[String(s)] = r;
  }
  return out;
}

/** `multipart/form-data`: the JSON `metadata` part, then the `file` part with its name and declared type. */
function multipartBody(ep: Endpoint, ref: (s: z.ZodMiniType, io: 'input') => Json): Json {
  const file = {
    type: 'string',
    format: 'binary',
    description:
      "The file, with its name in the part's `Content-Disposition` `filename` and its declared type in the part's `Content-Type`.",
  };
  const metadata = ref(ep.metadata ?? fail('a multipart body without a metadata schema'), 'input');
  return {
    required: true,
    description:
      'Two parts: `metadata` (JSON) first, then `file`. The file may be as large as the `Upload-Limit` header says (4 MiB when absent).',
    content: {
      'multipart/form-data': {
        schema: { type: 'object', required: ['metadata', 'file'], properties: { metadata, file } },
        encoding: {
          metadata: { contentType: 'application/json' },
          file: {
            contentType: [
              ...new Set(Object.values(FILE_KINDS).map((k) => k.mimeType)),
              'application/octet-stream',
            ].join(', '),
          },
        },
      },
    },
  };
}

function describe(components: Record<string, Json>): Record<string, Json> {
  for (const [name, schema] of Object.entries(components)) {
    const text = notes.componentDescriptions[name.replace(/Input$/, '')];
    if (text) components[name] = { description: text, ...schema };
  }
  return components;
}

function checkNotes(): void {
  for (const name of Object.keys(notes.operations))
    if (!(name in endpoints)) fail(`a note names the unknown operation ${name}`);
  for (const name of Object.keys(notes.componentDescriptions))
    if (!(name in schemas) && !/ShareTarget$/.test(name)) fail(`a note names the unknown component ${name}`);
}

export const openApiText = (version: string) => `${JSON.stringify(buildOpenApi(version), null, 2)}\n`;
