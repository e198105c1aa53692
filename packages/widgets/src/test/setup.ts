// Test helpers: the MSW mock backend in this page, control calls, files, and deep queries.
import { startWorker } from '@docportal/mock-server/browser';

export const ready = startWorker({ quiet: true });

export async function control(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`/__mock${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

export const fileOf = (bytes: Uint8Array, name: string, type = '') => new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

/**
 * Waits until `check` (sync or async) gives something truthy, polling every frame or so, or fails
 * after `ms`. `what` names the condition; as a function it is asked at failure time, so the
 * message can say what is there then.
 */
export async function until<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 5000, what: string | (() => string) = 'condition'): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

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
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll<T>(el.shadowRoot, selector));
  return out;
}

/** Drops files on an element the way a browser does (a real DataTransfer). */
export function dropFiles(target: Element, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: dt }));
}
