/** What the tree's browser tests share: fixtures, readers of the tree by its roles, drag helpers. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type DocumentType, type ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../../index.ts';
import { activeDeep, describeEl, tabTo } from '../../test/helpers.ts';
import { until } from '../../test/setup.ts';
import { rowCount, rowName, rowNamed, treeitems } from '../../test/tree-rows.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

/** Uploads a document as the manager through the real API (the MSW backend in this page). */
export async function publish(
  title: string,
  typeId: string,
  scope: { kind: 'property' | 'unit'; id: string },
  shares: unknown[],
  fileName = `${title}.pdf`,
): Promise<string> {
  const doc = await manager().documents.upload(
    new File([makePdf(title) as Uint8Array<ArrayBuffer>], fileName),
    { title, documentTypeId: typeId, scope, shares: shares as never },
  );
  return doc.id;
}

/** A second SDK client of the manager: someone else at work on the same data. */
export const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

export const names = (el: DocFolderTree) =>
  [...el.shadowRoot!.querySelectorAll('[role="treeitem"] .name')].map((n) => n.textContent!.trim());

export async function browse(token: string, scope: string): Promise<DocFolderTree> {
  const el = await fixture<DocFolderTree>(
    html`<doc-folder-tree
      base-url="/api/v1"
      token=${token}
      scope=${scope}
      mode="browse"
      locale="de"
    ></doc-folder-tree>`,
  );
  await until(() => el.shadowRoot!.querySelector('[role="treeitem"], .status:not(.loading)'), 5000, 'tree');
  return el;
}

/** Opens every folder by keyboard (`*` on each level) until documents show. */
export async function openAll(el: DocFolderTree) {
  el.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"]')?.focus();
  for (let i = 0; i < 3; i++) {
    await sendKeys({ press: '*' });
    await el.updateComplete;
    for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('[aria-expanded="false"]')) row.click();
    await new Promise((r) => setTimeout(r, 150));
  }
}

// ------------------------------------------------------------------ reading the tree by its roles

export const HOUSE_RULES: ShareTarget = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
export const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;

export const level = (row: Element) => Number(row.getAttribute('aria-level'));

export const waitRow = (el: DocFolderTree, name: string, ms = 5000) =>
  until(
    () => rowNamed(el, name),
    ms,
    () => `a row "${name}"; rows: ${treeitems(el).map(rowName).join(' | ')}`,
  );

/** Rows as paths ("Objektunterlagen › Energieausweis"), folders (rows that open) apart from documents. */
export function shown(el: DocFolderTree): {
  folders: string[];
  documents: string[];
  open: Set<string>;
  rows: Array<{ path: string; row: HTMLElement }>;
} {
  const stack: string[] = [];
  const out = {
    folders: [] as string[],
    documents: [] as string[],
    open: new Set<string>(),
    rows: [] as Array<{ path: string; row: HTMLElement }>,
  };
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
export function settled(el: DocFolderTree): boolean {
  const rows = treeitems(el);
  return rows.every((row, i) => {
    if (row.getAttribute('aria-expanded') !== 'true') return true;
    let docs = 0;
    for (let j = i + 1; j < rows.length && level(rows[j]!) > level(row); j++)
      if (!rows[j]!.hasAttribute('aria-expanded')) docs++;
    return docs === rowCount(row);
  });
}

/** Opens every folder (clicking folder rows only: in browse, activating a document downloads it). */
export async function expandAll(el: DocFolderTree): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const closed = treeitems(el).find((r) => r.getAttribute('aria-expanded') === 'false');
    if (!closed) break;
    const name = rowName(closed);
    closed.click();
    await until(
      () => rowNamed(el, name)?.getAttribute('aria-expanded') === 'true',
      5000,
      `folder "${name}" open`,
    );
  }
  await until(
    () => settled(el),
    5000,
    () =>
      `every open folder to show its documents; rows: ${treeitems(el)
        .map((r) => `${rowName(r)} (${r.textContent!.trim()})`)
        .join(' | ')}`,
  );
}

/** Renders a tree and waits until it has loaded (its rows, or what it says instead). */
export async function tree(attrs: {
  token?: string;
  scope?: string;
  mode: 'browse' | 'manage' | 'admin';
  locale?: 'de' | 'en';
}): Promise<DocFolderTree> {
  const wrap = await fixture<HTMLElement>(
    html`<div>
      <button type="button">Before</button>
      <doc-folder-tree
        base-url="/api/v1"
        token=${attrs.token ?? 'manager'}
        scope=${attrs.scope ?? 'property:rosenweg-24'}
        mode=${attrs.mode}
        locale=${attrs.locale ?? 'de'}
        style="--doc-tree-height: 40rem"
      ></doc-folder-tree>
    </div>`,
  );
  const el = wrap.querySelector<DocFolderTree>('doc-folder-tree')!;
  await until(
    () =>
      el.shadowRoot!.querySelector('[role="tree"]') ||
      !/Wird geladen|Loading/.test(el.shadowRoot!.textContent!),
    8000,
    'the tree to load',
  );
  return el;
}

