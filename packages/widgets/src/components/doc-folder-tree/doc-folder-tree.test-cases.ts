/** Who sees what (DOMAIN.md): the fixture folders, the documents of the case and who may see each, for the browse tests. */
import type { ShareTarget } from '@docportal/core-sdk';
import { HOUSE_RULES, ROSENWEG, publish } from './doc-folder-tree.test-support.ts';

/** The folders of DOMAIN.md's fixtures: id → [name, parent]. */
export const FOLDERS: Record<string, [string, string | null]> = {
  objektunterlagen: ['Objektunterlagen', null],
  plaene: ['Pläne', 'objektunterlagen'],
  energieausweis: ['Energieausweis', 'objektunterlagen'],
  bedienungsanleitungen: ['Bedienungsanleitungen', null],
  abrechnungen: ['Abrechnungen', null],
  nebenkostenabrechnungen: ['Nebenkostenabrechnungen', 'abrechnungen'],
  hausgeldabrechnungen: ['Hausgeldabrechnungen', 'abrechnungen'],
  protokolle: ['Protokolle', null],
  eigentuemerversammlungen: ['Eigentümerversammlungen', 'protokolle'],
};
export const folderPath = (id: string): string[] => {
  const [name, parent] = FOLDERS[id]!;
  return parent ? [...folderPath(parent), name] : [name];
};

export interface DocCase {
  title: string;
  type: string;
  scope: { kind: 'property' | 'unit'; id: string };
  /** The property the scope lies in. */
  property: string;
  shares: ShareTarget[];
  /** In the fixture data set already; else published by the test. */
  fixture?: true;
}

/** Every document of the case: the fixture set's four, both walkthroughs' and one per kind of share target. */
export const DOCS: DocCase[] = [
  {
    fixture: true,
    title: 'Energieausweis Rosenweg 24',
    type: 'energieausweis',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] }],
  },
  {
    fixture: true,
    title: 'Wirtschaftsplan 2027',
    type: 'hausgeldabrechnungen',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] }],
  },
  {
    fixture: true,
    title: 'Protokoll Eigentümerversammlung 2026',
    type: 'eigentuemerversammlungen',
    scope: { kind: 'property', id: 'max-planck-12' },
    property: 'max-planck-12',
    shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['owner'] }],
  },
  {
    fixture: true,
    title: 'Grundriss Wohnung 002',
    type: 'plaene',
    scope: { kind: 'unit', id: 'max-planck-12-w002' },
    property: 'max-planck-12',
    shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }],
  },
  // Walkthrough 1 and 2.
  {
    title: 'Hausordnung',
    type: 'objektunterlagen',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [HOUSE_RULES],
  },
  {
    title: 'Bedienungsanleitung Therme',
    type: 'bedienungsanleitungen',
    scope: { kind: 'unit', id: 'max-planck-12-w002' },
    property: 'max-planck-12',
    shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }],
  },
  // A group, an address, a unit whose former tenant moved out, a personal document, and one shared with nobody.
  {
    title: 'Protokoll Beiratssitzung',
    type: 'protokolle',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }],
  },
  {
    title: 'Nebenkostenabrechnung 2025 Rosenweg 24a',
    type: 'nebenkostenabrechnungen',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [{ kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] }],
  },
  {
    title: 'Heizkosten Wohnung 003',
    type: 'nebenkostenabrechnungen',
    scope: { kind: 'unit', id: 'rosenweg-24-w003' },
    property: 'rosenweg-24',
    shares: [{ kind: 'unit', unitId: 'rosenweg-24-w003', roles: ['tenant'] }],
  },
  {
    title: 'Mietbescheinigung Lena Hoffmann',
    type: 'objektunterlagen',
    scope: { kind: 'unit', id: 'max-planck-12-w001' },
    property: 'max-planck-12',
    shares: [{ kind: 'contact', contactId: 'lena-hoffmann' }],
  },
  {
    title: 'Entwurf Hausordnung 2027',
    type: 'objektunterlagen',
    scope: ROSENWEG,
    property: 'rosenweg-24',
    shares: [],
  },
];

