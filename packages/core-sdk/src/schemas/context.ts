import * as z from 'zod/mini';
import { Id, Locale, Role, list, int } from './common.js';

/** The caller, as the token identifies them. */
export const Me = z.object({
  kind: z.enum(['manager', 'contact']),
  id: Id,
  name: z.string(),
  locale: Locale,
});
export type Me = z.infer<typeof Me>;

export const Address = z.object({ id: Id, propertyId: Id, label: z.string() });
export type Address = z.infer<typeof Address>;

export const Property = z.object({
  id: Id,
  name: z.string(),
  addresses: z.array(Address),
  unitCount: z.optional(int()),
});
export type Property = z.infer<typeof Property>;
export const PropertyList = list(Property);

/** A current resident of a unit. */
export const Resident = z.object({ contactId: Id, name: z.string(), role: Role });
export type Resident = z.infer<typeof Resident>;

export const Unit = z.object({
  id: Id,
  propertyId: Id,
  addressId: Id,
  name: z.string(),
  residents: z.array(Resident),
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = list(Unit);

export const Group = z.object({
  id: Id,
  propertyId: Id,
  name: z.string(),
  memberIds: z.array(Id),
});
export type Group = z.infer<typeof Group>;
export const GroupList = list(Group);
