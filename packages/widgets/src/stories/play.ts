// Helpers for play functions: shadow-DOM queries and sample files (the real mock backend answers).
import { makeDocx, makePdf, makePng } from '@docportal/mock-server';
import { waitFor } from 'storybook/test';
import { rowName, rowNamed, treeitems } from '../test/tree-rows.js';

/** Drops files the way a browser does: a real DataTransfer on dragenter, dragover and drop. */
export { dropFiles as drop } from '../test/dom.js';

/** Waits for an element inside nested open shadow roots: `find(root, 'doc-uploader', '.dropzone')`. */
export async function find<T extends Element = HTMLElement>(root: ParentNode, ...path: string[]): Promise<T> {
  return waitFor(
    () => {
      let node: ParentNode = root;
      let el: Element | null = null;
      for (const [i, sel] of path.entries()) {
        el = node.querySelector(sel);
        if (!el) throw new Error(`not yet: ${path.slice(0, i + 1).join(' › ')}`);
        node = el.shadowRoot ?? el;
      }
      return el as T;
    },
    { timeout: 8000 },
  );
}

export const pdf = (title: string, name = `${title}.pdf`) =>
  new File([makePdf(title) as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' });
export const png = (name: string) =>
  new File([makePng(48, 32) as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });
export const docx = (name: string) =>
  new File([makeDocx(name) as Uint8Array<ArrayBuffer>], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

/** Waits for the tree row named `name` (a folder's name or a document's title, without its count). */
export async function treeRow(tree: Element, name: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = rowNamed(tree, name);
      if (!row) throw new Error(`no row "${name}" yet; rows: ${treeitems(tree).map(rowName).join(' | ')}`);
      return row;
    },
    { timeout: 8000 },
  );
}
