import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makePdf } from '../../../../mock-server/src/fixtures/files.ts';
import '../../index.ts';
import { control, ready, until } from '../../test/setup.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

/** Uploads a document as the manager through the real API (the MSW backend in this page). */
async function publish(title: string, typeId: string, scope: { kind: 'property' | 'unit'; id: string }, shares: unknown[]): Promise<string> {
  const { createClient } = await import('@docportal/core-sdk');
  const client = createClient({ baseUrl: '/api/v1', token: 'manager' });
  const doc = await client.documents.upload(new File([makePdf(title) as Uint8Array<ArrayBuffer>], `${title}.pdf`), { documentTypeId: typeId, scope, shares: shares as never });
  return doc.id;
}

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
      const heading = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.details h3'), 5000, 'editor');
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
      await until(() => root.querySelector('.admin [role="alert"]'), 5000, 'refusal on delete');
      expect(JSON.stringify(await typeNames())).to.equal(before);
      // Rename, then move it down among its siblings by keyboard (Alt+ArrowDown).
      row('Pläne').click();
      button('Umbenennen').click();
      await submitName('Grundrisse');
      await until(() => row('Grundrisse'), 5000, 'renamed');
      const renamed = await typeNames();
      expect(renamed.find((t) => t.id === 'plaene')!.name, JSON.stringify(renamed.map((t) => t.name))).to.equal('Grundrisse');
      row('Grundrisse').focus();
      await sendKeys({ press: 'Alt+ArrowDown' });
      await until(() => [...root.querySelectorAll('[role="treeitem"] .name')].map((n) => n.textContent!.trim()).join('|').includes('Energieausweis|Grundrisse'), 5000, 'reordered');
      // Delete the empty new folder.
      row('Verträge').click();
      button('Ordner löschen').click();
      await until(() => !row('Verträge'), 5000, 'deleted');
      expect((await typeNames()).some((t) => t.name === 'Verträge')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
