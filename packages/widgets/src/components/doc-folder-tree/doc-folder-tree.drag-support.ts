/** Drag and drop in the tree's browser tests: the events a pointer drag sends, by hand. */
import type { DocFolderTree } from './doc-folder-tree.component.ts';
/**
 * Drags one row onto another the way Chromium does: one DataTransfer through dragstart,
 * dragenter, dragover, drop, dragend, with the pointer in the middle of the target (into it), on
 * its upper edge (before it) or its lower edge (after it). Says whether the target accepted the
 * drag.
 */
export function dragOnto(
  source: Element,
  target: Element,
  where: 'into' | 'before' | 'after' = 'into',
): boolean {
  const d = dragEvents(source, target, where);
  d.over();
  d.drop();
  return d.accepted;
}

/** The same, pausing while the pointer is over the target, to see what the row shows then. */
export async function dragShowing(
  source: Element,
  target: Element,
  where: 'into' | 'before' | 'after',
): Promise<string | null> {
  const d = dragEvents(source, target, where);
  d.over();
  await ((target.getRootNode() as ShadowRoot).host as DocFolderTree).updateComplete;
  const shown = target.getAttribute('data-drop');
  d.drop();
  return shown;
}

export function dragEvents(source: Element, target: Element, where: 'into' | 'before' | 'after') {
  const dataTransfer = new DataTransfer();
  const box = target.getBoundingClientRect();
  const clientY = { into: box.top + box.height / 2, before: box.top + 2, after: box.bottom - 2 }[where];
  const clientX = box.left + box.width / 2;
  const fire = (on: Element, type: string) =>
    on.dispatchEvent(
      new DragEvent(type, {
        bubbles: true,
        composed: true,
        cancelable: true,
        dataTransfer,
        clientX,
        clientY,
      }),
    );
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
