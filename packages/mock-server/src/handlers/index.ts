import { DateString, type CreateDocument } from '@docportal/core-sdk';
import { http, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { ClockBody, FaultsBody, ResetBody } from '../control.js';
import { ApiError } from '../store/errors.js';
import { createStore, type MockStore } from '../store/store.js';
import { sha256 } from '../store/util.js';
import { readDirectUpload } from './multipart.js';
import { Reply, contentDisposition, json, problem } from './respond.js';
import {
  fromFetch,
  idempotencyKey,
  parseJson,
  readAll,
  route,
  toResponse,
  validationError,
  type HandlerOptions,
  type Route,
  type RouteContext,
  type RouteRequest,
} from './route.js';
import type { EndpointName, endpoints } from '@docportal/core-sdk/contract';

export type { HandlerOptions } from './route.js';

/**
 * The MSW handlers of the whole contract plus the `/__mock` control endpoints, over one store.
 * Usable with `setupWorker` in the browser and `setupServer` in Node.
 */
export function handlers(store: MockStore = createStore(), options: HandlerOptions = {}): HttpHandler[] {
  return routes(store, options).map((r) =>
    http[r.method === 'ALL' ? 'all' : (r.method.toLowerCase() as 'get')](
      r.path,
      async ({ request, params }) =>
        toResponse(await r.handle(fromFetch(request), params as Record<string, string>)),
    ),
  );
}

/**
 * Every endpoint of the contract plus the `/__mock` control endpoints, over one store, in the
 * order they match. MSW's handlers and the standalone server both answer through these.
 */
export function routes(store: MockStore, options: HandlerOptions = {}): Route[] {
  const r = <N extends Parameters<typeof route>[2]>(name: N, fn: Parameters<typeof route<N>>[3]) =>
    route(store, options, name, fn);
  const base = options.basePath ?? '/api/v1';

  return [
    r('me', ({ principal }) => store.me(principal)),
    r('listProperties', ({ principal }) => store.listProperties(principal)),
    r('getProperty', ({ principal, params }) => store.getProperty(principal, params.id!)),
    r('listUnits', ({ params }) => store.listUnits(params.id!)),
    r('listGroups', ({ params }) => store.listGroups(params.id!)),
    r('getUnit', ({ params }) => store.getUnit(params.id!)),

    r('searchRecipients', ({ query }) => store.searchRecipients(query)),
    r('resolveRecipients', ({ body }) => store.resolveRecipients(body)),

    r('listDocumentTypes', ({ principal, query }) => store.listDocumentTypes(principal, query)),
    r('createDocumentType', ({ body }) => store.createDocumentType(body)),
    r('updateDocumentType', ({ params, body }) => store.updateDocumentType(params.id!, body)),
    r('deleteDocumentType', ({ params }) => store.deleteDocumentType(params.id!)),

    r('createUpload', ({ principal, body }) => json(store.createUpload(principal, body), 201)),
    r('appendUpload', (c) => appendChunk(store, c)),
    r('getUpload', ({ params }) => store.getUpload(params.id!)),
    r('deleteUpload', ({ params }) => store.deleteUpload(params.id!)),

    r('createDocument', async ({ principal, body }) =>
      json(await store.createDocument(principal, body as CreateDocument & { title: string }), 201),
    ),
    r('uploadDocument', (c) => uploadDirect(store, c)),
    r('listDocuments', ({ principal, query }) => store.listDocuments(principal, query)),
    r('getDocument', ({ principal, params }) => {
      const doc = store.getDocument(principal, params.id!);
      return json(doc, 200, { ETag: `"${doc.version}"` });
    }),
    r('updateDocument', ({ principal, params, body, request }) => {
      const doc = store.updateDocument(
        principal,
        params.id!,
        body,
        request.headers.get('if-match') ?? undefined,
      );
      return json(doc, 200, { ETag: `"${doc.version}"` });
    }),
    r('deleteDocument', ({ params }) => store.deleteDocument(params.id!)),
    r('getDocumentContent', (c) => documentContent(store, c)),
    r('getDocumentDownloads', ({ params }) => store.downloads(params.id!)),

    r('listDigests', ({ query }) => store.digests(query.date)),
    r('getDigestEmail', ({ params }) => {
      const date = z.safeParse(DateString, params.date);
      if (!date.success) throw validationError(date.error, 'date');
      return store.digestEmail(date.data, params.contactId!);
    }),

    // Anything else under the API: a problem+json 404, never MSW's default.
    {
      method: 'ALL',
      path: `*${base}/*`,
      handle: async () => {
        if (options.transport !== 'http') store.countRequest();
        return problem(new ApiError('not_found', 'No such endpoint.'));
      },
    },

    ...controlRoutes(store),
  ];
}

type Ctx<N extends EndpointName> = RouteContext<(typeof endpoints)[N]>;

/** PATCH /uploads/{id}: a chunk at the offset the client says (tus headers), checked before any byte is stored. */
async function appendChunk(store: MockStore, { params, body, request }: Ctx<'appendUpload'>): Promise<Reply> {
  if (
    (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() !==
    'application/offset+octet-stream'
  )
    throw new ApiError(
      'bad_request',
      'Upload chunks must be sent as Content-Type: application/offset+octet-stream.',
    );
  const header = request.headers.get('upload-offset');
  if (header === null || !/^\d+$/.test(header.trim()))
    throw new ApiError('bad_request', 'The Upload-Offset header must be a non-negative integer.');
  const length = request.headers.get('content-length');
  const offset = await store.appendUpload(
    params.id!,
    Number(header),
    body,
    length === null ? undefined : Number(length),
  );
  return new Reply(204, { 'Upload-Offset': String(offset) });
}

/** POST /documents/upload: file and metadata in one multipart request, at most once per Idempotency-Key. */
async function uploadDirect(
  store: MockStore,
  { principal, body, request }: Ctx<'uploadDocument'>,
): Promise<Reply> {
  const { meta, file } = await readDirectUpload(request, body);
  const run = async (): Promise<Reply> => {
    try {
      return json(await store.uploadDocument(principal, file, meta), 201);
    } catch (e) {
      if (e instanceof ApiError) return problem(e);
      throw e;
    }
  };
  const key = idempotencyKey(request);
  // The same request: the same metadata and the same bytes under the same name and type.
  const same = {
    meta,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sha256: key === undefined ? '' : await sha256(file.bytes),
  };
  return key === undefined ? run() : store.once(principal, 'uploadDocument', key, same, run);
}

/** GET /documents/{id}/content: the bytes, counted as a download once they are all sent. */
function documentContent(store: MockStore, { principal, params }: Ctx<'getDocumentContent'>): Reply {
  const { document, bytes, sent } = store.content(principal, params.id!);
  return new Reply(
    200,
    {
      'Content-Type': document.mimeType,
      'Content-Length': String(document.size),
      'Content-Disposition': contentDisposition(document.fileName),
      ETag: `"${document.sha256}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
    bytes,
    sent,
  );
}

/** `/__mock/*`: reset, clock, faults, discard and stats. No token needed. */
function controlRoutes(store: MockStore): Route[] {
  const control =
    <S extends z.ZodMiniType>(schema: S, apply: (body: z.output<S>) => unknown) =>
    async (request: RouteRequest): Promise<Reply> => {
      try {
        // JSON only, so that a browser must preflight it: no web page can reset or read this server unasked.
        const type = request.headers.get('content-type');
        if (!/^application\/json\b/i.test(type ?? ''))
          throw new ApiError(
            'bad_request',
            'Control requests must be sent as Content-Type: application/json.',
            {},
            415,
          );
        const bytes = await readAll(request.read);
        // An empty body means "no options".
        const parsed = z.safeParse(schema, bytes.byteLength === 0 ? {} : parseJson(type, bytes));
        if (!parsed.success) throw validationError(parsed.error);
        return json(apply(parsed.data));
      } catch (e) {
        if (e instanceof ApiError) return problem(e);
        throw e;
      }
    };
  const at = (
    method: Route['method'],
    name: string,
    handle: (request: RouteRequest) => Promise<Reply>,
  ): Route => ({ method, path: `*/__mock/${name}`, handle });
  return [
    at(
      'POST',
      'reset',
      control(ResetBody, (b) => {
        store.reset(b);
        return { dataset: b.dataset ?? 'fixtures', seed: b.seed ?? 1 };
      }),
    ),
    at(
      'POST',
      'clock',
      control(ClockBody, (b) => {
        store.setClock(b.now);
        return { now: b.now === null ? null : new Date(store.now()).toISOString() };
      }),
    ),
    at(
      'POST',
      'faults',
      control(FaultsBody, (b) => {
        store.setFaults(b);
        return store.faults ?? {};
      }),
    ),
    at('PUT', 'discard', async (request) => {
      // The latency fault holds here too, so that a baseline upload pays what the API's do.
      await store.controls.delay();
      await request.read(() => undefined);
      return new Reply(204);
    }),
    at('GET', 'stats', async () => json(store.stats())),
  ];
}
