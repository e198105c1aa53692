// Reading a <doc-folder-tree> by its roles and visible text (shared by the browser tests and the play functions).

/** The rows of a tree (role=treeitem) in view order. */
export const treeitems = (tree: Element): HTMLElement[] => [
  ...tree.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]'),
];

/** What a row says without its count ("2 Dokumente", "1 download"): a folder's name or a document's title. */
export function rowName(row: Element): string {
  const copy = row.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy
    .textContent!.replace(/\s+/g, ' ')
    .trim()
    .replace(/ \d[\d.,]* (Dokumente?|documents?|Downloads?|downloads?)$/, '');
}

/** The document count a folder row shows, or undefined. */
export function rowCount(row: Element): number | undefined {
  const m = /(\d[\d.,]*) (Dokumente?|documents?)$/.exec(row.textContent!.replace(/\s+/g, ' ').trim());
  return m ? Number(m[1]!.replace(/[.,]/g, '')) : undefined;
}

/** The row named `name`, if shown. */
export const rowNamed = (tree: Element, name: string): HTMLElement | undefined =>
  treeitems(tree).find((r) => rowName(r) === name);
