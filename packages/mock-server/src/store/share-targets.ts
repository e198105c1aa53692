import type { ResolveResult, Scope, ShareTarget } from '@docportal/core-sdk';
import type { Directory } from './directory.js';
import { ApiError, invalid } from './errors.js';

/** At most this many contacts are listed by a resolution (the count is always whole). */
const RESOLVE_LIST_MAX = 100;

/** The property a scope lies in; 422 naming `path` for an unknown scope. */
export function propertyOfScope(directory: Directory, scope: Scope, path: string): string {
  const propertyId = directory.propertyOf(scope);
  if (!propertyId) throw invalid(path, `unknown ${scope.kind} id`);
  return propertyId;
}

/** 422 `validation_failed` naming the first share target with an unknown id. */
export function checkTargetsKnown(directory: Directory, targets: readonly ShareTarget[], base: string): void {
  const unknown = directory.unknownTarget(targets, base);
  if (unknown) throw invalid(unknown.path, unknown.message);
}

/** 422 `target_out_of_scope` listing every target that lies outside the scope. */
export function checkTargetsInScope(
  directory: Directory,
  targets: readonly ShareTarget[],
  scope: Scope,
  base: string,
): void {
  const outside = targets.flatMap((target, i) => {
    if (directory.targetInScope(target, scope)) return [];
    return [
      { path: `${base}.${i}`, message: `${target.kind} target lies outside ${scope.kind}:${scope.id}` },
    ];
  });
  if (outside.length === 0) return;
  const message = `${outside.length} share target(s) lie outside the scope ${scope.kind}:${scope.id}.`;
  throw new ApiError('target_out_of_scope', message, { errors: outside });
}

/** Known targets, all inside the scope (which must be known too). */
export function checkShares(
  directory: Directory,
  scope: Scope,
  targets: readonly ShareTarget[],
  base: string,
): void {
  propertyOfScope(directory, scope, 'scope.id');
  checkTargetsKnown(directory, targets, base);
  checkTargetsInScope(directory, targets, scope, base);
}

/** Whom targets reach today inside a scope: a count, and the first contacts by name with their roles. */
export function resolveTargets(
  directory: Directory,
  scope: Scope,
  targets: readonly ShareTarget[],
): ResolveResult {
  checkShares(directory, scope, targets, 'targets');
  const ids = [...directory.resolveAll(targets)];
  const contacts = ids
    .map((id) => ({ id, name: directory.contacts.get(id)!.name, roles: directory.rolesIn(id, scope) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : 1));
  return {
    count: ids.length,
    contacts: contacts.slice(0, RESOLVE_LIST_MAX),
    truncated: contacts.length > RESOLVE_LIST_MAX,
  };
}
