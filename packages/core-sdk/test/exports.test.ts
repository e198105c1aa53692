/**
 * The SDK's published surface, name by name: what `@docportal/core-sdk` exports (at run time and
 * as types), what the unsupported `@docportal/core-sdk/internal` exports for docportal's own
 * packages, and that every SDK name of the public API spec (PUBLIC-API.md) is on the main entry.
 * A name that appears on or leaves an entry fails here: change these lists on purpose, with a
 * changeset saying where the name went.
 *
 * Type-only names are read with TypeScript's own type checker, since they do not exist at run time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The contract's zod schemas of answers and shared shapes: a client parses answers with them. */
const SCHEMAS = [
  'Address',
  'DateString',
  'Digest',
  'DigestDay',
  'DigestDocument',
  'DigestEmail',
  'Document',
  'DocumentMetadata',
  'DocumentPage',
  'DocumentType',
  'DocumentTypeList',
  'DownloadStats',
  'FieldError',
  'Group',
  'GroupList',
  'Id',
  'Locale',
  'Me',
  'Problem',
  'Property',
  'PropertyList',
  'RecipientOption',
  'RecipientOptionList',
  'Resident',
  'ResolveResult',
  'ResolvedContact',
  'Role',
  'Roles',
  'Scope',
  'ScopeKind',
  'ShareTarget',
  'ShareTargets',
  'Timestamp',
  'Title',
  'Unit',
  'UnitList',
  'UploadSession',
  'UploadStatus',
];

/** The error classes of PUBLIC-API.md, base class first. */
const ERRORS = [
  'DocPortalError',
  'NetworkError',
  'TimeoutError',
  'AbortError',
  'AuthError',
  'ForbiddenError',
  'NotFoundError',
  'ConflictError',
  'PreconditionFailedError',
  'FileTooLargeError',
  'UnsupportedFileTypeError',
  'ValidationError',
  'RateLimitError',
  'ServerError',
  'ResponseValidationError',
];

/**
 * The schemas of queries and request bodies: a backend checks requests with them. They are on
 * `./contract` (the client sends without parsing them); the main entry has their types.
 */
const REQUEST_SCHEMAS = [
  'CreateDocument',
  'CreateDocumentType',
  'CreateUpload',
  'DigestQuery',
  'DocumentListQuery',
  'DocumentTypeListQuery',
  'RecipientSearchQuery',
  'ResolveRequest',
  'UpdateDocument',
  'UpdateDocumentType',
];

/**
 * Parts of requests and problems that the client never parses: on `./contract` beside the
 * request schemas, each with a value it takes; the main entry has their types.
 */
const PART_SCHEMAS: Record<string, string> = {
  DocumentSort: 'title:asc',
  ProblemCode: 'offset_mismatch',
  ScopeString: 'unit:max-planck-12-w002',
  TypeName: 'Verträge',
};

/** Every name `@docportal/core-sdk` has at run time. */
const MAIN_VALUES = [
  ...SCHEMAS,
  ...ERRORS,
  'errorFromStatus',
  'createClient',
  'DocPortalClient',
  'parseScope',
  'formatScope',
  'validateFile',
];

/** Names `@docportal/core-sdk` has as types only (the schemas' inferred types share their names). */
const MAIN_TYPES = [
  ...REQUEST_SCHEMAS,
  ...Object.keys(PART_SCHEMAS),
  'ClientErrorCode',
  'ClientOptions',
  'DocumentQuery',
  'DocumentTypeNode',
  'DocumentTypes',
  'Documents',
  'ErrorCode',
  'ErrorInit',
  'FileCheck',
  'FileKind',
  'Notifications',
  'Properties',
  'Recipients',
  'RequestOptions',
  'ResumeRecord',
  'ResumeStore',
  'RetryOptions',
  'TokenSource',
  'Units',
  'UploadOptions',
  'UploadProgress',
];

/** Every name `@docportal/core-sdk/internal` has at run time. */
const INTERNAL_VALUES = [
  'ACCEPT',
  'FILE_KINDS',
  'MAX_FILE_SIZE',
  'blobSource',
  'bytesSource',
  'cleanFileName',
  'defaultTitle',
  'kindOfMimeType',
  'kindOfName',
  'sniff',
];
const INTERNAL_TYPES = ['ByteSource', 'FileKindInfo'];

/** The contract's limits, beside the endpoint table on `@docportal/core-sdk/contract`. */
const LIMITS = ['MAX_CHUNK_SIZE', 'MAX_FILE_SIZE', 'UPLOAD_LIMIT'];

