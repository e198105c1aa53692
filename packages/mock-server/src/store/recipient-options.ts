import type { Locale, RecipientOption, Role, Scope, ShareTarget } from '@docportal/core-sdk';
import type { Directory } from './directory.js';
import type { UnitRec } from './model.js';
import { fold } from './util.js';

/** The words of the share options, in each language the product speaks. */
export interface OptionLabels {
  role: Record<Role, string>;
  /** Joins the roles one contact holds: "Mieter und Eigentümer". */
  and: string;
  allTenants: string;
  allOwners: string;
  allTenantsAndOwners: string;
  addressDescription: string;
  unit: string;
  group: string;
  groupDescription: (members: number) => string;
}

export const OPTION_LABELS: Record<Locale, OptionLabels> = {
  de: {
    role: { tenant: 'Mieter', owner: 'Eigentümer' },
    and: ' und ',
    allTenants: 'Alle Mieter',
    allOwners: 'Alle Eigentümer',
    allTenantsAndOwners: 'Alle Mieter und Eigentümer',
    addressDescription: 'Adresse · Mieter und Eigentümer',
    unit: 'Einheit',
    group: 'Gruppe',
    groupDescription: (members) => `Gruppe · ${members} Mitglieder`,
  },
  en: {
    role: { tenant: 'Tenant', owner: 'Owner' },
    and: ' and ',
    allTenants: 'All tenants',
    allOwners: 'All owners',
    allTenantsAndOwners: 'All tenants and owners',
    addressDescription: 'Address · tenants and owners',
    unit: 'Unit',
    group: 'Group',
    groupDescription: (members) => `Group · ${members} members`,
  },
};

export interface OptionQuery {
  q?: string;
  limit?: number;
  locale?: Locale;
}

/** The role-wide options, in the order they are offered. */
const roleSets = (labels: OptionLabels): Array<{ roles: Role[]; label: string }> => [
  { roles: ['tenant'], label: labels.allTenants },
  { roles: ['owner'], label: labels.allOwners },
  { roles: ['tenant', 'owner'], label: labels.allTenantsAndOwners },
];

/** Collects options that match the search text, until the limit is reached. */
class OptionList {
  readonly items: RecipientOption[] = [];
  private readonly needle: string;
  private readonly limit: number;

  constructor(
    private readonly directory: Directory,
    query: OptionQuery,
  ) {
    this.needle = fold(query.q ?? '').trim();
    this.limit = query.limit ?? 20;
  }

  /**
   * Offers one option; answers whether more are wanted. The description and the count are
   * worked out only for options that match (the count defaults to whom the target reaches).
   */
  offer(target: ShareTarget, label: string, description: () => string, count?: () => number): boolean {
    if (this.needle && !fold(label).includes(this.needle)) return true;
    const recipientCount = count ? count() : this.directory.resolve(target).size;
    this.items.push({ target, label, description: description(), recipientCount });
    return this.items.length < this.limit;
  }

  offersContact(contactId: string): boolean {
    return this.items.some((item) => item.target.kind === 'contact' && item.target.contactId === contactId);
  }
}

/**
 * Share options inside a scope (whose property is `propertyId`): role-wide ones first, then
 * addresses, units, groups, contacts; labels in the query's locale (German by default).
 */
export function recipientOptions(
  directory: Directory,
  scope: Scope,
  propertyId: string,
  query: OptionQuery,
): RecipientOption[] {
  const labels = OPTION_LABELS[query.locale ?? 'de'];
  const list = new OptionList(directory, query);
  if (scope.kind === 'unit') unitOptions(list, directory, directory.units.get(scope.id)!, labels);
  else propertyOptions(list, directory, propertyId, labels);
  return list.items;
}

