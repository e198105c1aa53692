import type { Group, Locale, Me, Property, Unit } from '@docportal/core-sdk';
import type { Directory } from './directory.js';
import { notFound } from './errors.js';

/** Who the caller is, as the store knows them (the dev tokens name them). */
export type Principal = { kind: 'manager'; id: 'manager' } | { kind: 'contact'; id: string };

const MANAGER = { id: 'manager', name: 'Hausverwaltung Lindner GmbH', locale: 'de' as Locale };

/** The people side of the contract as wire JSON: who am I, properties, units, groups. */

/** The dev tokens: `manager` and `contact:<id>`; anything else is unknown. */
export function principalOf(directory: Directory, token: string | undefined): Principal | null {
  if (token === 'manager') return { kind: 'manager', id: 'manager' };
  if (token?.startsWith('contact:')) {
    const id = token.slice('contact:'.length);
    if (directory.contacts.has(id)) return { kind: 'contact', id };
  }
  return null;
}

export function meOf(directory: Directory, p: Principal): Me {
  if (p.kind === 'manager') return { kind: 'manager', ...MANAGER };
  const contact = directory.contacts.get(p.id)!;
  return { kind: 'contact', id: contact.id, name: contact.name, locale: contact.locale };
}

function propertyJson(directory: Directory, id: string): Property {
  const property = directory.properties.get(id)!;
  const addresses = (directory.addressesByProperty.get(id) ?? []).map((address) => ({
    id: address.id,
    propertyId: address.propertyId,
    label: address.label,
  }));
  const unitCount = directory.unitsByProperty.get(id)?.length ?? 0;
  return { id: property.id, name: property.name, addresses, unitCount };
}

/** Every property for the manager; a contact's own properties for a contact. By name. */
export function propertiesVisibleTo(directory: Directory, p: Principal): { items: Property[] } {
  const properties = p.kind === 'manager' ? directory.properties : directory.view(p.id).properties;
  const items = [...properties.keys()].map((id) => propertyJson(directory, id));
  items.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return { items };
}

/** One property; 404 for an unknown one and, for a contact, for one not theirs. */
export function propertyVisibleTo(directory: Directory, p: Principal, id: string): Property {
  const hidden = p.kind === 'contact' && !directory.view(p.id).properties.has(id);
  if (!directory.properties.has(id) || hidden) throw notFound('The property');
  return propertyJson(directory, id);
}

/** A unit with its current residents: tenants first, then by name. */
function unitJson(directory: Directory, id: string): Unit {
  const unit = directory.units.get(id)!;
  const residents = directory
    .residents(id)
    .map((relation) => ({
      contactId: relation.contactId,
      name: directory.contacts.get(relation.contactId)?.name ?? '',
      role: relation.role,
    }))
    .sort((a, b) => {
      if (a.role === b.role) return a.name.localeCompare(b.name, 'de');
      return a.role === 'tenant' ? -1 : 1;
    });
  return { id: unit.id, propertyId: unit.propertyId, addressId: unit.addressId, name: unit.name, residents };
}

export function unitsOf(directory: Directory, propertyId: string): { items: Unit[] } {
  if (!directory.properties.has(propertyId)) throw notFound('The property');
  const units = directory.unitsByProperty.get(propertyId) ?? [];
  return { items: units.map((unit) => unitJson(directory, unit.id)) };
}

export function unitById(directory: Directory, id: string): Unit {
  if (!directory.units.has(id)) throw notFound('The unit');
  return unitJson(directory, id);
}

export function groupsOf(directory: Directory, propertyId: string): { items: Group[] } {
  if (!directory.properties.has(propertyId)) throw notFound('The property');
  const groups = directory.groupsByProperty.get(propertyId) ?? [];
  return { items: groups.map((group) => ({ ...group, memberIds: [...group.memberIds] })) };
}
