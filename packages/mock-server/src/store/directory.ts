import type { Role, Scope, ShareTarget } from '@docportal/core-sdk';
import type {
  AddressRec,
  ContactRec,
  Dataset,
  GroupRec,
  PropertyRec,
  RelationRec,
  UnitRec,
} from './model.js';

/** What one contact reaches today: the basis of every visibility check. */
export interface ContactView {
  id: string;
  units: Map<string, Set<Role>>;
  addresses: Map<string, Set<Role>>;
  properties: Map<string, Set<Role>>;
  groups: Set<string>;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
};

const addRole = (m: Map<string, Set<Role>>, k: string, r: Role) => {
  const s = m.get(k);
  if (s) s.add(r);
  else m.set(k, new Set([r]));
};

/**
 * The people side of the domain: properties, addresses, units, contacts, their relations and
 * groups, and how share targets resolve to contacts on a given day. Read-only after loading;
 * resolutions are cached per day.
 */
export class Directory {
  readonly properties = new Map<string, PropertyRec>();
  readonly addresses = new Map<string, AddressRec>();
  readonly units = new Map<string, UnitRec>();
  readonly contacts = new Map<string, ContactRec>();
  readonly groups = new Map<string, GroupRec>();
  readonly addressesByProperty = new Map<string, AddressRec[]>();
  readonly unitsByProperty = new Map<string, UnitRec[]>();
  readonly unitsByAddress = new Map<string, UnitRec[]>();
  readonly relationsByUnit = new Map<string, RelationRec[]>();
  readonly relationsByContact = new Map<string, RelationRec[]>();
  readonly groupsByProperty = new Map<string, GroupRec[]>();
  readonly groupsByContact = new Map<string, GroupRec[]>();

  private day = '';
  private countCache = new WeakMap<readonly ShareTarget[], number>();
  private readonly targetCache = new Map<string, ReadonlySet<string>>();
  private readonly viewCache = new Map<string, ContactView>();

  constructor(
    data: Pick<Dataset, 'properties' | 'addresses' | 'units' | 'contacts' | 'relations' | 'groups'>,
  ) {
    for (const p of data.properties) this.properties.set(p.id, p);
    for (const a of data.addresses) {
      this.addresses.set(a.id, a);
      push(this.addressesByProperty, a.propertyId, a);
    }
    for (const u of data.units) {
      this.units.set(u.id, u);
      push(this.unitsByProperty, u.propertyId, u);
      push(this.unitsByAddress, u.addressId, u);
    }
    for (const c of data.contacts) this.contacts.set(c.id, c);
    for (const r of data.relations) {
      push(this.relationsByUnit, r.unitId, r);
      push(this.relationsByContact, r.contactId, r);
    }
    for (const g of data.groups) {
      this.groups.set(g.id, g);
      push(this.groupsByProperty, g.propertyId, g);
      for (const m of g.memberIds) push(this.groupsByContact, m, g);
    }
  }

  /** Sets the calendar day resolutions refer to; a new day drops the caches. */
  setDay(today: string): void {
    if (today === this.day) return;
    this.day = today;
    this.targetCache.clear();
    this.viewCache.clear();
    this.countCache = new WeakMap();
  }

  isActive(r: RelationRec): boolean {
    return r.from <= this.day && (r.to === undefined || this.day < r.to);
  }

  /** Current relations of a unit. */
  residents(unitId: string): RelationRec[] {
    return (this.relationsByUnit.get(unitId) ?? []).filter((r) => this.isActive(r));
  }

  /** The contacts a target reaches today. */
  resolve(t: ShareTarget): ReadonlySet<string> {
    const key = targetKey(t);
    let hit = this.targetCache.get(key);
    if (hit) return hit;
    const out = new Set<string>();
    const fromUnits = (units: readonly UnitRec[] | undefined, roles: readonly Role[]) => {
      for (const u of units ?? [])
        for (const r of this.residents(u.id)) if (roles.includes(r.role)) out.add(r.contactId);
    };
    switch (t.kind) {
      case 'property':
        fromUnits(this.unitsByProperty.get(t.propertyId), t.roles);
        break;
      case 'address':
        fromUnits(this.unitsByAddress.get(t.addressId), t.roles);
        break;
      case 'unit': {
        const u = this.units.get(t.unitId);
        fromUnits(u ? [u] : [], t.roles);
        break;
      }
      case 'group':
        for (const m of this.groups.get(t.groupId)?.memberIds ?? []) out.add(m);
        break;
      case 'contact':
        if (this.contacts.has(t.contactId)) out.add(t.contactId);
        break;
    }
    hit = out;
    this.targetCache.set(key, hit);
    return hit;
  }

  /** The contacts a share list reaches today. */
  resolveAll(targets: readonly ShareTarget[]): ReadonlySet<string> {
    if (targets.length === 1) return this.resolve(targets[0]!);
    const out = new Set<string>();
    for (const t of targets) for (const c of this.resolve(t)) out.add(c);
    return out;
  }

  /** How many contacts a share list reaches today; cached per list (a document's list is replaced on change, never edited). */
  countAll(targets: readonly ShareTarget[]): number {
    let n = this.countCache.get(targets);
    if (n === undefined) this.countCache.set(targets, (n = this.resolveAll(targets).size));
    return n;
  }

