import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type DocumentType, type ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../../index.ts';
import { activeDeep, describeEl, press, record, tabTo, type } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowCount, rowName, rowNamed, treeitems } from '../../test/tree-rows.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

/** Uploads a document as the manager through the real API (the MSW backend in this page). */
async function publish(title: string, typeId: string, scope: { kind: 'property' | 'unit'; id: string }, shares: unknown[], fileName = `${title}.pdf`): Promise<string> {
  const doc = await manager().documents.upload(new File([makePdf(title) as Uint8Array<ArrayBuffer>], fileName), { title, documentTypeId: typeId, scope, shares: shares as never });
  return doc.id;
}

/** A second SDK client of the manager: someone else at work on the same data. */
const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

const names = (el: DocFolderTree) => [...el.shadowRoot!.querySelectorAll('[role="treeitem"] .name')].map((n) => n.textContent!.trim());

async function browse(token: string, scope: string): Promise<DocFolderTree> {
  const el = await fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token=${token} scope=${scope} mode="browse" locale="de"></doc-folder-tree>`);
  await until(() => el.shadowRoot!.querySelector('[role="treeitem"], .status:not(.loading)'), 5000, 'tree');
  return el;
}

/** Opens every folder by keyboard (`*` on each level) until documents show. */
async function openAll(el: DocFolderTree) {
  el.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"]')?.focus();
  for (let i = 0; i < 3; i++) {
    await sendKeys({ press: '*' });
    await el.updateComplete;
    for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) row.click();
    await new Promise((r) => setTimeout(r, 150));
  }
}

// ------------------------------------------------------------------ reading the tree by its roles

const HOUSE_RULES: ShareTarget = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;

const level = (row: Element) => Number(row.getAttribute('aria-level'));

const waitRow = (el: DocFolderTree, name: string, ms = 5000) =>
  until(() => rowNamed(el, name), ms, () => `a row "${name}"; rows: ${treeitems(el).map(rowName).join(' | ')}`);

/** Rows as paths ("Objektunterlagen › Energieausweis"), folders (rows that open) apart from documents. */
function shown(el: DocFolderTree): { folders: string[]; documents: string[]; open: Set<string>; rows: Array<{ path: string; row: HTMLElement }> } {
  const stack: string[] = [];
  const out = { folders: [] as string[], documents: [] as string[], open: new Set<string>(), rows: [] as Array<{ path: string; row: HTMLElement }> };
  for (const row of treeitems(el)) {
    stack.length = level(row) - 1;
    const path = [...stack, rowName(row)].join(' › ');
    stack.push(rowName(row));
    out.rows.push({ path, row });
    if (row.hasAttribute('aria-expanded')) out.folders.push(path);
    else out.documents.push(path);
    if (row.getAttribute('aria-expanded') === 'true') out.open.add(path);
  }
  return out;
}

/** Every open folder shows as many documents below it as its count says (no folder still loading). */
function settled(el: DocFolderTree): boolean {
  const rows = treeitems(el);
  return rows.every((row, i) => {
    if (row.getAttribute('aria-expanded') !== 'true') return true;
    let docs = 0;
    for (let j = i + 1; j < rows.length && level(rows[j]!) > level(row); j++) if (!rows[j]!.hasAttribute('aria-expanded')) docs++;
    return docs === rowCount(row);
  });
}

/** Opens every folder (clicking folder rows only: in browse, activating a document downloads it). */
async function expandAll(el: DocFolderTree): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const closed = treeitems(el).find((r) => r.getAttribute('aria-expanded') === 'false');
    if (!closed) break;
    const name = rowName(closed);
    closed.click();
    await until(() => rowNamed(el, name)?.getAttribute('aria-expanded') === 'true', 5000, `folder "${name}" open`);
  }
  await until(() => settled(el), 5000, () => `every open folder to show its documents; rows: ${treeitems(el).map((r) => `${rowName(r)} (${r.textContent!.trim()})`).join(' | ')}`);
}

/** Renders a tree and waits until it has loaded (its rows, or what it says instead). */
async function tree(attrs: { token?: string; scope?: string; mode: 'browse' | 'manage' | 'admin'; locale?: 'de' | 'en' }): Promise<DocFolderTree> {
  const wrap = await fixture<HTMLElement>(html`<div>
    <button type="button">Before</button>
    <doc-folder-tree base-url="/api/v1" token=${attrs.token ?? 'manager'} scope=${attrs.scope ?? 'property:rosenweg-24'} mode=${attrs.mode} locale=${attrs.locale ?? 'de'} style="--doc-tree-height: 40rem"></doc-folder-tree>
  </div>`);
  const el = wrap.querySelector<DocFolderTree>('doc-folder-tree')!;
  await until(() => el.shadowRoot!.querySelector('[role="tree"]') || !/Wird geladen|Loading/.test(el.shadowRoot!.textContent!), 8000, 'the tree to load');
  return el;
}

/** Focus the button before the tree, then Tab into it. */
async function tabIntoTree(el: DocFolderTree): Promise<Element> {
  el.parentElement!.querySelector('button')!.focus();
  return tabTo((a) => a.getAttribute('role') === 'treeitem', 'the tree');
}

/** Fails unless focus is inside the element (after an action: it must never fall back to the page). */
function expectFocusInside(el: DocFolderTree, after: string): void {
  if (document.activeElement !== el || !el.shadowRoot!.activeElement) throw new Error(`focus lost after ${after}: it is on ${describeEl(activeDeep())}`);
}

/** Fails unless the focused element is the tree row named `name`. */
function expectFocusOnRow(el: DocFolderTree, name: string, after: string): void {
  expectFocusInside(el, after);
  const a = activeDeep();
  if (a?.getAttribute('role') !== 'treeitem' || rowName(a) !== name) throw new Error(`after ${after}, focus should be on the row "${name}", is on ${describeEl(a)} "${a ? rowName(a) : ''}"`);
}

/** Waits until the focused row is `name` (focus moves after a render), then checks it. */
async function focusReaches(el: DocFolderTree, name: string, after: string): Promise<void> {
  await until(() => activeDeep()?.getAttribute('role') === 'treeitem' && rowName(activeDeep()!) === name, 5000, () => `focus on "${name}" after ${after}; it is on ${describeEl(activeDeep())} "${activeDeep() ? rowName(activeDeep()!) : ''}"`);
  expectFocusOnRow(el, name, after);
}

const liveText = (el: DocFolderTree, role: 'status' | 'alert') => [...el.shadowRoot!.querySelectorAll(`[role="${role}"]`)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
const waitLive = (el: DocFolderTree, role: 'status' | 'alert', text: string, ms = 8000) =>
  until(() => liveText(el, role).includes(text), ms, () => `role=${role} saying "${text}"; it says "${liveText(el, role)}"`);

/** A button in the element by its visible text. */
const buttonNamed = (el: DocFolderTree, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text);
/** A form field by the text of its label. */
const fieldLabelled = (el: DocFolderTree, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].find((f) => [...(f.labels ?? [])].some((l) => l.textContent!.trim() === text));

/**
 * Drags one row onto another the way Chromium does: one DataTransfer through dragstart,
 * dragenter, dragover, drop, dragend, with the pointer in the middle of the target (into it), on
 * its upper edge (before it) or its lower edge (after it). Says whether the target accepted the
 * drag.
 */
function dragOnto(source: Element, target: Element, where: 'into' | 'before' | 'after' = 'into'): boolean {
  const d = dragEvents(source, target, where);
  d.over();
  d.drop();
  return d.accepted;
}

/** The same, pausing while the pointer is over the target, to see what the row shows then. */
async function dragShowing(source: Element, target: Element, where: 'into' | 'before' | 'after'): Promise<string | null> {
  const d = dragEvents(source, target, where);
  d.over();
  await ((target.getRootNode() as ShadowRoot).host as DocFolderTree).updateComplete;
  const shown = target.getAttribute('data-drop');
  d.drop();
  return shown;
}

function dragEvents(source: Element, target: Element, where: 'into' | 'before' | 'after') {
  const dataTransfer = new DataTransfer();
  const box = target.getBoundingClientRect();
  const clientY = where === 'into' ? box.top + box.height / 2 : where === 'before' ? box.top + 2 : box.bottom - 2;
  const clientX = box.left + box.width / 2;
  const fire = (on: Element, type: string) => on.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer, clientX, clientY }));
  const d = {
    accepted: false,
    over: () => {
      fire(source, 'dragstart');
      fire(target, 'dragenter');
      d.accepted = !fire(target, 'dragover');
    },
    drop: () => {
      fire(target, 'drop');
      fire(source, 'dragend');
    },
  };
  return d;
}

/** The server's folders, as `documentTypes.list` gives them. */
const serverTypes = () => manager().documentTypes.list({ scope: 'property:rosenweg-24' });

/** The path of each folder of the server's list. */
function serverPaths(types: DocumentType[]): Map<string, string> {
  const byId = new Map(types.map((t) => [t.id, t]));
  const path = (t: DocumentType): string => (t.parentId ? `${path(byId.get(t.parentId)!)} › ${t.name}` : t.name);
  return new Map(types.map((t) => [t.id, path(t)]));
}

/**
 * Fails unless the admin tree shows the server's folders: the same names, order and nesting, a
 * folder's children wherever the tree shows it open, and a twisty exactly on folders with children.
 */
async function expectTreeAsServer(el: DocFolderTree): Promise<void> {
  const types = await serverTypes();
  const paths = serverPaths(types);
  const ui = shown(el);
  const hasKids = new Set(types.map((t) => t.parentId));
  const expected: string[] = [];
  const walk = (parentId: string | null) => {
    for (const t of types.filter((x) => x.parentId === parentId)) {
      const p = paths.get(t.id)!;
      expected.push(`${p}${hasKids.has(t.id) ? (ui.open.has(p) ? ' [open]' : ' [closed]') : ''}`);
      if (ui.open.has(p)) walk(t.id);
    }
  };
  walk(null);
  const actual = ui.rows.map(({ path, row }) => `${path}${row.hasAttribute('aria-expanded') ? (row.getAttribute('aria-expanded') === 'true' ? ' [open]' : ' [closed]') : ''}`);
  expect(actual, 'the tree as the server has it').to.deep.equal(expected);
}

// ------------------------------------------------------------------ who sees what (DOMAIN.md)

/** The folders of DOMAIN.md's fixtures: id → [name, parent]. */
const FOLDERS: Record<string, [string, string | null]> = {
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
const folderPath = (id: string): string[] => {
  const [name, parent] = FOLDERS[id]!;
  return parent ? [...folderPath(parent), name] : [name];
};

interface DocCase {
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
const DOCS: DocCase[] = [
  { fixture: true, title: 'Energieausweis Rosenweg 24', type: 'energieausweis', scope: ROSENWEG, property: 'rosenweg-24', shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] }] },
  { fixture: true, title: 'Wirtschaftsplan 2027', type: 'hausgeldabrechnungen', scope: ROSENWEG, property: 'rosenweg-24', shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] }] },
  { fixture: true, title: 'Protokoll Eigentümerversammlung 2026', type: 'eigentuemerversammlungen', scope: { kind: 'property', id: 'max-planck-12' }, property: 'max-planck-12', shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['owner'] }] },
  { fixture: true, title: 'Grundriss Wohnung 002', type: 'plaene', scope: { kind: 'unit', id: 'max-planck-12-w002' }, property: 'max-planck-12', shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }] },
  // Walkthrough 1 and 2.
  { title: 'Hausordnung', type: 'objektunterlagen', scope: ROSENWEG, property: 'rosenweg-24', shares: [HOUSE_RULES] },
  { title: 'Bedienungsanleitung Therme', type: 'bedienungsanleitungen', scope: { kind: 'unit', id: 'max-planck-12-w002' }, property: 'max-planck-12', shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }] },
  // A group, an address, a unit whose former tenant moved out, a personal document, and one shared with nobody.
  { title: 'Protokoll Beiratssitzung', type: 'protokolle', scope: ROSENWEG, property: 'rosenweg-24', shares: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }] },
  { title: 'Nebenkostenabrechnung 2025 Rosenweg 24a', type: 'nebenkostenabrechnungen', scope: ROSENWEG, property: 'rosenweg-24', shares: [{ kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] }] },
  { title: 'Heizkosten Wohnung 003', type: 'nebenkostenabrechnungen', scope: { kind: 'unit', id: 'rosenweg-24-w003' }, property: 'rosenweg-24', shares: [{ kind: 'unit', unitId: 'rosenweg-24-w003', roles: ['tenant'] }] },
  { title: 'Mietbescheinigung Lena Hoffmann', type: 'objektunterlagen', scope: { kind: 'unit', id: 'max-planck-12-w001' }, property: 'max-planck-12', shares: [{ kind: 'contact', contactId: 'lena-hoffmann' }] },
  { title: 'Entwurf Hausordnung 2027', type: 'objektunterlagen', scope: ROSENWEG, property: 'rosenweg-24', shares: [] },
];

/**
 * What each contact sees today (27 Nov 2026), by DOMAIN.md's resolution: role targets through
 * relations active today, groups and contacts whatever the tenancy. The first seven are DOMAIN.md's
 * fixture contacts; the others are the fixture set's further residents of the same units.
 */
const SEES: Array<[contact: string, why: string, titles: string[]]> = [
  ['kristina-maiblume', 'tenant of Wohnung 002, Max-Planck-Straße 12: her unit’s plan and her personal manual', ['Grundriss Wohnung 002', 'Bedienungsanleitung Therme']],
  ['jonas-becker', 'owner of Wohnung 002: the owners’ minutes and the unit’s plan, not Kristina’s manual', ['Protokoll Eigentümerversammlung 2026', 'Grundriss Wohnung 002']],
  ['lena-hoffmann', 'tenant of another unit of Max-Planck-Straße 12: only her personal document', ['Mietbescheinigung Lena Hoffmann']],
  ['ahmet-yilmaz', 'tenant at Rosenweg 24: the property’s tenant documents', ['Energieausweis Rosenweg 24', 'Hausordnung']],
  ['sophie-wagner', 'owner at Rosenweg 24 and 24a, member of the Verwaltungsbeirat', ['Energieausweis Rosenweg 24', 'Wirtschaftsplan 2027', 'Protokoll Beiratssitzung']],
  ['markus-schneider', 'tenant at Rosenweg 24a and owner at Max-Planck-Straße 12', ['Energieausweis Rosenweg 24', 'Hausordnung', 'Nebenkostenabrechnung 2025 Rosenweg 24a', 'Protokoll Eigentümerversammlung 2026']],
  ['paul-klein', 'former tenant (moved out): nothing, not even his old unit’s bill', []],
  ['elif-demir', 'tenant of Paul’s former unit since he moved out', ['Energieausweis Rosenweg 24', 'Hausordnung', 'Heizkosten Wohnung 003']],
  ['thomas-richter', 'owner of three units of Rosenweg 24, member of the Verwaltungsbeirat', ['Energieausweis Rosenweg 24', 'Wirtschaftsplan 2027', 'Protokoll Beiratssitzung']],
  ['claire-dubois', 'tenant at Rosenweg 24a', ['Energieausweis Rosenweg 24', 'Hausordnung', 'Nebenkostenabrechnung 2025 Rosenweg 24a']],
  ['friedrich-lang', 'owner and tenant at Max-Planck-Straße 12, not of Wohnung 002', ['Protokoll Eigentümerversammlung 2026']],
  ['jan-novak', 'moves in only in 2030: nothing yet', []],
];

/** The scopes each contact's tree is opened in: both properties, and Kristina's unit. */
const SCOPES = ['property:rosenweg-24', 'property:max-planck-12', 'unit:max-planck-12-w002'];

/** The folder and document paths a tree in `scope` must show for these titles (a property includes its units). */
function expectedIn(scope: string, titles: string[]): { folders: string[]; documents: string[] } {
  const [kind, id] = scope.split(':') as ['property' | 'unit', string];
  const docs = DOCS.filter((d) => titles.includes(d.title) && (kind === 'property' ? d.property === id : d.scope.kind === 'unit' && d.scope.id === id));
  const folders = new Set<string>();
  const documents: string[] = [];
  for (const d of docs) {
    const path = folderPath(d.type);
    path.forEach((_, i) => folders.add(path.slice(0, i + 1).join(' › ')));
    documents.push([...path, d.title].join(' › '));
  }
  return { folders: [...folders].sort(), documents: documents.sort() };
}

async function publishAll(): Promise<void> {
  for (const d of DOCS) if (!d.fixture) await publish(d.title, d.type, d.scope, d.shares);
}

describe('<doc-folder-tree>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  describe('browse: each contact sees exactly their documents', () => {
    it('Ahmet sees "Hausordnung", Kristina her manual, Paul nothing', async () => {
      // Arrange: both walkthroughs' documents.
      await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
      await publish('Bedienungsanleitung Therme', 'bedienungsanleitungen', { kind: 'unit', id: 'max-planck-12-w002' }, [{ kind: 'contact', contactId: 'kristina-maiblume' }]);
      // Act + Assert
      const ahmet = await browse('contact:ahmet-yilmaz', 'property:rosenweg-24');
      await openAll(ahmet);
      await until(() => names(ahmet).includes('Hausordnung'), 5000, 'Hausordnung');
      expect(names(ahmet)).not.to.include('Bedienungsanleitung Therme');
      expect(names(ahmet)).not.to.include('Bedienungsanleitungen'); // an empty folder is hidden

      const kristina = await browse('contact:kristina-maiblume', 'unit:max-planck-12-w002');
      await openAll(kristina);
      await until(() => names(kristina).includes('Bedienungsanleitung Therme'), 5000, 'manual');
      expect(names(kristina)).not.to.include('Hausordnung');

      const paul = await browse('contact:paul-klein', 'property:rosenweg-24');
      expect(paul.shadowRoot!.querySelectorAll('[role="treeitem"]')).to.have.length(0);
      expect(paul.shadowRoot!.querySelector('.status')!.textContent).to.contain('Hier sind noch keine Dokumente.');
      await expect(paul).to.be.accessible();
      await expect(ahmet).to.be.accessible();
    });

    it('downloads a document on Enter and counts the download', async () => {
      const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
      const el = await browse('contact:ahmet-yilmaz', 'property:rosenweg-24');
      await openAll(el);
      const row = await until(() => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.textContent!.includes('Hausordnung')), 5000, 'row');
      row.click(); // makes it the active row
      row.focus();
      const downloaded = oneEvent(el, 'doc-download');
      await sendKeys({ press: 'Enter' });
      expect((await downloaded).detail.document.id).to.equal(id);
      const res = await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } });
      expect((await res.json()).downloadCount).to.be.at.least(1);
    });
  });

  describe('keyboard (WAI-ARIA treeview)', () => {
    it('arrows, Home/End, Right opens, Left closes, type-ahead; one row in the tab order', async () => {
      const el = await fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token="manager" scope="property:rosenweg-24" mode="manage" lang="en"></doc-folder-tree>`);
      await until(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 5000, 'rows');
      const first = el.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"]')!;
      first.focus();
      const focused = () => el.shadowRoot!.activeElement?.querySelector('.name')?.textContent?.trim();
      expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
      expect(focused()).to.equal('Objektunterlagen');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => first.getAttribute('aria-expanded') === 'true', 3000, 'expanded');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused() === 'Pläne', 3000, 'Pläne');
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => focused() === 'Objektunterlagen', 3000, 'back to parent');
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => first.getAttribute('aria-expanded') === 'false', 3000, 'collapsed');
      await sendKeys({ press: 'End' });
      await until(() => focused() === 'Protokolle', 3000, 'End');
      await sendKeys({ press: 'Home' });
      await until(() => focused() === 'Objektunterlagen', 3000, 'Home');
      await sendKeys({ type: 'ab' });
      await until(() => focused() === 'Abrechnungen', 3000, 'type-ahead');
      await expect(el).to.be.accessible();
    });
  });

  describe('manage', () => {
    it('shows download counts and refreshes when an uploader in the same provider publishes', async () => {
      const el = await fixture(html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de">
        <doc-folder-tree mode="manage"></doc-folder-tree>
        <doc-uploader document-type="objektunterlagen"></doc-uploader>
      </doc-provider>`);
      const tree = el.querySelector('doc-folder-tree')!;
      await until(() => tree.shadowRoot!.querySelector('[role="treeitem"]'), 5000, 'rows');
      const count = () => tree.shadowRoot!.querySelector('[role="treeitem"] .meta')!.textContent!.trim();
      const before = count();
      await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, []);
      // Published outside the provider: no refresh yet. Through the provider's bus: refreshed.
      expect(count()).to.equal(before);
      (el as unknown as { value: { bus: EventTarget } }).value.bus.dispatchEvent(new Event('documents-changed'));
      await until(() => count() !== before, 5000, 'refreshed count');
      expect(count()).to.equal('2 Dokumente');
    });
  });

  describe('manage: edit, who downloaded, delete', () => {
    it('walkthrough 1: the count goes from 0 to 1; the title is edited; the document is deleted after confirmation', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
      const el = await fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token="manager" scope="property:rosenweg-24" mode="manage" locale="de"></doc-folder-tree>`);
      await until(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 5000, 'rows');
      el.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"]')!.click();
      const row = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.textContent!.includes('Hausordnung'));
      await until(row, 5000, 'document row');
      expect(row()!.querySelector('.meta')!.textContent).to.contain('0 Downloads');
      await fetch(`/api/v1/documents/${id}/content`, { headers: { Authorization: 'Bearer contact:ahmet-yilmaz' } }).then((r) => r.arrayBuffer());
      // Act: open it; the editor shows the count and who downloaded.
      row()!.click();
      const heading = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.details .heading'), 5000, 'editor');
      expect(el.shadowRoot!.activeElement).to.equal(heading);
      expect(el.shadowRoot!.querySelector('.details')!.textContent).to.contain('1 Download');
      // For a document that exists, only people newly added will be told.
      const picker = el.shadowRoot!.querySelector('share-picker')!;
      await until(() => picker.shadowRoot?.querySelector('.summary')?.textContent?.includes('4 Empfänger · wer neu dazukommt'), 5000, 'summary for an existing document');
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.details button')].find((b) => b.textContent!.includes('Wer hat'))!.click();
      await until(() => el.shadowRoot!.querySelector('.downloads li')?.textContent?.includes('Ahmet Yılmaz'), 5000, 'downloads');
      // Edit the title.
      const title = el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!;
      title.value = 'Hausordnung 2027';
      title.dispatchEvent(new Event('input'));
      const changed = oneEvent(el, 'doc-document-change');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.details button[type="submit"]')!.click();
      expect((await changed).detail.document.title).to.equal('Hausordnung 2027');
      await expect(el).to.be.accessible();
      // Delete: first a confirmation, then gone.
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.details .bar button')].find((b) => b.textContent!.includes('löschen'))!.click();
      const confirm = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.confirm .btn'), 5000, 'confirm');
      expect((await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } })).status).to.equal(200);
      const deleted = oneEvent(el, 'doc-document-change');
      confirm.click();
      expect((await deleted).detail.deleted).to.equal(true);
      expect((await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } })).status).to.equal(404);
    });
  });

  describe('admin: folders', () => {
    const typeNames = async () => ((await (await fetch('/api/v1/document-types', { headers: { Authorization: 'Bearer manager' } })).json()).items as Array<{ name: string; parentId: string | null; position: number; id: string }>);

    it('creates, renames, reorders by keyboard and deletes; refusals in words leave the tree as it was', async () => {
      const el = await fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token="manager" scope="property:rosenweg-24" mode="admin" locale="de"></doc-folder-tree>`);
      const root = el.shadowRoot!;
      await until(() => root.querySelector('[role="treeitem"]'), 5000, 'rows');
      const button = (text: string) => [...root.querySelectorAll<HTMLButtonElement>('.admin button')].find((b) => b.textContent!.trim() === text)!;
      const nameInput = () => root.querySelector<HTMLInputElement>('#folder-name')!;
      const submitName = async (name: string) => {
        await until(() => nameInput(), 3000, 'name field');
        nameInput().value = name;
        nameInput().dispatchEvent(new Event('input'));
        root.querySelector<HTMLButtonElement>('.admin form button[type="submit"]')!.click();
      };
      // Create a top-level folder.
      const changed = oneEvent(el, 'doc-types-change');
      button('Neuer Ordner').click();
      await submitName('Verträge');
      await changed;
      expect((await typeNames()).some((t) => t.name === 'Verträge' && t.parentId === null)).to.equal(true);
      // A duplicate name is refused in words; nothing changes.
      const before = JSON.stringify(await typeNames());
      button('Neuer Ordner').click();
      await submitName('objektunterlagen');
      await until(() => root.querySelector('.admin [role="alert"]'), 5000, 'refusal');
      expect(root.querySelector('.admin [role="alert"]')!.textContent).to.contain('Widerspruch');
      expect(JSON.stringify(await typeNames())).to.equal(before);
      root.querySelectorAll<HTMLButtonElement>('.admin form button')[1]!.click(); // cancel
      // Deleting a folder that holds documents is refused.
      const row = (name: string) => [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) => r.querySelector('.name')!.textContent!.trim() === name)!;
      row('Objektunterlagen').click();
      await until(() => row('Energieausweis'), 3000, 'child rows');
      row('Energieausweis').click();
      button('Ordner löschen').click();
      (await until(() => button('Endgültig löschen'), 3000, 'the confirmation')).click();
      await until(() => root.querySelector('.admin [part~="error"]'), 5000, 'refusal on delete');
      expect(JSON.stringify(await typeNames())).to.equal(before);
      // Rename, then move it down among its siblings by keyboard (Alt+ArrowDown).
      row('Pläne').click();
      button('Umbenennen').click();
      await submitName('Grundrisse');
      await until(() => row('Grundrisse'), 5000, 'renamed');
      const renamed = await typeNames();
      expect(renamed.find((t) => t.id === 'plaene')!.name, JSON.stringify(renamed.map((t) => t.name))).to.equal('Grundrisse');
      row('Grundrisse').focus();
      await press('Alt+ArrowDown');
      await until(() => [...root.querySelectorAll('[role="treeitem"] .name')].map((n) => n.textContent!.trim()).join('|').includes('Energieausweis|Grundrisse'), 5000, 'reordered');
      // Delete the empty new folder.
      row('Verträge').click();
      button('Ordner löschen').click();
      (await until(() => button('Endgültig löschen'), 3000, 'the confirmation')).click();
      await until(() => !row('Verträge'), 5000, 'deleted');
      expect((await typeNames()).some((t) => t.name === 'Verträge')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('browse: every fixture contact sees exactly what their shares resolve to today', () => {
    for (const [contact, why, titles] of SEES) {
      it(`${contact} (${why})`, async () => {
        // Arrange: today is fixed; both walkthroughs and one document per kind of share target are published.
        await control('/clock', { now: '2026-11-27T09:00:00Z' });
        await publishAll();
        for (const scope of SCOPES) {
          // Act: the contact's tree in this scope, every folder opened.
          const el = await tree({ token: `contact:${contact}`, scope, mode: 'browse' });
          await expandAll(el);
          // Assert: exactly the documents that reach them, in their folders; no empty folder.
          const ui = shown(el);
          const expected = expectedIn(scope, titles);
          expect([...ui.documents].sort(), `${contact} in ${scope}: documents`).to.deep.equal(expected.documents);
          expect([...ui.folders].sort(), `${contact} in ${scope}: folders`).to.deep.equal(expected.folders);
          if (!expected.documents.length) expect(el.shadowRoot!.textContent, `${contact} in ${scope}: the empty state`).to.contain('Hier sind noch keine Dokumente.');
          el.parentElement!.remove();
        }
      });
    }
  });

  describe('keyboard alone, in English', () => {
    it('browse: Tab in, *, arrows, Home/End, type-ahead, Enter downloads; focus stays in the tree', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      await publish('Nebenkostenabrechnung 2025', 'nebenkostenabrechnungen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ token: 'contact:ahmet-yilmaz', mode: 'browse', locale: 'en' });
      const downloads = record(el, ['doc-download']);
      expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('Documents');
      expect(rowNamed(el, 'Objektunterlagen')!.textContent).to.contain('2 documents');
      expect(rowNamed(el, 'Abrechnungen')!.textContent).to.contain('1 document');
      // Act + Assert, key by key.
      await tabIntoTree(el);
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      expect(el.shadowRoot!.querySelectorAll('[role="treeitem"][tabindex="0"]'), 'one row in the tab order').to.have.length(1);
      await press('*');
      await until(() => rowNamed(el, 'Abrechnungen')?.getAttribute('aria-expanded') === 'true' && rowNamed(el, 'Objektunterlagen')?.getAttribute('aria-expanded') === 'true', 5000, '* opened both folders');
      await waitRow(el, 'Hausordnung');
      expectFocusOnRow(el, 'Objektunterlagen', '*');
      await press('ArrowDown');
      await focusReaches(el, 'Energieausweis', 'ArrowDown');
      await press('ArrowRight');
      await until(() => rowNamed(el, 'Energieausweis')?.getAttribute('aria-expanded') === 'true', 5000, 'ArrowRight opened Energieausweis');
      expectFocusOnRow(el, 'Energieausweis', 'ArrowRight (open)');
      const doc = await waitRow(el, 'Energieausweis Rosenweg 24');
      expect(level(doc)).to.equal(3);
      await press('ArrowRight');
      await focusReaches(el, 'Energieausweis Rosenweg 24', 'ArrowRight (to the first child)');
      await press('ArrowLeft');
      await focusReaches(el, 'Energieausweis', 'ArrowLeft (to the parent)');
      await press('ArrowLeft');
      await until(() => rowNamed(el, 'Energieausweis')?.getAttribute('aria-expanded') === 'false', 5000, 'ArrowLeft closed Energieausweis');
      expectFocusOnRow(el, 'Energieausweis', 'ArrowLeft (close)');
      await press('End');
      await focusReaches(el, 'Nebenkostenabrechnungen', 'End');
      await press('Home');
      await focusReaches(el, 'Objektunterlagen', 'Home');
      await type('h');
      await focusReaches(el, 'Hausordnung', 'type-ahead "h"');
      await press('Enter');
      await waitLive(el, 'status', 'Hausordnung has been downloaded.');
      expectFocusOnRow(el, 'Hausordnung', 'Enter (download)');
      expect(downloads.of('doc-download').map((d) => d.document.id)).to.deep.equal([id]);
      expect((await manager().documents.get(id)).downloadCount).to.equal(1);
    });

    it('manage: open a document, edit its title, see who downloaded, delete it; focus never lost', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage', locale: 'en' });
      // Act + Assert
      await tabIntoTree(el);
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      await press('ArrowRight');
      const row = await waitRow(el, 'Hausordnung');
      expect(row.textContent).to.contain('0 downloads');
      expectFocusOnRow(el, 'Objektunterlagen', 'ArrowRight (open)');
      await type('h');
      await focusReaches(el, 'Hausordnung', 'type-ahead "h"');
      await press('Enter');
      const form = await until(() => el.shadowRoot!.querySelector<HTMLFormElement>('form[aria-label="Edit document"]'), 5000, 'the editor');
      await until(() => activeDeep()?.textContent === 'Hausordnung', 5000, () => `focus on the editor's heading; it is on ${describeEl(activeDeep())}`);
      expectFocusInside(el, 'Enter (open the editor)');
      expect(form.textContent).to.contain('Uploaded on').and.to.contain('0 downloads');
      const title = fieldLabelled(el, 'Title') as HTMLInputElement;
      expect(fieldLabelled(el, 'Document type'), 'the type chooser by its label').to.exist;
      await tabTo((a) => a === title, 'the title field');
      await press('End');
      await type(' 2027');
      await press('Enter');
      await waitLive(el, 'status', 'The changes have been saved.');
      expectFocusInside(el, 'Enter (save)');
      expect((await manager().documents.get(id)).title).to.equal('Hausordnung 2027');
      await tabTo((a) => a.textContent?.trim() === 'Who downloaded it?', 'the "Who downloaded it?" button', 40);
      await press('Enter');
      await until(() => form.textContent!.includes('Nobody has downloaded the document yet.'), 5000, 'who downloaded');
      expectFocusInside(el, 'Enter (who downloaded)');
      await tabTo((a) => a.textContent?.trim() === 'Delete document', 'the "Delete document" button');
      await press('Enter');
      await waitLive(el, 'alert', 'Really delete “Hausordnung 2027”? Its recipients will no longer see it.');
      await until(() => activeDeep()?.textContent?.trim() === 'Delete for good', 5000, () => `focus on "Delete for good"; it is on ${describeEl(activeDeep())}`);
      await press('Enter');
      await waitLive(el, 'status', '“Hausordnung 2027” has been deleted.');
      await until(() => !el.shadowRoot!.querySelector('form[aria-label="Edit document"]'), 5000, 'the editor closed');
      await until(() => !rowNamed(el, 'Hausordnung 2027') && rowNamed(el, 'Objektunterlagen')?.textContent?.includes('1 document'), 5000, 'the tree reloaded without it');
      await el.updateComplete;
      // Its row is gone: focus is back on the folder that held it.
      await focusReaches(el, 'Objektunterlagen', 'Enter (delete for good)');
      expect(await manager().documents.get(id).then(() => 'still there', (e: { status: number }) => e.status)).to.equal(404);
    });

    it('admin: tool buttons, a new folder by name and Enter, Alt+arrows move it, rename and delete; focus never lost', async () => {
      // Arrange
      const el = await tree({ mode: 'admin', locale: 'en' });
      const top = async () => (await serverTypes()).filter((t) => t.parentId === null).map((t) => t.name);
      // Act + Assert
      el.parentElement!.querySelector('button')!.focus();
      await tabTo((a) => a.textContent?.trim() === 'New folder', 'the "New folder" button');
      await tabTo((a) => a.getAttribute('role') === 'treeitem', 'the tree');
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      await press('End');
      await focusReaches(el, 'Protokolle', 'End');
      await press('ArrowUp');
      await focusReaches(el, 'Abrechnungen', 'ArrowUp');
      await press('Home');
      await focusReaches(el, 'Objektunterlagen', 'Home');
      await press('*');
      await until(() => ['Objektunterlagen', 'Abrechnungen', 'Protokolle'].every((n) => rowNamed(el, n)?.getAttribute('aria-expanded') === 'true'), 5000, '* opened every top-level folder with children');
      expectFocusOnRow(el, 'Objektunterlagen', '*');
      await type('b');
      await focusReaches(el, 'Bedienungsanleitungen', 'type-ahead "b"');
      await press('Enter');
      await until(() => rowNamed(el, 'Bedienungsanleitungen')?.getAttribute('aria-selected') === 'true', 5000, 'Enter selected the folder');
      expectFocusOnRow(el, 'Bedienungsanleitungen', 'Enter (select)');
      // A new folder inside the selected one: Shift+Tab to the tools, a name, Enter.
      await tabTo((a) => a.textContent?.trim() === 'New folder', 'the "New folder" button', 6, true);
      await press('Enter');
      const name = await until(() => fieldLabelled(el, 'Folder name'), 5000, 'the folder name field');
      expectFocusInside(el, 'Enter (new folder)');
      await tabTo((a) => a === name, 'the folder name field');
      await type('Contracts');
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Contracts” saved.');
      await focusReaches(el, 'Contracts', 'Enter (create)');
      expect(level(rowNamed(el, 'Contracts')!)).to.equal(2);
      const made = (await serverTypes()).find((t) => t.name === 'Contracts')!;
      expect(made.parentId).to.equal('bedienungsanleitungen');
      // Alt+arrows: out one level, down, up, into the folder above.
      await press('Alt+ArrowLeft');
      await waitLive(el, 'status', 'Folder “Contracts” moved.');
      await until(() => level(rowNamed(el, 'Contracts') ?? el) === 1, 5000, 'Contracts on level 1');
      expect(await top()).to.deep.equal(['Objektunterlagen', 'Bedienungsanleitungen', 'Contracts', 'Abrechnungen', 'Protokolle']);
      await focusReaches(el, 'Contracts', 'Alt+ArrowLeft');
      await press('Alt+ArrowDown');
      await until(() => treeitems(el).filter((r) => level(r) === 1).map(rowName).join('|') === 'Objektunterlagen|Bedienungsanleitungen|Abrechnungen|Contracts|Protokolle', 5000, 'Contracts below Abrechnungen');
      expect(await top()).to.deep.equal(['Objektunterlagen', 'Bedienungsanleitungen', 'Abrechnungen', 'Contracts', 'Protokolle']);
      await focusReaches(el, 'Contracts', 'Alt+ArrowDown');
      await press('Alt+ArrowUp');
      await until(() => treeitems(el).filter((r) => level(r) === 1).map(rowName).join('|') === 'Objektunterlagen|Bedienungsanleitungen|Contracts|Abrechnungen|Protokolle', 5000, 'Contracts above Abrechnungen');
      expect(await top()).to.deep.equal(['Objektunterlagen', 'Bedienungsanleitungen', 'Contracts', 'Abrechnungen', 'Protokolle']);
      await focusReaches(el, 'Contracts', 'Alt+ArrowUp');
      await press('Alt+ArrowRight');
      await until(() => level(rowNamed(el, 'Contracts') ?? el) === 2, 5000, 'Contracts inside Bedienungsanleitungen');
      expect((await serverTypes()).find((t) => t.id === made.id)!.parentId).to.equal('bedienungsanleitungen');
      await focusReaches(el, 'Contracts', 'Alt+ArrowRight');
      // Rename: select it, Shift+Tab to "Rename", Enter, a new name, Enter.
      await press('Enter');
      await until(() => rowNamed(el, 'Contracts')?.getAttribute('aria-selected') === 'true', 5000, 'Contracts selected');
      await tabTo((a) => a.textContent?.trim() === 'Rename', 'the "Rename" button', 6, true);
      await press('Enter');
      const rename = await until(() => fieldLabelled(el, 'Folder name'), 5000, 'the folder name field');
      expect(rename.value).to.equal('Contracts');
      await tabTo((a) => a === rename, 'the folder name field');
      await press('Control+a');
      await type('Leases');
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Leases” saved.');
      await focusReaches(el, 'Leases', 'Enter (rename)');
      expect((await serverTypes()).find((t) => t.id === made.id)!.name).to.equal('Leases');
      // Delete it: Shift+Tab to "Delete folder", Enter.
      await tabTo((a) => a.textContent?.trim() === 'Delete folder', 'the "Delete folder" button', 6, true);
      await press('Enter');
      // It asks first; focus is on the answer.
      await until(() => activeDeep()?.textContent?.trim() === 'Delete for good', 3000, () => `focus on "Delete for good"; it is on ${describeEl(activeDeep())}`);
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Leases” deleted.');
      await until(() => !rowNamed(el, 'Leases'), 5000, 'the row gone');
      await el.updateComplete;
      // The button is disabled now (nothing selected): focus moves to the row that took the folder's place.
      await until(() => activeDeep()?.getAttribute('role') === 'treeitem', 5000, () => `focus on a row after deleting; it is on ${describeEl(activeDeep())}`);
      expectFocusInside(el, 'Enter (delete folder)');
      expect((await serverTypes()).some((t) => t.id === made.id)).to.equal(false);
      await expectTreeAsServer(el);
    });
  });

  describe('manage: someone else changed the document meanwhile (412)', () => {
    it('says so in words, keeps what was typed, and leaves the server copy as the other person saved it', async () => {
      // Arrange: the editor is open and a new title typed.
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage' });
      rowNamed(el, 'Objektunterlagen')!.click();
      (await waitRow(el, 'Hausordnung')).click();
      const title = await until(() => fieldLabelled(el, 'Titel') as HTMLInputElement | undefined, 5000, 'the title field');
      title.focus();
      await press('Control+a');
      await type('Hausordnung (neu)');
      // Someone else saves first.
      const theirs = await manager().documents.update(id, { title: 'Hausordnung 2027' });
      // Act: save in the UI.
      await press('Enter');
      // Assert
      await waitLive(el, 'alert', 'Jemand hat das Dokument inzwischen geändert. Bitte laden Sie neu.');
      expect(title.isConnected && title.value, 'the typed title is kept').to.equal('Hausordnung (neu)');
      expectFocusInside(el, 'the failed save');
      const server = await manager().documents.get(id);
      expect(server.title).to.equal('Hausordnung 2027');
      expect(server.version).to.equal(theirs.version);
    });
  });

  describe('admin: drag and drop', () => {
    it('moves a folder (with its subfolders) into another; the server agrees', async () => {
      // Arrange
      const el = await tree({ mode: 'admin' });
      const changed = oneEvent(el, 'doc-types-change');
      // Act: Abrechnungen onto Protokolle.
      const accepted = dragOnto(rowNamed(el, 'Abrechnungen')!, rowNamed(el, 'Protokolle')!);
      await changed;
      // Assert
      expect(accepted, 'the target row accepts the drag (dragover cancelled)').to.equal(true);
      const types = await serverTypes();
      expect(types.find((t) => t.id === 'abrechnungen')!.parentId).to.equal('protokolle');
      expect(types.filter((t) => t.parentId === 'abrechnungen').map((t) => t.id)).to.deep.equal(['nebenkostenabrechnungen', 'hausgeldabrechnungen']);
      await waitLive(el, 'status', 'Ordner „Abrechnungen“ verschoben.');
      await until(() => level(rowNamed(el, 'Abrechnungen') ?? el) === 2, 5000, 'Abrechnungen on level 2');
      await expectTreeAsServer(el);
    });

    it('shows where a folder would go, and reorders when dropped on the upper or lower edge of a row', async () => {
      // Arrange: top level is Objektunterlagen, Bedienungsanleitungen, Abrechnungen, Protokolle.
      const el = await tree({ mode: 'admin' });
      const top = async () => (await serverTypes()).filter((t) => t.parentId === null).map((t) => t.id);
      expect(await top()).to.deep.equal(['objektunterlagen', 'bedienungsanleitungen', 'abrechnungen', 'protokolle']);
      // Act + Assert: the row says before / into / after while the pointer is over it.
      expect(await dragShowing(rowNamed(el, 'Protokolle')!, rowNamed(el, 'Bedienungsanleitungen')!, 'before')).to.equal('before');
      await until(async () => (await top())[1] === 'protokolle', 5000, 'Protokolle before Bedienungsanleitungen');
      expect(await top()).to.deep.equal(['objektunterlagen', 'protokolle', 'bedienungsanleitungen', 'abrechnungen']);
      await expectTreeAsServer(el);
      expect(await dragShowing(rowNamed(el, 'Objektunterlagen')!, rowNamed(el, 'Abrechnungen')!, 'after')).to.equal('after');
      await until(async () => (await top())[3] === 'objektunterlagen', 5000, 'Objektunterlagen last');
      expect(await top()).to.deep.equal(['protokolle', 'bedienungsanleitungen', 'abrechnungen', 'objektunterlagen']);
      await expectTreeAsServer(el);
      // Nothing stays marked once the drag is over.
      expect(el.shadowRoot!.querySelector('[data-drop]')).to.equal(null);
    });
  });

  describe('admin: refusals are said in words and the tree stays as the server has it', () => {
    /** Runs `act`, then expects `words` in an alert and the server's folders unchanged and shown as they are. */
    async function expectRefused(el: DocFolderTree, act: () => unknown, words: string): Promise<void> {
      const before = await serverTypes();
      await act();
      await waitLive(el, 'alert', words);
      expect(await serverTypes(), 'the server’s folders').to.deep.equal(before);
      await el.updateComplete;
      await expectTreeAsServer(el);
    }
    /** Builds Objektunterlagen › Pläne › Ebene 3 › Ebene 4 › Ebene 5 and shows it open down to level 5. */
    async function chainOfFive(): Promise<DocFolderTree> {
      let parentId = 'plaene';
      for (const n of [3, 4, 5]) parentId = (await manager().documentTypes.create({ name: `Ebene ${n}`, parentId })).id;
      const el = await tree({ mode: 'admin' });
      for (const name of ['Objektunterlagen', 'Pläne', 'Ebene 3', 'Ebene 4']) {
        (await waitRow(el, name)).click();
        await until(() => rowNamed(el, name)?.getAttribute('aria-expanded') === 'true', 5000, `${name} open`);
      }
      expect(level(await waitRow(el, 'Ebene 5'))).to.equal(5);
      return el;
    }

    it('a cycle: a folder dropped onto its own child', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      const child = await waitRow(el, 'Pläne');
      await expectRefused(el, () => dragOnto(rowNamed(el, 'Objektunterlagen')!, child), 'Ein Ordner kann nicht in sich selbst verschoben werden.');
    });

    it('too deep: a new folder below level 5', async () => {
      const el = await chainOfFive();
      rowNamed(el, 'Ebene 5')!.click();
      await until(() => rowNamed(el, 'Ebene 5')?.getAttribute('aria-selected') === 'true', 5000, 'Ebene 5 selected');
      buttonNamed(el, 'Neuer Ordner')!.click();
      const name = await until(() => fieldLabelled(el, 'Name des Ordners') as HTMLInputElement | undefined, 5000, 'the name field');
      name.focus();
      await type('Ebene 6');
      await expectRefused(el, () => press('Enter'), 'Ordner können höchstens fünf Ebenen tief liegen.');
      expect(fieldLabelled(el, 'Name des Ordners')?.value, 'the typed name is kept').to.equal('Ebene 6');
    });

    it('too deep: a folder with a subfolder dropped onto level 4 (its child would be on level 6)', async () => {
      const el = await chainOfFive();
      await expectRefused(el, () => dragOnto(rowNamed(el, 'Abrechnungen')!, rowNamed(el, 'Ebene 4')!), 'Ordner können höchstens fünf Ebenen tief liegen.');
    });

    it('too deep: a folder dropped onto level 5', async () => {
      const el = await chainOfFive();
      await expectRefused(el, () => dragOnto(rowNamed(el, 'Bedienungsanleitungen')!, rowNamed(el, 'Ebene 5')!), 'Ordner können höchstens fünf Ebenen tief liegen.');
    });

    it('a duplicate sibling name: renaming to a sibling’s name in other letter case', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      (await waitRow(el, 'Pläne')).click();
      buttonNamed(el, 'Umbenennen')!.click();
      const name = await until(() => fieldLabelled(el, 'Name des Ordners') as HTMLInputElement | undefined, 5000, 'the name field');
      name.focus();
      await press('Control+a');
      await type('ENERGIEAUSWEIS');
      await expectRefused(el, () => press('Enter'), 'Das steht im Widerspruch zum aktuellen Stand.');
    });

    it('a duplicate sibling name: a folder dropped where a sibling has its name', async () => {
      await manager().documentTypes.create({ name: 'Pläne', parentId: null });
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      await until(() => treeitems(el).some((r) => rowName(r) === 'Pläne' && level(r) === 2), 5000, 'Objektunterlagen › Pläne');
      const topLevel = treeitems(el).find((r) => rowName(r) === 'Pläne' && level(r) === 1)!;
      await expectRefused(el, () => dragOnto(topLevel, rowNamed(el, 'Objektunterlagen')!), 'Das steht im Widerspruch zum aktuellen Stand.');
    });

    it('deleting a folder that still has subfolders (and no documents of its own)', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Protokolle')!.click();
      await until(() => rowNamed(el, 'Protokolle')?.getAttribute('aria-selected') === 'true', 5000, 'Protokolle selected');
      await expectRefused(el, async () => {
        buttonNamed(el, 'Ordner löschen')!.click();
        (await until(() => buttonNamed(el, 'Endgültig löschen'), 3000, 'the confirmation')).click();
      }, 'Das steht im Widerspruch zum aktuellen Stand.');
    });
  });

  describe('titles are text, never markup', () => {
    const PAYLOADS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>', '"><svg onload=window.__xss=3>'];
    const noMarkup = (el: DocFolderTree) => {
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('img, script, iframe, [onerror], [onload]'), 'no element made from a title').to.have.length(0);
      expect((window as { __xss?: number }).__xss, 'no script ran').to.equal(undefined);
    };

    it('in browse rows, in manage rows and in the editor', async () => {
      // Arrange
      for (const p of PAYLOADS) await publish(p, 'objektunterlagen', ROSENWEG, [HOUSE_RULES], 'payload.pdf');
      // Act + Assert: browse.
      const browsing = await tree({ token: 'contact:ahmet-yilmaz', mode: 'browse' });
      await expandAll(browsing);
      for (const p of PAYLOADS) expect(rowNamed(browsing, p), `browse row "${p}"`).to.exist;
      noMarkup(browsing);
      // Manage rows and the editor.
      const managing = await tree({ mode: 'manage' });
      rowNamed(managing, 'Objektunterlagen')!.click();
      for (const p of PAYLOADS) await waitRow(managing, p);
      noMarkup(managing);
      rowNamed(managing, PAYLOADS[0]!)!.click();
      const form = await until(() => managing.shadowRoot!.querySelector<HTMLFormElement>('form[aria-label="Dokument bearbeiten"]'), 5000, 'the editor');
      await until(() => (fieldLabelled(managing, 'Titel') as HTMLInputElement | undefined)?.value === PAYLOADS[0], 5000, 'the title field');
      expect(form.querySelector('.heading')!.textContent).to.equal(PAYLOADS[0]);
      buttonNamed(managing, 'Dokument löschen')!.click();
      await waitLive(managing, 'alert', `„${PAYLOADS[0]}“`);
      noMarkup(managing);
    });
  });

  describe('accessibility (axe)', () => {
    for (const locale of ['de', 'en'] as const) {
      for (const mode of ['browse', 'manage', 'admin'] as const) {
        it(`${mode}, ${locale}: a folder open`, async () => {
          await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
          const el = await tree({ token: mode === 'browse' ? 'contact:ahmet-yilmaz' : 'manager', mode, locale });
          rowNamed(el, 'Objektunterlagen')!.click();
          if (mode === 'admin') await waitRow(el, 'Pläne');
          else await waitRow(el, 'Hausordnung');
          await expect(el).to.be.accessible();
        });
      }
      it(`admin, ${locale}: the folder form and a refusal`, async () => {
        const el = await tree({ mode: 'admin', locale });
        rowNamed(el, 'Objektunterlagen')!.click();
        (await waitRow(el, 'Energieausweis')).click();
        buttonNamed(el, locale === 'de' ? 'Ordner löschen' : 'Delete folder')!.click();
        (await until(() => buttonNamed(el, locale === 'de' ? 'Endgültig löschen' : 'Delete for good'), 3000, 'the confirmation')).click();
        await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 5000, 'the refusal');
        buttonNamed(el, locale === 'de' ? 'Neuer Ordner' : 'New folder')!.click();
        await until(() => fieldLabelled(el, locale === 'de' ? 'Name des Ordners' : 'Folder name'), 5000, 'the folder form');
        await expect(el).to.be.accessible();
      });
      it(`manage, ${locale}: the open editor`, async () => {
        await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
        const el = await tree({ mode: 'manage', locale });
        rowNamed(el, 'Objektunterlagen')!.click();
        (await waitRow(el, 'Hausordnung')).click();
        await until(() => fieldLabelled(el, locale === 'de' ? 'Titel' : 'Title'), 5000, 'the editor');
        const picker = el.shadowRoot!.querySelector('share-picker')!;
        await until(() => picker.shadowRoot?.querySelector('[role="combobox"]'), 5000, 'the share picker');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('a backend that does not answer', () => {
    it('503: the tree says so in words, announced politely', async () => {
      // Arrange: every API request fails with 503 (Retry-After: 0, so the SDK's retries end at once).
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      // Act
      const el = await tree({ mode: 'manage', locale: 'en' });
      // Assert
      const words = 'The service is unavailable right now. Please try again in a few minutes.';
      expect(el.shadowRoot!.textContent).to.contain(words);
      await waitLive(el, 'status', words);
      expect(treeitems(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('503 while opening a folder: its documents cannot load, and the tree says so', async () => {
      // Arrange: the tree has loaded; then the backend stops answering.
      await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage', locale: 'en' });
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      // Act
      rowNamed(el, 'Objektunterlagen')!.click();
      // Assert: in words, in the live region; the folder's rows stay as they were.
      await waitLive(el, 'status', 'The service is unavailable right now. Please try again in a few minutes.');
      expect(rowNamed(el, 'Objektunterlagen')!.getAttribute('aria-expanded')).to.equal('true');
      expect(rowNamed(el, 'Hausordnung')).to.equal(undefined);
    });
  });
});
