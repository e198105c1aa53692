import type { Scope, ScopeKind } from './schemas/common.js';

const KINDS: readonly ScopeKind[] = ['property', 'unit'];

/**
 * Reads a scope from its string form (`unit:max-planck-12-w002`) or checks a scope object.
 * @throws TypeError when it is not `property:<id>` or `unit:<id>`.
 */
export function parseScope(scope: Scope | string): Scope {
  const i = typeof scope === 'string' ? scope.indexOf(':') : -1;
  const kind = (typeof scope === 'string' ? scope.slice(0, i) : scope?.kind) as ScopeKind;
  const id = typeof scope === 'string' ? scope.slice(i + 1) : scope?.id;
  if (!KINDS.includes(kind) || typeof id !== 'string' || id.length === 0 || /\s/.test(id)) {
    throw new TypeError(`Invalid scope ${JSON.stringify(scope)}: expected "property:<id>" or "unit:<id>".`);
  }
  return { kind, id };
}

/** Writes a scope in its string form, as query parameters and attributes use it. */
export function formatScope(scope: Scope | string): string {
  const { kind, id } = parseScope(scope);
  return `${kind}:${id}`;
}
