// Mounting and reading a <doc-uploader> in the browser tests of its topics (doc-uploader.*.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type DocPortalClient, type Document } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../index.ts';
import { api, documentsFor } from './helpers.ts';
import { dropFiles, fileOf, until } from './setup.ts';
import type { DocProvider } from '../components/doc-provider/doc-provider.component.ts';
import type { SharePicker } from '../components/share-picker/share-picker.component.ts';
import type { DocUploader } from '../components/doc-uploader/doc-uploader.component.ts';

export type Locale = 'de' | 'en';

/** What the user reads, per language (the spec names the submit text and the summary line). */
export const TEXT = {
  de: {
    drop: 'Dateien hierher ziehen oder klicken',
    submit: 'Dokument hochladen',
    submit2: '2 Dokumente hochladen',
    tenants: 'Alle Mieter',
    summary4: '4 Empfänger · werden morgen per E-Mail benachrichtigt',
    summary1: '1 Empfänger · wird morgen per E-Mail benachrichtigt',
    success: 'Dokument in „',
    success2: '2 Dokumente in „',
    failed:
      'Fehlgeschlagen: Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    cancelled: 'Abgebrochen',
    retry: 'Erneut versuchen',
    titleRequired: 'Bitte geben Sie einen Titel ein.',
    typeRequired: 'Bitte wählen Sie einen Dokumententyp.',
  },
  en: {
    drop: 'Drag files here or click',
    submit: 'Upload document',
    submit2: 'Upload 2 documents',
    tenants: 'All tenants',
    summary4: '4 recipients · will be notified by e-mail tomorrow',
    summary1: '1 recipient · will be notified by e-mail tomorrow',
    success: 'Document published in “',
    success2: '2 documents published in “',
    failed: 'Failed: The server ran into an error. Please try again in a few minutes.',
    cancelled: 'Cancelled',
    retry: 'Try again',
    titleRequired: 'Please enter a title.',
    typeRequired: 'Please choose a document type.',
  },
} as const;

export interface Mounted {
  provider: DocProvider;
  up: DocUploader;
  root: ShadowRoot;
  start: HTMLButtonElement;
}

export interface MountOptions {
  scope: string;
  /** Set as the provider's `locale`; with `lang`, the language comes from an ancestor's `lang` instead. */
  locale?: Locale;
  lang?: Locale;
  single?: boolean;
  documentType?: string;
  /** The provider's client (it wins over its `base-url` and `token`), from the start. */
  client?: DocPortalClient;
}

export async function mount(o: MountOptions): Promise<Mounted> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${ifDefined(o.lang)}>
      <button id="start" type="button">Start</button>
      <doc-provider
        base-url="/api/v1"
        token="manager"
        .client=${o.client}
        scope=${o.scope}
        locale=${ifDefined(o.locale)}
      >
        <doc-uploader ?single=${!!o.single} document-type=${ifDefined(o.documentType)}></doc-uploader>
      </doc-provider>
    </div>`,
  );
  const up = wrap.querySelector('doc-uploader')!;
  await up.updateComplete;
  return {
    provider: wrap.querySelector('doc-provider')!,
    up,
    root: up.shadowRoot!,
    start: wrap.querySelector<HTMLButtonElement>('#start')!,
  };
}

export const dropzone = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('.dropzone')!;
export const fileInput = (root: ShadowRoot) => root.querySelector<HTMLInputElement>('input[type="file"]')!;
export const cards = (root: ShadowRoot) => [...root.querySelectorAll<HTMLLIElement>('li.file')];
export const submitButton = (root: ShadowRoot) =>
  root.querySelector<HTMLButtonElement>('button[type="submit"]');
export const titleInput = (card: Element) => card.querySelector<HTMLInputElement>('input[id^="title-"]')!;
/** A card's title field; with several files its details open first, by its "Bearbeiten". */
export async function openTitle(card: Element): Promise<HTMLInputElement> {
  const edit = card.querySelector<HTMLButtonElement>('button.edit');
  if (edit?.getAttribute('aria-expanded') === 'false') edit.click();
  return until(() => card.querySelector<HTMLInputElement>('input[id^="title-"]'), 2000, 'the title field');
}
export const typeSelect = (card: Element) => card.querySelector<HTMLSelectElement>('select')!;
export const pickerOf = (card: Element) => card.querySelector<SharePicker>('share-picker')!;
export const alerts = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[role="alert"]')];
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const summary = (p: SharePicker) => text(p.shadowRoot!.querySelector('.summary'));
export const roleBoxes = (p: SharePicker) => [
  ...p.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
];
export const combobox = (p: SharePicker) =>
  p.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
/** Waits until the picker's search offers exactly one option, and that one names `name`. */
export const onlyOption = (p: SharePicker, name: string) =>
  until(
    () => {
      const opts = [...p.shadowRoot!.querySelectorAll('[role="option"]')];
      return opts.length === 1 && text(opts[0]).includes(name) ? opts[0] : null;
    },
    5000,
    `the option ${name}`,
  );

export const pdf = (title: string, name = `${title}.pdf`) => fileOf(makePdf(title), name, 'application/pdf');

/** With several files: the box with the type and recipients for all of them. */
export const shared = (root: ShadowRoot) => root.querySelector<HTMLElement>('.shared')!;

/** Waits for a card whose type chooser (its own, or the shared one) has loaded. */
export async function cardReady(root: ShadowRoot, index = 0): Promise<HTMLLIElement> {
  return until(
    () => {
      const c = cards(root)[index];
      const box = c && (c.querySelector('select') ? c : root.querySelector('.shared'));
      return box && typeSelect(box).options.length > 5 && roleBoxes(pickerOf(box)).length === 2 ? c : null;
    },
    5000,
    `file card ${index + 1}`,
  );
}

/** Chooses a type the way a script would (tests that are not about the chooser). */
export function chooseType(card: Element, id: string): void {
  const s = typeSelect(card);
  s.value = id;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function untilSummary(p: SharePicker, expected: string): Promise<void> {
  await until(
    () => summary(p) === expected,
    5000,
    () => `summary "${expected}" (is "${summary(p)}")`,
  );
}

/** The manager's side of walkthrough 1, checked through the API as manager and as contacts. */
export async function verifyWalkthrough1(doc: Document): Promise<void> {
  const managers = await documentsFor(
    'manager',
    'scope=property:rosenweg-24&documentTypeId=objektunterlagen',
  );
  const mine = managers.find((d) => d.id === doc.id);
  expect(mine, 'the manager finds it under Objektunterlagen').to.exist;
  expect(mine!.title).to.equal('Hausordnung');
  expect(mine!.fileName).to.equal('Hausordnung.pdf');
  expect(mine!.documentTypeId).to.equal('objektunterlagen');
  expect(mine!.scope).to.deep.equal({ kind: 'property', id: 'rosenweg-24' });
  expect(mine!.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
  expect(mine!.downloadCount).to.equal(0);
  const ahmet = await documentsFor('contact:ahmet-yilmaz');
  const seen = ahmet.find((d) => d.id === doc.id);
  expect(seen, 'Ahmet (tenant at Rosenweg 24) sees it').to.exist;
  expect(seen!.title).to.equal('Hausordnung');
  expect(seen).not.to.have.property('shares');
  for (const who of ['paul-klein', 'kristina-maiblume'])
    expect(
      (await documentsFor(`contact:${who}`)).map((d) => d.id),
      `${who} must not see it`,
    ).not.to.include(doc.id);
}

/** The manager's side of walkthrough 2. */
export async function verifyWalkthrough2(doc: Document): Promise<void> {
  const { status, body } = await api<Document>(`/documents/${encodeURIComponent(doc.id)}`);
  expect(status).to.equal(200);
  expect(body.title).to.equal('Bedienungsanleitung Therme');
  expect(body.documentTypeId).to.equal('bedienungsanleitungen');
  expect(body.scope).to.deep.equal({ kind: 'unit', id: 'max-planck-12-w002' });
  expect(body.shares).to.deep.equal([{ kind: 'contact', contactId: 'kristina-maiblume' }]);
  const unitDocs = await documentsFor('manager', 'scope=unit:max-planck-12-w002');
  expect(
    unitDocs.map((d) => d.id),
    'in the unit’s documents',
  ).to.include(doc.id);
  expect(
    (await documentsFor('contact:kristina-maiblume')).map((d) => d.id),
    'Kristina sees it',
  ).to.include(doc.id);
  for (const who of ['lena-hoffmann', 'jonas-becker', 'ahmet-yilmaz'])
    expect(
      (await documentsFor(`contact:${who}`)).map((d) => d.id),
      `${who} must not see it`,
    ).not.to.include(doc.id);
}

/**
 * Drops `file` and makes its card ready to send: type "Objektunterlagen", shared with "Alle Mieter"
 * (4 recipients, once the line says so).
 */
export async function readyToSend(m: Mounted, file: File, locale: Locale = 'de'): Promise<HTMLLIElement> {
  dropFiles(dropzone(m.root), [file]);
  const card = await cardReady(m.root);
  chooseType(card, 'objektunterlagen');
  roleBoxes(pickerOf(card))[0]!.click();
  await untilSummary(pickerOf(card), TEXT[locale].summary4);
  return card;
}