/**
 * What each contact sees today (27 Nov 2026), by DOMAIN.md's resolution: role targets through
 * relations active today, groups and contacts whatever the tenancy. The first seven are DOMAIN.md's
 * fixture contacts; the others are the fixture set's further residents of the same units.
 */
export const SEES: Array<[contact: string, why: string, titles: string[]]> = [
  [
    'kristina-maiblume',
    'tenant of Wohnung 002, Max-Planck-Straße 12: her unit’s plan and her personal manual',
    ['Grundriss Wohnung 002', 'Bedienungsanleitung Therme'],
  ],
  [
    'jonas-becker',
    'owner of Wohnung 002: the owners’ minutes and the unit’s plan, not Kristina’s manual',
    ['Protokoll Eigentümerversammlung 2026', 'Grundriss Wohnung 002'],
  ],
  [
    'lena-hoffmann',
    'tenant of another unit of Max-Planck-Straße 12: only her personal document',
    ['Mietbescheinigung Lena Hoffmann'],
  ],
  [
    'ahmet-yilmaz',
    'tenant at Rosenweg 24: the property’s tenant documents',
    ['Energieausweis Rosenweg 24', 'Hausordnung'],
  ],
  [
    'sophie-wagner',
    'owner at Rosenweg 24 and 24a, member of the Verwaltungsbeirat',
    ['Energieausweis Rosenweg 24', 'Wirtschaftsplan 2027', 'Protokoll Beiratssitzung'],
  ],
  [
    'markus-schneider',
    'tenant at Rosenweg 24a and owner at Max-Planck-Straße 12',
    [
      'Energieausweis Rosenweg 24',
      'Hausordnung',
      'Nebenkostenabrechnung 2025 Rosenweg 24a',
      'Protokoll Eigentümerversammlung 2026',
    ],
  ],
  ['paul-klein', 'former tenant (moved out): nothing, not even his old unit’s bill', []],
  [
    'elif-demir',
    'tenant of Paul’s former unit since he moved out',
    ['Energieausweis Rosenweg 24', 'Hausordnung', 'Heizkosten Wohnung 003'],
  ],
  [
    'thomas-richter',
    'owner of three units of Rosenweg 24, member of the Verwaltungsbeirat',
    ['Energieausweis Rosenweg 24', 'Wirtschaftsplan 2027', 'Protokoll Beiratssitzung'],
  ],
  [
    'claire-dubois',
    'tenant at Rosenweg 24a',
    ['Energieausweis Rosenweg 24', 'Hausordnung', 'Nebenkostenabrechnung 2025 Rosenweg 24a'],
  ],
  [
    'friedrich-lang',
    'owner and tenant at Max-Planck-Straße 12, not of Wohnung 002',
    ['Protokoll Eigentümerversammlung 2026'],
  ],
  ['jan-novak', 'moves in only in 2030: nothing yet', []],
];

/** The scopes each contact's tree is opened in: both properties, and Kristina's unit. */
export const SCOPES = ['property:rosenweg-24', 'property:max-planck-12', 'unit:max-planck-12-w002'];

/** The folder and document paths a tree in `scope` must show for these titles (a property includes its units). */
export function expectedIn(scope: string, titles: string[]): { folders: string[]; documents: string[] } {
  const [kind, id] = scope.split(':') as ['property' | 'unit', string];
  const docs = DOCS.filter(
    (d) =>
      titles.includes(d.title) &&
      (kind === 'property' ? d.property === id : d.scope.kind === 'unit' && d.scope.id === id),
  );
  const folders = new Set<string>();
  const documents: string[] = [];
  for (const d of docs) {
    const path = folderPath(d.type);
    path.forEach((_, i) => folders.add(path.slice(0, i + 1).join(' › ')));
    documents.push([...path, d.title].join(' › '));
  }
  return { folders: [...folders].sort(), documents: documents.sort() };
}

export async function publishAll(): Promise<void> {
  for (const d of DOCS) if (!d.fixture) await publish(d.title, d.type, d.scope, d.shares);
}