/** What PUBLIC-API.md names of the SDK: functions, error classes, and types. */
const SPEC_VALUES = ['createClient', 'validateFile', 'parseScope', 'formatScope', ...ERRORS];
const SPEC_TYPES = ['DocumentTypeNode', 'DocumentType', 'ShareTarget'];

const sorted = (names: Iterable<string>) => [...names].sort();
/** Names in `actual` but not in `expected`, and the other way round: an empty diff passes. */
const diff = (actual: Iterable<string>, expected: Iterable<string>) => {
  const a = new Set(actual);
  const e = new Set(expected);
  return {
    unexpected: sorted([...a].filter((n) => !e.has(n))),
    missing: sorted([...e].filter((n) => !a.has(n))),
  };
};
const none = { unexpected: [], missing: [] };

/** The names each entry's source exports, as TypeScript sees them: with values, and as types only. */
function typeSurface(): Record<'main' | 'internal', { values: string[]; types: string[] } | undefined> {
  const src = (f: string) => fileURLToPath(new URL(`../src/${f}`, import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(
    fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const files = { main: src('index.ts'), internal: src('internal.ts') };
  // Names need no library types: leaving them out (the DOM's, Node's) saves seconds.
  const program = ts.createProgram(Object.values(files), { ...config.options, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const surface = (file: string) => {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) return undefined;
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // `export type { X }` of a class or a const makes X a type here, whatever X is in its module.
      const typeOnly = symbol.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d));
      (target.flags & ts.SymbolFlags.Value && !typeOnly ? values : types).push(symbol.name);
    }
    return { values, types };
  };
  return { main: surface(files.main), internal: surface(files.internal) };
}

describe('@docportal/core-sdk: its entry points, name by name', () => {
  it('the main entry has exactly the public names at run time', async () => {
    const sdk = await import('@docportal/core-sdk');
    assert.deepEqual(diff(Object.keys(sdk), MAIN_VALUES), none);
  });

  it('`./internal` has exactly the helpers docportal’s own packages share, and none of the main entry', async () => {
    const internal: Record<string, unknown> = await import('@docportal/core-sdk/internal').catch(
      (e: unknown) => assert.fail(`@docportal/core-sdk/internal does not import: ${String(e)}`),
    );
    assert.deepEqual(diff(Object.keys(internal), INTERNAL_VALUES), none);
    assert.deepEqual(
      Object.keys(internal).filter((n) => MAIN_VALUES.includes(n)),
      [],
    );
  });

  it('`./contract` has the contract’s limits, the request schemas and their parts, which left the main entry', async () => {
    const contract: Record<string, unknown> = await import('@docportal/core-sdk/contract');
    assert.deepEqual(
      LIMITS.filter((n) => typeof contract[n] !== 'number'),
      [],
    );
    const { safeParse } = await import('zod/mini');
    assert.deepEqual(
      REQUEST_SCHEMAS.filter((n) => !safeParse(contract[n] as never, {}).error),
      // The schemas whose every field is optional take an empty object.
      ['DocumentListQuery', 'DocumentTypeListQuery', 'UpdateDocument', 'UpdateDocumentType'],
    );
    assert.deepEqual(
      Object.entries(PART_SCHEMAS)
        .filter(
          ([n, value]) =>
            !safeParse(contract[n] as never, value).success || safeParse(contract[n] as never, 1).success,
        )
        .map(([n]) => n),
      [],
    );
  });

  it('every SDK name of PUBLIC-API.md is on the main entry', async () => {
    const sdk: Record<string, unknown> = await import('@docportal/core-sdk');
    assert.deepEqual(
      SPEC_VALUES.filter((n) => typeof sdk[n] !== 'function'),
      [],
    );
    for (const name of ERRORS.slice(1)) {
      const Class = sdk[name] as new (message: string, init: { code: string }) => Error;
      assert.ok(
        new Class('x', { code: 'x' }) instanceof (sdk.DocPortalError as typeof Error),
        `${name} extends DocPortalError`,
      );
    }
  });

  it('as types: exactly the public names on the main entry and the helpers on `./internal`, the spec’s types included', () => {
    const { main, internal } = typeSurface();
    assert.ok(main, 'src/index.ts');
    assert.ok(internal, 'src/internal.ts does not exist');
    assert.deepEqual(diff(main.values, MAIN_VALUES), none, 'main entry: values');
    assert.deepEqual(diff(main.types, MAIN_TYPES), none, 'main entry: types only');
    assert.deepEqual(diff(internal.values, INTERNAL_VALUES), none, './internal: values');
    assert.deepEqual(diff(internal.types, INTERNAL_TYPES), none, './internal: types only');
    assert.deepEqual(
      SPEC_TYPES.filter((n) => ![...main.values, ...main.types].includes(n)),
      [],
    );
  });
});