  view(contactId: string): ContactView {
    let v = this.viewCache.get(contactId);
    if (v) return v;
    v = { id: contactId, units: new Map(), addresses: new Map(), properties: new Map(), groups: new Set() };
    for (const r of this.relationsByContact.get(contactId) ?? []) {
      if (!this.isActive(r)) continue;
      const u = this.units.get(r.unitId);
      if (!u) continue;
      addRole(v.units, u.id, r.role);
      addRole(v.addresses, u.addressId, r.role);
      addRole(v.properties, u.propertyId, r.role);
    }
    for (const g of this.groupsByContact.get(contactId) ?? []) v.groups.add(g.id);
    this.viewCache.set(contactId, v);
    return v;
  }

  /** Whether a share list reaches the contact of `view` today. */
  reaches(targets: readonly ShareTarget[], view: ContactView): boolean {
    for (const t of targets) {
      switch (t.kind) {
        case 'property':
          if (hasRole(view.properties.get(t.propertyId), t.roles)) return true;
          break;
        case 'address':
          if (hasRole(view.addresses.get(t.addressId), t.roles)) return true;
          break;
        case 'unit':
          if (hasRole(view.units.get(t.unitId), t.roles)) return true;
          break;
        case 'group':
          if (view.groups.has(t.groupId)) return true;
          break;
        case 'contact':
          if (t.contactId === view.id) return true;
          break;
      }
    }
    return false;
  }

  /** The property a scope lies in, or undefined when the scope names nothing. */
  propertyOf(scope: Scope): string | undefined {
    if (scope.kind === 'property') return this.properties.has(scope.id) ? scope.id : undefined;
    return this.units.get(scope.id)?.propertyId;
  }

  /** The contact's roles today inside a scope. */
  rolesIn(contactId: string, scope: Scope): Role[] {
    const v = this.view(contactId);
    const roles = scope.kind === 'property' ? v.properties.get(scope.id) : v.units.get(scope.id);
    return roles ? (['tenant', 'owner'] as const).filter((r) => roles.has(r)) : [];
  }

  /** Whether a contact belongs to a scope at all: any relation (also a past one) or, for a property, a group. */
  contactInScope(contactId: string, scope: Scope): boolean {
    const rels = this.relationsByContact.get(contactId) ?? [];
    if (scope.kind === 'unit') return rels.some((r) => r.unitId === scope.id);
    if (rels.some((r) => this.units.get(r.unitId)?.propertyId === scope.id)) return true;
    return (this.groupsByContact.get(contactId) ?? []).some((g) => g.propertyId === scope.id);
  }

  /**
   * Every property where a share could reach the contact: relations of any time (contact
   * targets outlive a tenancy) and group memberships. Share targets never lie outside these.
   */
  propertiesReaching(contactId: string): Set<string> {
    const out = new Set<string>();
    for (const r of this.relationsByContact.get(contactId) ?? []) {
      const u = this.units.get(r.unitId);
      if (u) out.add(u.propertyId);
    }
    for (const g of this.groupsByContact.get(contactId) ?? []) out.add(g.propertyId);
    return out;
  }

  /** The path and complaint for the first target naming an unknown id, if any. */
  unknownTarget(
    targets: readonly ShareTarget[],
    base: string,
  ): { path: string; message: string } | undefined {
    for (const [i, t] of targets.entries()) {
      const [field, known] = this.idOf(t);
      if (!known) return { path: `${base}.${i}.${field}`, message: `unknown ${t.kind} id` };
    }
    return undefined;
  }

  /** The id field a target names, and whether that id exists. */
  private idOf(t: ShareTarget): [field: string, known: boolean] {
    switch (t.kind) {
      case 'property':
        return ['propertyId', this.properties.has(t.propertyId)];
      case 'address':
        return ['addressId', this.addresses.has(t.addressId)];
      case 'unit':
        return ['unitId', this.units.has(t.unitId)];
      case 'group':
        return ['groupId', this.groups.has(t.groupId)];
      default:
        return ['contactId', this.contacts.has(t.contactId)];
    }
  }

  /** Whether a (known) target lies inside a scope. */
  targetInScope(t: ShareTarget, scope: Scope): boolean {
    if (scope.kind === 'unit') {
      if (t.kind === 'unit') return t.unitId === scope.id;
      if (t.kind === 'contact') return this.contactInScope(t.contactId, scope);
      return false;
    }
    switch (t.kind) {
      case 'property':
        return t.propertyId === scope.id;
      case 'address':
        return this.addresses.get(t.addressId)?.propertyId === scope.id;
      case 'unit':
        return this.units.get(t.unitId)?.propertyId === scope.id;
      case 'group':
        return this.groups.get(t.groupId)?.propertyId === scope.id;
      case 'contact':
        return this.contactInScope(t.contactId, scope);
    }
  }
}

const hasRole = (have: Set<Role> | undefined, want: readonly Role[]) =>
  !!have && want.some((r) => have.has(r));

export const targetKey = (t: ShareTarget): string => {
  switch (t.kind) {
    case 'property':
      return `p:${t.propertyId}:${[...t.roles].sort().join('+')}`;
    case 'address':
      return `a:${t.addressId}:${[...t.roles].sort().join('+')}`;
    case 'unit':
      return `u:${t.unitId}:${[...t.roles].sort().join('+')}`;
    case 'group':
      return `g:${t.groupId}`;
    case 'contact':
      return `c:${t.contactId}`;
  }
};
