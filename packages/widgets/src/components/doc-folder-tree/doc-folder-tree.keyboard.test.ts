import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { activeDeep, describeEl, press, record, tabTo, type } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowName, rowNamed, treeitems } from '../../test/tree-rows.ts';
import '../../index.ts';
import {
  publish,
  manager,
  HOUSE_RULES,
  ROSENWEG,
  level,
  waitRow,
  tree,
  tabIntoTree,
  expectFocusInside,
  expectFocusOnRow,
  focusReaches,
  waitLive,
  fieldLabelled,
  serverTypes,
  expectTreeAsServer,
} from './doc-folder-tree.test-support.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

describe('<doc-folder-tree>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  describe('keyboard (WAI-ARIA treeview)', () => {
    it('arrows, Home/End, Right opens, Left closes, type-ahead; one row in the tab order', async () => {
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          mode="manage"
          lang="en"
        ></doc-folder-tree>`,
      );
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

  describe('* on a document (WAI-ARIA treeview: "expands all siblings that are at the same level as the current node")', () => {
    it('opens the folders beside the focused document', async () => {
      // Arrange: a document in "Objektunterlagen", beside its subfolders "Pläne" and "Energieausweis".
      await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage', locale: 'de' });
      rowNamed(el, 'Objektunterlagen')!.focus();
      await press('ArrowRight');
      const doc = await waitRow(el, 'Hausordnung');
      doc.focus();
      expect(rowNamed(el, 'Energieausweis')!.getAttribute('aria-expanded')).to.equal('false');
      // Act
      await press('*');
      // Assert
      await until(
        () => rowNamed(el, 'Energieausweis')?.getAttribute('aria-expanded') === 'true',
        5000,
        '* opened the folder beside the document',
      );
      expectFocusOnRow(el, 'Hausordnung', '*');
    });
  });

  describe('keyboard alone, in English', () => {
    it('browse: Tab in, *, arrows, Home/End, type-ahead, Enter downloads; focus stays in the tree', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      await publish('Nebenkostenabrechnung 2025', 'nebenkostenabrechnungen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ token: 'contact:ahmet-yilmaz', mode: 'browse', locale: 'en' });
      const downloads = record(el, ['doc-download']);
      expect(el.shadowRoot!.querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('Documents');
      expect(rowNamed(el, 'Objektunterlagen')!.textContent).to.contain('2 documents');
      expect(rowNamed(el, 'Abrechnungen')!.textContent).to.contain('1 document');
      // Act + Assert, key by key.
      await tabIntoTree(el);
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      expect(
        el.shadowRoot!.querySelectorAll('[role="treeitem"][tabindex="0"]'),
        'one row in the tab order',
      ).to.have.length(1);
      await press('*');
      await until(
        () =>
          rowNamed(el, 'Abrechnungen')?.getAttribute('aria-expanded') === 'true' &&
          rowNamed(el, 'Objektunterlagen')?.getAttribute('aria-expanded') === 'true',
        5000,
        '* opened both folders',
      );
      await waitRow(el, 'Hausordnung');
      expectFocusOnRow(el, 'Objektunterlagen', '*');
      await press('ArrowDown');
      await focusReaches(el, 'Energieausweis', 'ArrowDown');
      await press('ArrowRight');
      await until(
        () => rowNamed(el, 'Energieausweis')?.getAttribute('aria-expanded') === 'true',
        5000,
        'ArrowRight opened Energieausweis',
      );
      expectFocusOnRow(el, 'Energieausweis', 'ArrowRight (open)');
      const doc = await waitRow(el, 'Energieausweis Rosenweg 24');
      expect(level(doc)).to.equal(3);
      await press('ArrowRight');
      await focusReaches(el, 'Energieausweis Rosenweg 24', 'ArrowRight (to the first child)');
      await press('ArrowLeft');
      await focusReaches(el, 'Energieausweis', 'ArrowLeft (to the parent)');
      await press('ArrowLeft');
      await until(
        () => rowNamed(el, 'Energieausweis')?.getAttribute('aria-expanded') === 'false',
        5000,
        'ArrowLeft closed Energieausweis',
      );
      expectFocusOnRow(el, 'Energieausweis', 'ArrowLeft (close)');
      await press('End');
      await focusReaches(el, 'Nebenkostenabrechnungen', 'End');
      await press('Home');
      await focusReaches(el, 'Objektunterlagen', 'Home');
      await type('h');
      await focusReaches(el, 'Hausordnung', 'type-ahead "h"');
      await press('Enter');
      await waitLive(el, 'status', 'Hausordnung has been downloaded.');
      expectFocusOnRow(el, 'Hausordnung', 'Enter (download)');
      expect(downloads.of('doc-download').map((d) => d.document.id)).to.deep.equal([id]);
      expect((await manager().documents.get(id)).downloadCount).to.equal(1);
    });

    it('manage: open a document, edit its title, see who downloaded, delete it; focus never lost', async () => {
      // Arrange
      const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage', locale: 'en' });
      // Act + Assert
      await tabIntoTree(el);
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      await press('ArrowRight');
      const row = await waitRow(el, 'Hausordnung');
      expect(row.textContent).to.contain('0 downloads');
      expectFocusOnRow(el, 'Objektunterlagen', 'ArrowRight (open)');
      await type('h');
      await focusReaches(el, 'Hausordnung', 'type-ahead "h"');
      await press('Enter');
      const form = await until(
        () => el.shadowRoot!.querySelector<HTMLFormElement>('form[aria-label="Edit document"]'),
        5000,
        'the editor',
      );
      await until(
        () => activeDeep()?.textContent === 'Hausordnung',
        5000,
        () => `focus on the editor's heading; it is on ${describeEl(activeDeep())}`,
      );
      expectFocusInside(el, 'Enter (open the editor)');
      expect(form.textContent).to.contain('Uploaded on').and.to.contain('0 downloads');
      const title = fieldLabelled(el, 'Title') as HTMLInputElement;
      expect(fieldLabelled(el, 'Document type'), 'the type chooser by its label').to.exist;
      await tabTo((a) => a === title, 'the title field');
      await press('End');
      await type(' 2027');
      await press('Enter');
      await waitLive(el, 'status', 'The changes have been saved.');
      expectFocusInside(el, 'Enter (save)');
      expect((await manager().documents.get(id)).title).to.equal('Hausordnung 2027');
      await tabTo(
        (a) => a.textContent?.trim() === 'Who downloaded it?',
        'the "Who downloaded it?" button',
        40,
      );
      await press('Enter');
      await until(
        () => form.textContent!.includes('Nobody has downloaded the document yet.'),
        5000,
        'who downloaded',
      );
      expectFocusInside(el, 'Enter (who downloaded)');
      await tabTo((a) => a.textContent?.trim() === 'Delete document', 'the "Delete document" button');
      await press('Enter');
      await waitLive(el, 'alert', 'Really delete “Hausordnung 2027”? Its recipients will no longer see it.');
      await until(
        () => activeDeep()?.textContent?.trim() === 'Delete for good',
        5000,
        () => `focus on "Delete for good"; it is on ${describeEl(activeDeep())}`,
      );
      await press('Enter');
      await waitLive(el, 'status', '“Hausordnung 2027” has been deleted.');
      await until(
        () => !el.shadowRoot!.querySelector('form[aria-label="Edit document"]'),
        5000,
        'the editor closed',
      );
      await until(
        () =>
          !rowNamed(el, 'Hausordnung 2027') &&
          rowNamed(el, 'Objektunterlagen')?.textContent?.includes('1 document'),
        5000,
        'the tree reloaded without it',
      );
      await el.updateComplete;
      // Its row is gone: focus is back on the folder that held it.
      await focusReaches(el, 'Objektunterlagen', 'Enter (delete for good)');
      expect(
        await manager()
          .documents.get(id)
          .then(
            () => 'still there',
            (e: { status: number }) => e.status,
          ),
      ).to.equal(404);
    });

    it('admin: tool buttons, a new folder by name and Enter, Alt+arrows move it, rename and delete; focus never lost', async () => {
      // Arrange
      const el = await tree({ mode: 'admin', locale: 'en' });
      const top = async () => (await serverTypes()).filter((t) => t.parentId === null).map((t) => t.name);
      // Act + Assert
      el.parentElement!.querySelector('button')!.focus();
      await tabTo((a) => a.textContent?.trim() === 'New folder', 'the "New folder" button');
      await tabTo((a) => a.getAttribute('role') === 'treeitem', 'the tree');
      expectFocusOnRow(el, 'Objektunterlagen', 'Tab');
      await press('End');
      await focusReaches(el, 'Protokolle', 'End');
      await press('ArrowUp');
      await focusReaches(el, 'Abrechnungen', 'ArrowUp');
      await press('Home');
      await focusReaches(el, 'Objektunterlagen', 'Home');
      await press('*');
      await until(
        () =>
          ['Objektunterlagen', 'Abrechnungen', 'Protokolle'].every(
            (n) => rowNamed(el, n)?.getAttribute('aria-expanded') === 'true',
          ),
        5000,
        '* opened every top-level folder with children',
      );
      expectFocusOnRow(el, 'Objektunterlagen', '*');
      await type('b');
      await focusReaches(el, 'Bedienungsanleitungen', 'type-ahead "b"');
      await press('Enter');
      await until(
        () => rowNamed(el, 'Bedienungsanleitungen')?.getAttribute('aria-selected') === 'true',
        5000,
        'Enter selected the folder',
      );
      expectFocusOnRow(el, 'Bedienungsanleitungen', 'Enter (select)');
      // A new folder inside the selected one: Shift+Tab to the tools, a name, Enter.
      await tabTo((a) => a.textContent?.trim() === 'New folder', 'the "New folder" button', 6, true);
      await press('Enter');
      const name = await until(() => fieldLabelled(el, 'Folder name'), 5000, 'the folder name field');
      // Focus is in the field already: a user types the name at once.
      await until(
        () => activeDeep() === name,
        5000,
        () => `focus in the folder name field after Enter (new folder); it is on ${describeEl(activeDeep())}`,
      );
      await type('Contracts');
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Contracts” saved.');
      await focusReaches(el, 'Contracts', 'Enter (create)');
      expect(level(rowNamed(el, 'Contracts')!)).to.equal(2);
      const made = (await serverTypes()).find((t) => t.name === 'Contracts')!;
      expect(made.parentId).to.equal('bedienungsanleitungen');
      // Alt+arrows: out one level, down, up, into the folder above.
      await press('Alt+ArrowLeft');
      await waitLive(el, 'status', 'Folder “Contracts” moved.');
      await until(() => level(rowNamed(el, 'Contracts') ?? el) === 1, 5000, 'Contracts on level 1');
      expect(await top()).to.deep.equal([
        'Objektunterlagen',
        'Bedienungsanleitungen',
        'Contracts',
        'Abrechnungen',
        'Protokolle',
      ]);
      await focusReaches(el, 'Contracts', 'Alt+ArrowLeft');
      await press('Alt+ArrowDown');
      await until(
        () =>
          treeitems(el)
            .filter((r) => level(r) === 1)
            .map(rowName)
            .join('|') === 'Objektunterlagen|Bedienungsanleitungen|Abrechnungen|Contracts|Protokolle',
        5000,
        'Contracts below Abrechnungen',
      );
      expect(await top()).to.deep.equal([
        'Objektunterlagen',
        'Bedienungsanleitungen',
        'Abrechnungen',
        'Contracts',
        'Protokolle',
      ]);
      await focusReaches(el, 'Contracts', 'Alt+ArrowDown');
      await press('Alt+ArrowUp');
      await until(
        () =>
          treeitems(el)
            .filter((r) => level(r) === 1)
            .map(rowName)
            .join('|') === 'Objektunterlagen|Bedienungsanleitungen|Contracts|Abrechnungen|Protokolle',
        5000,
        'Contracts above Abrechnungen',
      );
      expect(await top()).to.deep.equal([
        'Objektunterlagen',
        'Bedienungsanleitungen',
        'Contracts',
        'Abrechnungen',
        'Protokolle',
      ]);
      await focusReaches(el, 'Contracts', 'Alt+ArrowUp');
      await press('Alt+ArrowRight');
      await until(
        () => level(rowNamed(el, 'Contracts') ?? el) === 2,
        5000,
        'Contracts inside Bedienungsanleitungen',
      );
      expect((await serverTypes()).find((t) => t.id === made.id)!.parentId).to.equal('bedienungsanleitungen');
      await focusReaches(el, 'Contracts', 'Alt+ArrowRight');
      // Rename: select it, Shift+Tab to "Rename", Enter, a new name, Enter.
      await press('Enter');
      await until(
        () => rowNamed(el, 'Contracts')?.getAttribute('aria-selected') === 'true',
        5000,
        'Contracts selected',
      );
      await tabTo((a) => a.textContent?.trim() === 'Rename', 'the "Rename" button', 6, true);
      await press('Enter');
      const rename = await until(() => fieldLabelled(el, 'Folder name'), 5000, 'the folder name field');
      expect(rename.value).to.equal('Contracts');
      await until(
        () => activeDeep() === rename,
        5000,
        () => `focus in the folder name field after Enter (rename); it is on ${describeEl(activeDeep())}`,
      );
      await press('Control+a');
      await type('Leases');
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Leases” saved.');
      await focusReaches(el, 'Leases', 'Enter (rename)');
      expect((await serverTypes()).find((t) => t.id === made.id)!.name).to.equal('Leases');
      // Delete it: Shift+Tab to "Delete folder", Enter.
      await tabTo((a) => a.textContent?.trim() === 'Delete folder', 'the "Delete folder" button', 6, true);
      await press('Enter');
      // It asks first; focus is on the answer.
      await until(
        () => activeDeep()?.textContent?.trim() === 'Delete for good',
        3000,
        () => `focus on "Delete for good"; it is on ${describeEl(activeDeep())}`,
      );
      await press('Enter');
      await waitLive(el, 'status', 'Folder “Leases” deleted.');
      await until(() => !rowNamed(el, 'Leases'), 5000, 'the row gone');
      await el.updateComplete;
      // The button is disabled now (nothing selected): focus moves to the row that took the folder's place.
      await until(
        () => activeDeep()?.getAttribute('role') === 'treeitem',
        5000,
        () => `focus on a row after deleting; it is on ${describeEl(activeDeep())}`,
      );
      expectFocusInside(el, 'Enter (delete folder)');
      expect((await serverTypes()).some((t) => t.id === made.id)).to.equal(false);
      await expectTreeAsServer(el);
    });
  });
});
