import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { press, type } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { lateFor } from '../../test/late.ts';
import { rowNamed } from '../../test/tree-rows.ts';
import '../../index.ts';
import {
  publish,
  manager,
  HOUSE_RULES,
  ROSENWEG,
  waitRow,
  tree,
  expectFocusInside,
  waitLive,
  buttonNamed,
  fieldLabelled,
} from './doc-folder-tree.test-support.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

describe('<doc-folder-tree>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  describe('manage', () => {
    it('shows download counts and refreshes when an uploader in the same provider publishes', async () => {
      const el = await fixture(
        html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de">
          <doc-folder-tree mode="manage"></doc-folder-tree>
          <doc-uploader document-type="objektunterlagen"></doc-uploader>
        </doc-provider>`,
      );
      const tree = el.querySelector('doc-folder-tree')!;
      await until(() => tree.shadowRoot!.querySelector('[role="treeitem"]'), 5000, 'rows');
      const count = () => tree.shadowRoot!.querySelector('[role="treeitem"] .meta')!.textContent!.trim();
      const before = count();
      await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, []);
      // Published outside the provider: no refresh yet. Through the provider's bus: refreshed.
      expect(count()).to.equal(before);
      (el as unknown as { bus: EventTarget }).bus.dispatchEvent(new Event('documents-changed'));
      await until(() => count() !== before, 5000, 'refreshed count');
      expect(count()).to.equal('2 Dokumente');
    });
  });

  describe('manage: the document opened last', () => {
    it('shows the document opened last, though the one opened before answers later; its request is aborted', async () => {
      // Arrange: two documents; the first one's details come late.
      const first = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      await publish('Heizkosten', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const { client, late, aborted, settled } = lateFor(undefined, `/documents/${first}`);
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          .client=${client}
          scope="property:rosenweg-24"
          mode="manage"
          locale="de"
        ></doc-folder-tree>`,
      );
      await until(() => rowNamed(el, 'Objektunterlagen'), 5000, 'the folder');
      rowNamed(el, 'Objektunterlagen')!.click();
      const title = () => fieldLabelled(el, 'Titel') as HTMLInputElement | null;
      // Act: open the first, then, while it is on its way, the second.
      (await waitRow(el, 'Hausordnung')).click();
      await until(() => late.length, 5000, 'the first document asked for');
      (await waitRow(el, 'Heizkosten')).click();
      await until(() => title()?.value === 'Heizkosten', 5000, 'the second document in the editor');
      await settled();
      await el.updateComplete;
      // Assert
      expect(title()!.value, 'the editor keeps the document opened last').to.equal('Heizkosten');
      expect(aborted(), "the first document's request").to.deep.equal([true]);
    });
  });

  describe('manage: edit, who downloaded, delete', () => {
    it('walkthrough 1: the count goes from 0 to 1; the title is edited; the document is deleted after confirmation', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
      ]);
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          mode="manage"
          locale="de"
        ></doc-folder-tree>`,
      );
      await until(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 5000, 'rows');
      el.shadowRoot!.querySelector<HTMLElement>('[role="treeitem"]')!.click();
      const row = () =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) =>
          r.textContent!.includes('Hausordnung'),
        );
      await until(row, 5000, 'document row');
      expect(row()!.querySelector('.meta')!.textContent).to.contain('0 Downloads');
      await fetch(`/api/v1/documents/${id}/content`, {
        headers: { Authorization: 'Bearer contact:ahmet-yilmaz' },
      }).then((r) => r.arrayBuffer());
      // Act: open it; the editor shows the count and who downloaded.
      row()!.click();
      const heading = await until(
        () => el.shadowRoot!.querySelector<HTMLElement>('.details .heading'),
        5000,
        'editor',
      );
      expect(el.shadowRoot!.activeElement).to.equal(heading);
      expect(el.shadowRoot!.querySelector('.details')!.textContent).to.contain('1 Download');
      // For a document that exists, only people newly added will be told.
      const picker = el.shadowRoot!.querySelector('share-picker')!;
      await until(
        () =>
          picker.shadowRoot
            ?.querySelector('.summary')
            ?.textContent?.includes('4 Empfänger · wer neu dazukommt'),
        5000,
        'summary for an existing document',
      );
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.details button')]
        .find((b) => b.textContent!.includes('Wer hat'))!
        .click();
      await until(
        () => el.shadowRoot!.querySelector('.downloads li')?.textContent?.includes('Ahmet Yılmaz'),
        5000,
        'downloads',
      );
      // Edit the title.
      const title = el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!;
      title.value = 'Hausordnung 2027';
      title.dispatchEvent(new Event('input'));
      const changed = oneEvent(el, 'doc-document-change');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.details button[type="submit"]')!.click();
      expect((await changed).detail.document.title).to.equal('Hausordnung 2027');
      await expect(el).to.be.accessible();
      // Delete: first a confirmation, then gone.
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.details .bar button')]
        .find((b) => b.textContent!.includes('löschen'))!
        .click();
      const confirm = await until(
        () => el.shadowRoot!.querySelector<HTMLButtonElement>('.confirm .btn'),
        5000,
        'confirm',
      );
      expect(
        (await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } })).status,
      ).to.equal(200);
      const deleted = oneEvent(el, 'doc-document-change');
      confirm.click();
      expect((await deleted).detail.deleted).to.equal(true);
      expect(
        (await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } })).status,
      ).to.equal(404);
    });
  });

  describe('manage: someone else changed the document meanwhile (412)', () => {
    it('says so in words, keeps what was typed, and leaves the server copy as the other person saved it', async () => {
      // Arrange: the editor is open and a new title typed.
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage' });
      rowNamed(el, 'Objektunterlagen')!.click();
      (await waitRow(el, 'Hausordnung')).click();
      const title = await until(
        () => fieldLabelled(el, 'Titel') as HTMLInputElement | undefined,
        5000,
        'the title field',
      );
      title.focus();
      await press('Control+a');
      await type('Hausordnung (neu)');
      // Someone else saves first.
      const theirs = await manager().documents.update(id, { title: 'Hausordnung 2027' });
      // Act: save in the UI.
      await press('Enter');
      // Assert
      await waitLive(el, 'alert', 'Jemand hat das Dokument inzwischen geändert. Bitte laden Sie neu.');
      expect(title.isConnected && title.value, 'the typed title is kept').to.equal('Hausordnung (neu)');
      expectFocusInside(el, 'the failed save');
      const server = await manager().documents.get(id);
      expect(server.title).to.equal('Hausordnung 2027');
      expect(server.version).to.equal(theirs.version);
    });
  });

  describe('accessibility (axe)', () => {
    for (const locale of ['de', 'en'] as const) {
      for (const mode of ['browse', 'manage', 'admin'] as const) {
        it(`${mode}, ${locale}: a folder open`, async () => {
          await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
          const el = await tree({
            token: mode === 'browse' ? 'contact:ahmet-yilmaz' : 'manager',
            mode,
            locale,
          });
          rowNamed(el, 'Objektunterlagen')!.click();
          if (mode === 'admin') await waitRow(el, 'Pläne');
          else await waitRow(el, 'Hausordnung');
          await expect(el).to.be.accessible();
        });
      }
      it(`admin, ${locale}: the folder form and a refusal`, async () => {
        const el = await tree({ mode: 'admin', locale });
        rowNamed(el, 'Objektunterlagen')!.click();
        (await waitRow(el, 'Energieausweis')).click();
        buttonNamed(el, locale === 'de' ? 'Ordner löschen' : 'Delete folder')!.click();
        (
          await until(
            () => buttonNamed(el, locale === 'de' ? 'Endgültig löschen' : 'Delete for good'),
            3000,
            'the confirmation',
          )
        ).click();
        await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 5000, 'the refusal');
        buttonNamed(el, locale === 'de' ? 'Neuer Ordner' : 'New folder')!.click();
        await until(
          () => fieldLabelled(el, locale === 'de' ? 'Name des Ordners' : 'Folder name'),
          5000,
          'the folder form',
        );
        await expect(el).to.be.accessible();
      });
      it(`manage, ${locale}: the open editor`, async () => {
        await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
        const el = await tree({ mode: 'manage', locale });
        rowNamed(el, 'Objektunterlagen')!.click();
        (await waitRow(el, 'Hausordnung')).click();
        await until(() => fieldLabelled(el, locale === 'de' ? 'Titel' : 'Title'), 5000, 'the editor');
        const picker = el.shadowRoot!.querySelector('share-picker')!;
        await until(() => picker.shadowRoot?.querySelector('[role="combobox"]'), 5000, 'the share picker');
        await expect(el).to.be.accessible();
      });
    }
  });
});
