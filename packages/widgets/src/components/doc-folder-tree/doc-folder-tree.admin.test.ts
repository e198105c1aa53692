import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { press, type } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowName, rowNamed, treeitems } from '../../test/tree-rows.ts';
import '../../index.ts';
import {
  manager,
  level,
  waitRow,
  tree,
  waitLive,
  buttonNamed,
  fieldLabelled,
  serverTypes,
  expectTreeAsServer,
} from './doc-folder-tree.test-support.ts';
import { dragOnto, dragShowing } from './doc-folder-tree.drag-support.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

describe('<doc-folder-tree>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  describe('admin: folders', () => {
    const typeNames = async () =>
      (await (await fetch('/api/v1/document-types', { headers: { Authorization: 'Bearer manager' } })).json())
        .items as Array<{ name: string; parentId: string | null; position: number; id: string }>;

    it('creates, renames, reorders by keyboard and deletes; refusals in words leave the tree as it was', async () => {
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          mode="admin"
          locale="de"
        ></doc-folder-tree>`,
      );
      const root = el.shadowRoot!;
      await until(() => root.querySelector('[role="treeitem"]'), 5000, 'rows');
      const button = (text: string) =>
        [...root.querySelectorAll<HTMLButtonElement>('.admin button')].find(
          (b) => b.textContent!.trim() === text,
        )!;
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
      const row = (name: string) =>
        [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find(
          (r) => r.querySelector('.name')!.textContent!.trim() === name,
        )!;
      row('Objektunterlagen').click();
      await until(() => row('Energieausweis'), 3000, 'child rows');
      row('Energieausweis').click();
      button('Ordner löschen').click();
      (await until(() => button('Endgültig löschen'), 3000, 'the confirmation')).click();
      await until(() => root.querySelector('.admin [part~="error"]'), 5000, 'refusal on delete');
      expect(JSON.stringify(await typeNames())).to.equal(before);
      // Rename, then move it down among its siblings by keyboard (Alt+ArrowDown).
      row('Pläne').click();
      button('Umbenennen').click();
      await submitName('Grundrisse');
      await until(() => row('Grundrisse'), 5000, 'renamed');
      const renamed = await typeNames();
      expect(
        renamed.find((t) => t.id === 'plaene')!.name,
        JSON.stringify(renamed.map((t) => t.name)),
      ).to.equal('Grundrisse');
      row('Grundrisse').focus();
      await press('Alt+ArrowDown');
      await until(
        () =>
          [...root.querySelectorAll('[role="treeitem"] .name')]
            .map((n) => n.textContent!.trim())
            .join('|')
            .includes('Energieausweis|Grundrisse'),
        5000,
        'reordered',
      );
      // Delete the empty new folder.
      row('Verträge').click();
      button('Ordner löschen').click();
      (await until(() => button('Endgültig löschen'), 3000, 'the confirmation')).click();
      await until(() => !row('Verträge'), 5000, 'deleted');
      expect((await typeNames()).some((t) => t.name === 'Verträge')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('admin: drag and drop', () => {
    it('moves a folder (with its subfolders) into another; the server agrees', async () => {
      // Arrange
      const el = await tree({ mode: 'admin' });
      const changed = oneEvent(el, 'doc-types-change');
      // Act: Abrechnungen onto Protokolle.
      const accepted = dragOnto(rowNamed(el, 'Abrechnungen')!, rowNamed(el, 'Protokolle')!);
      await changed;
      // Assert
      expect(accepted, 'the target row accepts the drag (dragover cancelled)').to.equal(true);
      const types = await serverTypes();
      expect(types.find((t) => t.id === 'abrechnungen')!.parentId).to.equal('protokolle');
      expect(types.filter((t) => t.parentId === 'abrechnungen').map((t) => t.id)).to.deep.equal([
        'nebenkostenabrechnungen',
        'hausgeldabrechnungen',
      ]);
      await waitLive(el, 'status', 'Ordner „Abrechnungen“ verschoben.');
      await until(() => level(rowNamed(el, 'Abrechnungen') ?? el) === 2, 5000, 'Abrechnungen on level 2');
      await expectTreeAsServer(el);
    });

    it('shows where a folder would go, and reorders when dropped on the upper or lower edge of a row', async () => {
      // Arrange: top level is Objektunterlagen, Bedienungsanleitungen, Abrechnungen, Protokolle.
      const el = await tree({ mode: 'admin' });
      const top = async () => (await serverTypes()).filter((t) => t.parentId === null).map((t) => t.id);
      expect(await top()).to.deep.equal([
        'objektunterlagen',
        'bedienungsanleitungen',
        'abrechnungen',
        'protokolle',
      ]);
      // Act + Assert: the row says before / into / after while the pointer is over it.
      expect(
        await dragShowing(rowNamed(el, 'Protokolle')!, rowNamed(el, 'Bedienungsanleitungen')!, 'before'),
      ).to.equal('before');
      await until(
        async () => (await top())[1] === 'protokolle',
        5000,
        'Protokolle before Bedienungsanleitungen',
      );
      expect(await top()).to.deep.equal([
        'objektunterlagen',
        'protokolle',
        'bedienungsanleitungen',
        'abrechnungen',
      ]);
      await expectTreeAsServer(el);
      expect(
        await dragShowing(rowNamed(el, 'Objektunterlagen')!, rowNamed(el, 'Abrechnungen')!, 'after'),
      ).to.equal('after');
      await until(async () => (await top())[3] === 'objektunterlagen', 5000, 'Objektunterlagen last');
      expect(await top()).to.deep.equal([
        'protokolle',
        'bedienungsanleitungen',
        'abrechnungen',
        'objektunterlagen',
      ]);
      await expectTreeAsServer(el);
      // Nothing stays marked once the drag is over.
      expect(el.shadowRoot!.querySelector('[data-drop]')).to.equal(null);
    });
  });

  describe('admin: refusals are said in words and the tree stays as the server has it', () => {
    /** Runs `act`, then expects `words` in an alert and the server's folders unchanged and shown as they are. */
    async function expectRefused(el: DocFolderTree, act: () => unknown, words: string): Promise<void> {
      const before = await serverTypes();
      await act();
      await waitLive(el, 'alert', words);
      expect(await serverTypes(), 'the server’s folders').to.deep.equal(before);
      await el.updateComplete;
      await expectTreeAsServer(el);
    }
    /** Builds Objektunterlagen › Pläne › Ebene 3 › Ebene 4 › Ebene 5 and shows it open down to level 5. */
    async function chainOfFive(): Promise<DocFolderTree> {
      let parentId = 'plaene';
      for (const n of [3, 4, 5])
        parentId = (await manager().documentTypes.create({ name: `Ebene ${n}`, parentId })).id;
      const el = await tree({ mode: 'admin' });
      for (const name of ['Objektunterlagen', 'Pläne', 'Ebene 3', 'Ebene 4']) {
        (await waitRow(el, name)).click();
        await until(() => rowNamed(el, name)?.getAttribute('aria-expanded') === 'true', 5000, `${name} open`);
      }
      expect(level(await waitRow(el, 'Ebene 5'))).to.equal(5);
      return el;
    }

    it('a cycle: a folder dropped onto its own child', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      const child = await waitRow(el, 'Pläne');
      await expectRefused(
        el,
        () => dragOnto(rowNamed(el, 'Objektunterlagen')!, child),
        'Ein Ordner kann nicht in sich selbst verschoben werden.',
      );
    });

    it('too deep: a new folder below level 5', async () => {
      const el = await chainOfFive();
      rowNamed(el, 'Ebene 5')!.click();
      await until(
        () => rowNamed(el, 'Ebene 5')?.getAttribute('aria-selected') === 'true',
        5000,
        'Ebene 5 selected',
      );
      buttonNamed(el, 'Neuer Ordner')!.click();
      const name = await until(
        () => fieldLabelled(el, 'Name des Ordners') as HTMLInputElement | undefined,
        5000,
        'the name field',
      );
      name.focus();
      await type('Ebene 6');
      await expectRefused(el, () => press('Enter'), 'Ordner können höchstens fünf Ebenen tief liegen.');
      expect(fieldLabelled(el, 'Name des Ordners')?.value, 'the typed name is kept').to.equal('Ebene 6');
    });

    it('too deep: a folder with a subfolder dropped onto level 4 (its child would be on level 6)', async () => {
      const el = await chainOfFive();
      await expectRefused(
        el,
        () => dragOnto(rowNamed(el, 'Abrechnungen')!, rowNamed(el, 'Ebene 4')!),
        'Ordner können höchstens fünf Ebenen tief liegen.',
      );
    });

    it('too deep: a folder dropped onto level 5', async () => {
      const el = await chainOfFive();
      await expectRefused(
        el,
        () => dragOnto(rowNamed(el, 'Bedienungsanleitungen')!, rowNamed(el, 'Ebene 5')!),
        'Ordner können höchstens fünf Ebenen tief liegen.',
      );
    });

    it('a duplicate sibling name: renaming to a sibling’s name in other letter case', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      (await waitRow(el, 'Pläne')).click();
      buttonNamed(el, 'Umbenennen')!.click();
      const name = await until(
        () => fieldLabelled(el, 'Name des Ordners') as HTMLInputElement | undefined,
        5000,
        'the name field',
      );
      name.focus();
      await press('Control+a');
      await type('ENERGIEAUSWEIS');
      await expectRefused(el, () => press('Enter'), 'Das steht im Widerspruch zum aktuellen Stand.');
    });

    it('a duplicate sibling name: a folder dropped where a sibling has its name', async () => {
      await manager().documentTypes.create({ name: 'Pläne', parentId: null });
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Objektunterlagen')!.click();
      await until(
        () => treeitems(el).some((r) => rowName(r) === 'Pläne' && level(r) === 2),
        5000,
        'Objektunterlagen › Pläne',
      );
      const topLevel = treeitems(el).find((r) => rowName(r) === 'Pläne' && level(r) === 1)!;
      await expectRefused(
        el,
        () => dragOnto(topLevel, rowNamed(el, 'Objektunterlagen')!),
        'Das steht im Widerspruch zum aktuellen Stand.',
      );
    });

    it('deleting a folder that still has subfolders (and no documents of its own)', async () => {
      const el = await tree({ mode: 'admin' });
      rowNamed(el, 'Protokolle')!.click();
      await until(
        () => rowNamed(el, 'Protokolle')?.getAttribute('aria-selected') === 'true',
        5000,
        'Protokolle selected',
      );
      await expectRefused(
        el,
        async () => {
          buttonNamed(el, 'Ordner löschen')!.click();
          (await until(() => buttonNamed(el, 'Endgültig löschen'), 3000, 'the confirmation')).click();
        },
        'Das steht im Widerspruch zum aktuellen Stand.',
      );
    });
  });
});
