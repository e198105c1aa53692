import * as z from 'zod/mini';

/** Bidi overrides and isolates, which can make "txt.exe" read as "exe.txt": removed from text. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/gu;

/** Characters never allowed in titles and names: C0/C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Number of Unicode code points in a string (not UTF-16 units). */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * What the OpenAPI document says of a schema beyond what zod derives from its checks: a format, a
 * limit counted in code points. scripts/openapi-components.ts hands them to zod's JSON Schema
 * conversion. They are not `z.meta` checks, whose registry would ride along in every bundle.
 */
export const jsonSchemaHints = new Map<z.ZodMiniType, Record<string, unknown>>();

/** `schema`, with what the OpenAPI document says of it beyond its checks. */
export const hinted = <S extends z.ZodMiniType>(schema: S, hint: Record<string, unknown>): S => {
  jsonSchemaHints.set(schema, hint);
  return schema;
};

/** The check of `int()`, for a number schema of another origin (a query's coerced page size). */
export const wholeNumber = () => z.refine(Number.isSafeInteger, 'must be a whole number');

/**
 * A whole number (a safe integer), with further checks if given. Not zod's `z.int()`, whose
 * number-format module would ride along in every bundle (0.24 KB brotli); the document still says
 * `integer`.
 */
export const int = (...checks: z.core.$ZodCheck<number>[]) =>
  hinted(z.number().check(wholeNumber(), ...checks), { type: 'integer' });

/** An opaque identifier: 1–200 characters. */
export const Id = z
  .string()
  .check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));

// Two plain patterns rather than zod's ISO module, which builds its patterns from options at
// run time (0.4 KB brotli in every bundle); the document still names their formats.

/** ISO-8601 UTC timestamp, e.g. `2026-03-01T09:30:00.000Z`. */
export const Timestamp = hinted(
  z
    .string()
    .check(
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?Z$/,
        'must be an ISO-8601 UTC time',
      ),
    ),
  { format: 'date-time' },
);

/** A calendar date `YYYY-MM-DD`. */
export const DateString = hinted(
  z.string().check(
    z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD'),
    z.refine(
      (s) => !isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
      'must be a date of the calendar',
    ),
  ),
  { format: 'date' },
);

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Role = z.enum(['tenant', 'owner']);
export type Role = z.infer<typeof Role>;

/** A non-empty set of roles, each at most once. */
export const Roles = z.array(Role).check(
  z.minLength(1, 'must name at least one role'),
  z.maxLength(2),
  z.refine((r) => new Set(r).size === r.length, 'must not repeat a role'),
);

/**
 * Free text typed by a person (titles, folder names): trimmed and NFC-normalised (so that
 * "Pläne" typed either way is one name), 1–`max` code points, no control characters.
 */
export const text = (max: number) =>
  hinted(
    z.string().check(
      z.overwrite((s) => s.replace(BIDI, '')),
      z.trim(),
      z.normalize('NFC'),
      z.refine((s) => s.length > 0, 'must not be empty'),
      z.refine((s) => codePointLength(s) <= max, `must be at most ${max} characters`),
      z.refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    ),
    // The limits in JSON Schema terms (which counts code points).
    { minLength: 1, maxLength: max },
  );

export const ScopeKind = z.enum(['property', 'unit']);
export type ScopeKind = z.infer<typeof ScopeKind>;

/** Where a document lives: a whole property or one unit. */
export const Scope = z.object({ kind: ScopeKind, id: Id });
export type Scope = z.infer<typeof Scope>;

/** A scope in its string form, as used in query parameters and attributes: `unit:max-planck-12-w002`. */
export const ScopeString = z
  .string()
  .check(z.regex(/^(property|unit):[^\s:][^\s]{0,199}$/, 'must look like "property:<id>" or "unit:<id>"'));

/** Who may see a document: one entry of its share list. */
export const ShareTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('property'), propertyId: Id, roles: Roles }),
  z.object({ kind: z.literal('address'), addressId: Id, roles: Roles }),
  z.object({ kind: z.literal('unit'), unitId: Id, roles: Roles }),
  z.object({ kind: z.literal('group'), groupId: Id }),
  z.object({ kind: z.literal('contact'), contactId: Id }),
]);
export type ShareTarget = z.infer<typeof ShareTarget>;

export const ShareTargets = z.array(ShareTarget).check(z.maxLength(100, 'must hold at most 100 targets'));

/** `{ items: T[] }`, the shape of every unpaginated list. */
export const list = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });
