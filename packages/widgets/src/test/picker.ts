// Mounting and reading a <share-picker> in the browser tests of its topics (share-picker.*.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, type DocPortalClient, type ShareTarget } from '@docportal/core-sdk';
import '../index.ts';
import { api, type } from './helpers.ts';
import { until } from './setup.ts';
import type { SharePicker } from '../components/share-picker/share-picker.component.ts';

export type Locale = 'de' | 'en';

export const TEXT = {
  de: {
    tenants: 'Alle Mieter',
    owners: 'Alle Eigentümer',
    summary: (n: number) =>
      n === 1
        ? '1 Empfänger · wird morgen per E-Mail benachrichtigt'
        : `${n} Empfänger · werden morgen per E-Mail benachrichtigt`,
    none: 'Noch keine Empfänger · nur die Verwaltung sieht das Dokument',
    required: 'Bitte wählen Sie mindestens einen Empfänger.',
    remove: (what: string) => `${what} entfernen`,
  },
  en: {
    tenants: 'All tenants',
    owners: 'All owners',
    summary: (n: number) =>
      n === 1
        ? '1 recipient · will be notified by e-mail tomorrow'
        : `${n} recipients · will be notified by e-mail tomorrow`,
    none: 'No recipients yet · only the management sees the document',
    required: 'Please choose at least one recipient.',
    remove: (what: string) => `Remove ${what}`,
  },
} as const;

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const sr = (p: SharePicker) => p.shadowRoot!;
export const roleBoxes = (p: SharePicker) => [
  ...sr(p).querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
];
export const combobox = (p: SharePicker) => sr(p).querySelector<HTMLInputElement>('input[role="combobox"]')!;
export const listbox = (p: SharePicker) => sr(p).querySelector<HTMLElement>('[role="listbox"]')!;
export const options = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLElement>('[role="option"]')];
export const labelOf = (o: Element) => text(o.querySelector('.option-label'));
export const chips = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLElement>('.chip')];
export const summary = (p: SharePicker) => text(sr(p).querySelector('.summary'));

/** A real SDK client that logs the searches it sends (what the picker asked, in order). */
export function loggingClient(): { client: DocPortalClient; searches: string[] } {
  const searches: string[] = [];
  const client = createClient({
    baseUrl: '/api/v1',
    token: 'manager',
    // The page's own fetch (through the mock backend), watched on the way out.
    fetch: (input, init) => {
      const u = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (method === 'GET' && u.pathname.endsWith('/recipients') && u.searchParams.has('q'))
        searches.push(u.searchParams.get('q')!);
      return fetch(input, init);
    },
  });
  return { client, searches };
}

export interface PickerOptions {
  scope?: string;
  locale?: Locale;
  client?: DocPortalClient;
}

/** A standalone picker (base-url + token + scope), between two buttons. */
export async function mountPicker(
  o: PickerOptions = {},
): Promise<{ picker: SharePicker; before: HTMLButtonElement; after: HTMLButtonElement }> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <button id="before" type="button">Vorher</button>
      <share-picker
        base-url="/api/v1"
        token="manager"
        scope=${o.scope ?? 'property:rosenweg-24'}
        locale=${ifDefined(o.locale)}
        .client=${o.client}
      ></share-picker>
      <button id="after" type="button">Nachher</button>
    </div>`,
  );
  const picker = wrap.querySelector('share-picker')!;
  await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
  return { picker, before: wrap.querySelector('#before')!, after: wrap.querySelector('#after')! };
}

/** Types into the search and waits for options whose labels all contain `expect`. */
export async function search(picker: SharePicker, query: string, contains = query): Promise<HTMLElement[]> {
  combobox(picker).focus();
  await type(query);
  return until(
    () => {
      const o = options(picker);
      return o.length &&
        o.every((x) => labelOf(x).toLowerCase().includes(contains.toLowerCase())) &&
        combobox(picker).value === query
        ? o
        : null;
    },
    5000,
    () => `options for "${query}" (are ${options(picker).map(labelOf).join(', ')})`,
  );
}

export async function resolveCount(
  scope: { kind: string; id: string },
  targets: ShareTarget[],
): Promise<number> {
  const { status, body } = await api<{ count: number }>('/recipients/resolve', 'manager', {
    method: 'POST',
    body: JSON.stringify({ scope, targets }),
  });
  expect(status).to.equal(200);
  return body.count;
}