/** A unit's options: its role-wide ones, then each current resident once. */
function unitOptions(list: OptionList, directory: Directory, unit: UnitRec, labels: OptionLabels): void {
  const propertyName = directory.properties.get(unit.propertyId)!.name;
  for (const set of roleSets(labels)) {
    const target: ShareTarget = { kind: 'unit', unitId: unit.id, roles: set.roles };
    if (!list.offer(target, set.label, () => `${unit.name} · ${propertyName}`)) return;
  }
  const unitScope: Scope = { kind: 'unit', id: unit.id };
  for (const relation of directory.relationsByUnit.get(unit.id) ?? []) {
    if (!directory.isActive(relation) || list.offersContact(relation.contactId)) continue;
    const contact = directory.contacts.get(relation.contactId)!;
    const roles = directory.rolesIn(contact.id, unitScope).map((role) => labels.role[role]);
    const describe = () => `${roles.join(labels.and)} · ${unit.name}`;
    if (!list.offer({ kind: 'contact', contactId: contact.id }, contact.name, describe, () => 1)) return;
  }
}

/** A property's options: role-wide, addresses, units, groups, then its contacts. */
function propertyOptions(
  list: OptionList,
  directory: Directory,
  propertyId: string,
  labels: OptionLabels,
): void {
  const property = directory.properties.get(propertyId)!;
  for (const set of roleSets(labels)) {
    const target: ShareTarget = { kind: 'property', propertyId, roles: set.roles };
    if (!list.offer(target, set.label, () => property.name)) return;
  }
  for (const address of directory.addressesByProperty.get(propertyId) ?? []) {
    const target: ShareTarget = { kind: 'address', addressId: address.id, roles: ['tenant', 'owner'] };
    if (!list.offer(target, address.label, () => labels.addressDescription)) return;
  }
  for (const unit of directory.unitsByProperty.get(propertyId) ?? []) {
    const address = directory.addresses.get(unit.addressId)!;
    const target: ShareTarget = { kind: 'unit', unitId: unit.id, roles: ['tenant', 'owner'] };
    if (!list.offer(target, unit.name, () => `${labels.unit} · ${address.label}`)) return;
  }
  for (const group of directory.groupsByProperty.get(propertyId) ?? []) {
    const members = group.memberIds.length;
    const describe = () => labels.groupDescription(members);
    if (!list.offer({ kind: 'group', groupId: group.id }, group.name, describe, () => members)) return;
  }
  contactOptions(list, directory, propertyId, labels);
}

/** Current residents of the property, then group members who live elsewhere; each once. */
function contactOptions(
  list: OptionList,
  directory: Directory,
  propertyId: string,
  labels: OptionLabels,
): void {
  const seen = new Set<string>();
  const offerContact = (contactId: string): boolean => {
    if (seen.has(contactId)) return true;
    seen.add(contactId);
    const name = directory.contacts.get(contactId)!.name;
    const describe = () => contactDescription(directory, contactId, propertyId, labels);
    return list.offer({ kind: 'contact', contactId }, name, describe, () => 1);
  };
  for (const unit of directory.unitsByProperty.get(propertyId) ?? [])
    for (const relation of directory.residents(unit.id)) if (!offerContact(relation.contactId)) return;
  for (const group of directory.groupsByProperty.get(propertyId) ?? [])
    for (const memberId of group.memberIds) if (!offerContact(memberId)) return;
}

/** "Mieter · Whg 3, Eigentümer · Whg 5", or the groups for a contact who lives elsewhere. */
export function contactDescription(
  directory: Directory,
  contactId: string,
  propertyId: string,
  labels: OptionLabels,
): string {
  const parts: string[] = [];
  for (const relation of directory.relationsByContact.get(contactId) ?? []) {
    const unit = directory.units.get(relation.unitId);
    if (!unit || unit.propertyId !== propertyId || !directory.isActive(relation)) continue;
    parts.push(`${labels.role[relation.role]} · ${unit.name}`);
  }
  if (parts.length === 0) {
    for (const group of directory.groupsByContact.get(contactId) ?? [])
      if (group.propertyId === propertyId) parts.push(`${labels.group} · ${group.name}`);
  }
  return parts.join(', ');
}
