import type { Role, Scope, ShareTarget } from '@docportal/core-sdk';

/** The id a target names, whatever its kind. */
export function targetId(t: ShareTarget): string {
  switch (t.kind) {
    case 'property':
      return t.propertyId;
    case 'address':
      return t.addressId;
    case 'unit':
      return t.unitId;
    case 'group':
      return t.groupId;
    default:
      return t.contactId;
  }
}

/** The thing a target names, whatever its audience: `address:rosenweg-24`. */
export const idKey = (t: ShareTarget): string => `${t.kind}:${targetId(t)}`;

/** One key per target and audience: two chips never say the same. */
export const targetKey = (t: ShareTarget): string => `${idKey(t)}:${'roles' in t ? [...t.roles].sort() : ''}`;

/** Whether a target is the scope-wide role choice (offered as checkboxes, not as a chip). */
export const isScopeRole = (t: ShareTarget, s: Scope | undefined): boolean =>
  !!s &&
  ((t.kind === 'property' && s.kind === 'property' && t.propertyId === s.id) ||
    (t.kind === 'unit' && s.kind === 'unit' && t.unitId === s.id));

/** The audiences a property, address or unit target can be narrowed to. */
export const AUDIENCES = ['both', 'tenant', 'owner'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const audienceOf = (roles: readonly Role[]): Audience => (roles.length === 1 ? roles[0]! : 'both');
export const rolesOf = (a: Audience): Role[] => (a === 'both' ? ['tenant', 'owner'] : [a]);

/** Folds text as the server's search does: case and accents do not matter. */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
