/**
 * The zod schemas as OpenAPI components. Each exported schema is a component by its export name
 * and refers to the others by `$ref`; the variants of a discriminated union become components
 * of their own (`PropertyShareTarget`, …) so that the union carries a discriminator mapping.
 *
 * Answers and requests differ on purpose: an answer's objects stay open for fields a later
 * version adds (no `additionalProperties: false`), a request's objects are closed. A schema
 * used both ways gets two components, the request one named `…Input`.
 */
import * as z from 'zod/mini';
import { jsonSchemaHints } from '../src/schemas/common.ts';

type Json = Record<string, unknown>;
export type Io = 'input' | 'output';

const isSchema = (v: unknown): v is z.ZodMiniType => !!v && typeof v === 'object' && '_zod' in v;
const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase());
const SAFE = 9007199254740991;

/** The schemas' hints (a format, limits in code points) as zod metadata, which its conversion reads. */
function hint(): void {
  for (const [schema, json] of jsonSchemaHints) z.globalRegistry.add(schema, json);
}

/** Named schemas: every exported zod schema, plus each variant of a discriminated union. */
export function namedSchemas(exports: Record<string, unknown>): Map<z.ZodMiniType, string> {
  const names = new Map<z.ZodMiniType, string>();
  for (const [name, value] of Object.entries(exports)) {
    if (!isSchema(value) || names.has(value)) continue;
    names.set(value, name);
    const def = value._zod.def as { type: string; discriminator?: string; options?: z.ZodMiniType[] };
    if (def.type !== 'union' || !def.discriminator) continue;
    for (const option of def.options ?? [])
      names.set(option, `${pascal(literalOf(option, def.discriminator))}${name}`);
  }
  return names;
}

/** The literal value of `key` in an object schema (the discriminator of a union member). */
function literalOf(option: z.ZodMiniType, key: string): string {
  const shape = (option._zod.def as { shape?: Record<string, z.ZodMiniType> }).shape;
  const values = (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values;
  if (!values || values.length !== 1) throw new Error(`a union member without a single literal "${key}"`);
  return String(values[0]);
}

/** Walks a JSON value, calling `visit` on every object (children first). */
function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) walk(v, visit);
    visit(node as Json);
  }
}

/** What zod emits that OpenAPI readers do not need or misread, and the contract's open/closed rule. */
function tidy(schema: Json, io: Io): Json {
  delete schema.$schema;
  delete schema.$id;
  walk(schema, (o) => {
    // z.int() bounds itself by the safe integers: true but noise.
    if (o.type === 'integer') {
      if (o.minimum === -SAFE) delete o.minimum;
      if (o.maximum === SAFE) delete o.maximum;
    }
    if (o.type === 'object' && o.properties) {
      if (io === 'output') delete o.additionalProperties;
      else o.additionalProperties = false;
    }
  });
  return schema;
}

/** One schema as JSON Schema without references (query parameters, headers). */
export function inlineSchema(schema: z.ZodMiniType, io: Io): Json {
  hint();
  return tidy(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json, io);
}

/**
 * Component schemas for the given answer and request roots, with `ref(schema, io)` giving the
 * `$ref` (or inline schema) to use at a root. Only what the roots reach becomes a component.
 */
export function components(names: Map<z.ZodMiniType, string>) {
  const converted = { input: convert(names, 'input'), output: convert(names, 'output') };
  const used = { input: new Set<string>(), output: new Set<string>() };
  const REF = /^#\/__(input|output)\/(.+)$/;

  const ref = (schema: z.ZodMiniType, io: Io): Json => {
    const name = names.get(schema);
    if (name) return (reach(io, name), { $ref: `#/__${io}/${name}` });
    const json = inlineSchema(schema, io);
    // An unnamed schema may still refer to named ones.
    return json;
  };
  function reach(io: Io, name: string): void {
    if (used[io].has(name)) return;
    used[io].add(name);
    walk(converted[io][name], (o) => {
      const m = typeof o.$ref === 'string' ? REF.exec(o.$ref) : null;
      if (m) reach(m[1] as Io, m[2]!);
    });
  }

  // Whether a schema's request form differs from its answer form, itself or in what it refers to.
  const differs = new Map<string, boolean>();
  const differ = (name: string): boolean => {
    if (differs.has(name)) return differs.get(name)!;
    differs.set(name, false);
    const input = JSON.stringify(converted.input[name]);
    let d = input.replaceAll('#/__input/', '#/__output/') !== JSON.stringify(converted.output[name]);
    for (const m of input.matchAll(/#\/__input\/([^"]+)/g)) d ||= differ(m[1]!);
    differs.set(name, d);
    return d;
  };
  /** The component name of a schema as the document finally calls it. */
  const finalName = (io: Io, name: string) =>
    io === 'input' && used.output.has(name) && differ(name) ? `${name}Input` : name;
  /** Replaces the placeholder references in `node` by the final component references. */
  const resolve = <T>(node: T): T => {
    walk(node, (o) => {
      const m = typeof o.$ref === 'string' ? REF.exec(o.$ref) : null;
      if (m) o.$ref = `#/components/schemas/${finalName(m[1] as Io, m[2]!)}`;
    });
    return node;
  };

  const schemas = (): Record<string, Json> => {
    const out: Record<string, Json> = {};
    for (const io of ['output', 'input'] as const)
      for (const name of used[io]) out[finalName(io, name)] ??= structuredClone(converted[io][name]!);
    for (const [name, schema] of Object.entries(out)) {
      resolve(schema);
      discriminate(schema, names, name);
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  };

  return { ref, resolve, schemas };
}

function convert(names: Map<z.ZodMiniType, string>, io: Io): Record<string, Json> {
  hint();
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/__${io}/${id}`,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as unknown as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) tidy(s, io);
  return schemas;
}

/** Adds the discriminator (with its mapping) to a union whose members are all named components. */
function discriminate(schema: Json, names: Map<z.ZodMiniType, string>, name: string): void {
  const union = [...names].find(([, n]) => n === name.replace(/Input$/, ''))?.[0];
  const def = union?._zod.def as { discriminator?: string; options?: z.ZodMiniType[] } | undefined;
  if (!def?.discriminator || !Array.isArray(schema.oneOf)) return;
  const mapping: Record<string, string> = {};
  def.options!.forEach((option, i) => {
    const target = (schema.oneOf as Json[])[i]?.$ref;
    if (typeof target === 'string') mapping[literalOf(option, def.discriminator!)] = target;
  });
  schema.discriminator = { propertyName: def.discriminator, mapping };
}
