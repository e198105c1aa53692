import type { Scope, ScopeKind } from './schemas/common.js';

const KINDS: readonly ScopeKind[] = ['property', 'unit'];

/**
 * Reads a scope from its string form (`unit:max-planck-12-w002`); an object passes through.
 * @throws TypeError when the string is not `property:<id>` or `unit:<id>`.
 */
export function parseScope(scope: Scope | string): Scope {
  if (typeof scope !== 'string') return { kind: scope.kind, id: scope.id };
  const i = scope.indexOf(':');
  const kind = scope.slice(0, i) as ScopeKind;
  const id = scope.slice(i + 1);
  if (i < 1 || !KINDS.includes(kind) || id.length === 0 || /\s/.test(id)) {
    throw new TypeError(`Invalid scope "${scope}": expected "property:<id>" or "unit:<id>".`);
  }
  return { kind, id };
}

/** Writes a scope in its string form, as query parameters and attributes use it. */
export function formatScope(scope: Scope | string): string {
  const { kind, id } = parseScope(scope);
  return `${kind}:${id}`;
}
