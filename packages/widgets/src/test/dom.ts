// DOM helpers without side effects, shared by the browser tests and the stories' play functions.

/** querySelector that also looks into open shadow roots. */
export function deep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = deep<T>(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

export function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) out.push(...deepAll<T>(el.shadowRoot, selector));
  return out;
}

/** Drops files on an element the way a browser does (a real DataTransfer). */
export function dropFiles(target: Element, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  for (const type of ['dragenter', 'dragover', 'drop'])
    target.dispatchEvent(
      new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: dt }),
    );
}
