import type { Locale, Role, Scope, ShareTarget } from '@docportal/core-sdk';

export interface PropertyRec {
  id: string;
  name: string;
}
export interface AddressRec {
  id: string;
  propertyId: string;
  label: string;
}
export interface UnitRec {
  id: string;
  propertyId: string;
  addressId: string;
  name: string;
}
/** A tenancy or ownership; active while `from` ≤ today < `to` (Berlin calendar dates). */
export interface RelationRec {
  contactId: string;
  unitId: string;
  role: Role;
  from: string;
  to?: string;
}
export interface ContactRec {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}
export interface GroupRec {
  id: string;
  propertyId: string;
  name: string;
  memberIds: string[];
}
export interface TypeRec {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
}

export interface DocRec {
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The file, as the pieces it arrived in. */
  bytes: Uint8Array[];
  documentTypeId: string;
  scope: Scope;
  /** The property the scope lies in (the scope's own id for a property scope). */
  propertyId: string;
  shares: ShareTarget[];
  createdAt: number;
  updatedAt: number;
  version: number;
  /** Folded title, for sorting and search. */
  key: string;
  downloads: Map<string, { count: number; lastAt: number }>;
}

export interface UploadRec {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  offset: number;
  chunks: Uint8Array[];
  /** SHA-256 of the bytes so far, fed as chunks arrive. */
  hash: import('./bytes.js').Sha256;
  /** A PATCH is streaming into this upload. */
  writing: boolean;
  createdAt: number;
  expiresAt: number;
  committed: boolean;
}

/** Everything a data set consists of; fixtures and the large generator both produce one. */
export interface Dataset {
  properties: PropertyRec[];
  addresses: AddressRec[];
  units: UnitRec[];
  contacts: ContactRec[];
  relations: RelationRec[];
  groups: GroupRec[];
  types: TypeRec[];
  documents: Array<
    Omit<DocRec, 'key' | 'downloads' | 'version' | 'updatedAt' | 'bytes'> & {
      bytes: Uint8Array;
      sharedAt?: number;
    }
  >;
}
