// More test helpers: real keys and mouse, the API as a portal would call it, and small waits.
import { selectOption, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Document } from '@docportal/core-sdk';
import { control } from './setup.ts';

/** The element that really has focus, looking through open shadow roots. */
export function activeDeep(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Describes an element for failure messages. */
export const describeEl = (e: Element | null | undefined): string =>
  e
    ? `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''}>`
    : 'nothing';

/**
 * Presses a key `times` times: real key presses through the browser's driver (Playwright in
 * Chromium, puppeteer over WebDriver BiDi in Firefox). Works alike in both: a chord such as
 * `Alt+ArrowDown` or `Shift+Tab` is pressed as modifiers down, key, modifiers up (puppeteer knows
 * no chords), and `Space` is sent as the key it types, `' '` (Firefox's name for it).
 */
export async function press(key: string, times = 1): Promise<void> {
  const parts = key.length > 1 ? key.split('+') : [key];
  const main = parts.pop()!;
  for (let i = 0; i < times; i++) {
    for (const m of parts) await sendKeys({ down: m });
    await sendKeys({ press: main === 'Space' ? ' ' : main });
    for (const m of [...parts].reverse()) await sendKeys({ up: m });
  }
}

/** Types text with real key presses. */
export const type = (text: string) => sendKeys({ type: text });

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element; fails after `max` presses. */
export async function tabTo(
  match: (el: Element) => boolean,
  what: string,
  max = 12,
  back = false,
): Promise<Element> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await press(back ? 'Shift+Tab' : 'Tab');
    const a = activeDeep();
    path.push(describeEl(a));
    if (a && match(a)) return a;
  }
  throw new Error(`Tab never reached ${what}; focus went ${path.join(' → ')}`);
}

/** Clicks the middle of an element with the real mouse. */
export async function clickOn(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  await nextFrame();
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) throw new Error(`cannot click ${describeEl(el)}: it has no size`);
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Sets files on an `<input type=file>` the way the file dialog does. */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Pastes files on an element, as Ctrl+V with files in the clipboard does. Firefox copies the
 * `clipboardData` of a constructed event without its files (no script can put files on its
 * clipboard), so there the event carries the DataTransfer as its own `clipboardData`.
 */
export function pasteFiles(target: Element, files: File[]): ClipboardEvent {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  const e = new ClipboardEvent('paste', {
    clipboardData: dt,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (e.clipboardData?.files.length !== files.length)
    Object.defineProperty(e, 'clipboardData', { value: dt });
  target.dispatchEvent(e);
  return e;
}

/** A file of `size` bytes: "%PDF-" then zeros. */
export const sizedPdf = (size: number, name = 'gross.pdf') => {
  const bytes = new Uint8Array(size);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
  return new File([bytes], name, { type: 'application/pdf' });
};

/**
 * Chooses an option of a `<select>` inside `host`'s shadow root through the browser's driver.
 * Playwright's CSS pierces shadow roots by itself; puppeteer (Firefox) needs its `>>>`.
 */
export const chooseOption = (host: string, select: string, value: string) =>
  selectOption({
    selector: navigator.userAgent.includes('Firefox') ? `${host} >>> ${select}` : `${host} ${select}`,
    value,
  });

/** Calls the API as a portal would, with a bearer token. */
export async function api<T = any>(
  path: string,
  token = 'manager',
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`/api/v1${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Every document the token may see (all pages). */
export async function documentsFor(token: string, query = ''): Promise<Document[]> {
  const out: Document[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '100');
    if (cursor) params.set('cursor', cursor);
    const { status, body } = await api<{ items: Document[]; nextCursor: string | null }>(
      `/documents?${params}`,
      token,
    );
    if (status !== 200) throw new Error(`GET /documents as ${token}: ${status}`);
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

export interface MockStats {
  requests: number;
  bytesReceived: number;
  documents: number;
  uploads: number;
  openUploads: number;
}
export const stats = (): Promise<MockStats> => control('/stats');

/** Records events of the given types on a target, in order. */
export function record(
  target: EventTarget,
  types: string[],
): { events: Array<{ type: string; detail: any }>; of: (type: string) => any[]; stop: () => void } {
  const events: Array<{ type: string; detail: any }> = [];
  const on = (e: Event) => events.push({ type: e.type, detail: (e as CustomEvent).detail });
  for (const t of types) target.addEventListener(t, on);
  return {
    events,
    of: (t) => events.filter((e) => e.type === t).map((e) => e.detail),
    stop: () => types.forEach((t) => target.removeEventListener(t, on)),
  };
}

/**
 * Fails unless `el` has focus. (chai's equal on DOM nodes can spend minutes formatting the
 * failure, so elements are compared here and described by tag, id and class.)
 */
export function expectFocus(el: Element | null | undefined, what: string): void {
  const a = activeDeep();
  if (!el || a !== el)
    throw new Error(`focus should be on ${what} ${describeEl(el)}, is on ${describeEl(a)}`);
}

/** Fails unless `a` and `b` are the same object (described briefly, never deep-inspected). */
export function expectSame(a: unknown, b: unknown, what: string): void {
  const d = (x: unknown) => {
    if (x instanceof Element) return describeEl(x);
    return x instanceof File ? `File ${x.name}` : typeof x;
  };
  if (a !== b) throw new Error(`${what}: expected ${d(b)}, got ${d(a)}`);
}

/**
 * Records Lit's "change-in-update" warnings from now on: an element that set its own state from
 * inside its update, which costs a second render. Lit says each warning once per page, so its
 * record of those said is cleared first.
 */
export function watchSecondRenders(): { warnings: string[]; stop: () => void } {
  (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.clear();
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = String(args[0]);
    if (text.includes('scheduled an update')) warnings.push(text.slice(0, 60));
    warn.apply(console, args);
  };
  return { warnings, stop: () => (console.warn = warn) };
}