/** Focus the button before the tree, then Tab into it. */
export async function tabIntoTree(el: DocFolderTree): Promise<Element> {
  el.parentElement!.querySelector('button')!.focus();
  return tabTo((a) => a.getAttribute('role') === 'treeitem', 'the tree');
}

/** Fails unless focus is inside the element (after an action: it must never fall back to the page). */
export function expectFocusInside(el: DocFolderTree, after: string): void {
  if (document.activeElement !== el || !el.shadowRoot!.activeElement)
    throw new Error(`focus lost after ${after}: it is on ${describeEl(activeDeep())}`);
}

/** Fails unless the focused element is the tree row named `name`. */
export function expectFocusOnRow(el: DocFolderTree, name: string, after: string): void {
  expectFocusInside(el, after);
  const a = activeDeep();
  if (a?.getAttribute('role') !== 'treeitem' || rowName(a) !== name)
    throw new Error(
      `after ${after}, focus should be on the row "${name}", is on ${describeEl(a)} "${a ? rowName(a) : ''}"`,
    );
}

/** Waits until the focused row is `name` (focus moves after a render), then checks it. */
export async function focusReaches(el: DocFolderTree, name: string, after: string): Promise<void> {
  await until(
    () => activeDeep()?.getAttribute('role') === 'treeitem' && rowName(activeDeep()!) === name,
    5000,
    () =>
      `focus on "${name}" after ${after}; it is on ${describeEl(activeDeep())} "${activeDeep() ? rowName(activeDeep()!) : ''}"`,
  );
  expectFocusOnRow(el, name, after);
}

export const liveText = (el: DocFolderTree, role: 'status' | 'alert') =>
  [...el.shadowRoot!.querySelectorAll(`[role="${role}"]`)]
    .map((n) => n.textContent!.replace(/\s+/g, ' ').trim())
    .join(' | ');
export const waitLive = (el: DocFolderTree, role: 'status' | 'alert', text: string, ms = 8000) =>
  until(
    () => liveText(el, role).includes(text),
    ms,
    () => `role=${role} saying "${text}"; it says "${liveText(el, role)}"`,
  );

/** A button in the element by its visible text. */
export const buttonNamed = (el: DocFolderTree, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === text,
  );
/** A form field by the text of its label. */
export const fieldLabelled = (el: DocFolderTree, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].find((f) =>
    [...(f.labels ?? [])].some((l) => l.textContent!.trim() === text),
  );

/** The server's folders, as `documentTypes.list` gives them. */
export const serverTypes = () => manager().documentTypes.list({ scope: 'property:rosenweg-24' });

/** The path of each folder of the server's list. */
export function serverPaths(types: DocumentType[]): Map<string, string> {
  const byId = new Map(types.map((t) => [t.id, t]));
  const path = (t: DocumentType): string =>
    t.parentId ? `${path(byId.get(t.parentId)!)} › ${t.name}` : t.name;
  return new Map(types.map((t) => [t.id, path(t)]));
}

/** How a folder row is written in the tree's outline: open or closed. */
const openMark = (open: boolean) => (open ? ' [open]' : ' [closed]');

/**
 * Fails unless the admin tree shows the server's folders: the same names, order and nesting, a
 * folder's children wherever the tree shows it open, and a twisty exactly on folders with children.
 */
export async function expectTreeAsServer(el: DocFolderTree): Promise<void> {
  const types = await serverTypes();
  const paths = serverPaths(types);
  const ui = shown(el);
  const hasKids = new Set(types.map((t) => t.parentId));
  const expected: string[] = [];
  const walk = (parentId: string | null) => {
    for (const t of types.filter((x) => x.parentId === parentId)) {
      const p = paths.get(t.id)!;
      expected.push(`${p}${hasKids.has(t.id) ? openMark(ui.open.has(p)) : ''}`);
      if (ui.open.has(p)) walk(t.id);
    }
  };
  walk(null);
  const actual = ui.rows.map(
    ({ path, row }) =>
      `${path}${row.hasAttribute('aria-expanded') ? openMark(row.getAttribute('aria-expanded') === 'true') : ''}`,
  );
  expect(actual, 'the tree as the server has it').to.deep.equal(expected);
}
