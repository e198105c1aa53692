// <doc-folder-tree> on large folders: pages load as their end scrolls into view, the rows stay
// windowed, and a tree shown again in the same provider starts from what was loaded. Late answers
// for a scope the tree has left (or for a tree taken off the page) are never shown.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type DocumentType } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../../index.ts';
import type { DocProvider } from '../../index.ts';
import { watchSecondRenders } from '../../test/helpers.ts';
import { lateFor } from '../../test/late.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowCount, rowName, rowNamed, treeitems } from '../../test/tree-rows.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';
import { ROSENWEG, publish, waitRow } from './doc-folder-tree.test-support.ts';

const MAX_PLANCK = { kind: 'property', id: 'max-planck-12' } as const;
const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });
const scroller = (el: DocFolderTree) =>
  el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!.parentElement!;
/** Scrolls row `index` near the top of the box, by the rows' height as this browser lays them out. */
const scrollNear = (el: DocFolderTree, index: number) => {
  const rowPx = parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.row')!).height);
  scroller(el).scrollTop = index * rowPx - 3 * rowPx;
};
/** Every row the tree has, shown or not: the tree's height in rows (rows are 40 px). */
const allRows = (el: DocFolderTree) =>
  Number(el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!.style.getPropertyValue('--_n'));

/**
 * Opens `folder` and its ancestors by clicking their rows (names repeat across the tree, so each
 * is looked for below the one before, on its level); returns the folder's row index.
 */
async function openFolder(el: DocFolderTree, folder: DocumentType, types: DocumentType[]): Promise<number> {
  const path: DocumentType[] = [];
  for (let t: DocumentType | undefined = folder; t; t = types.find((x) => x.id === t!.parentId))
    path.unshift(t);
  let index = -1;
  for (const [depth, t] of path.entries()) {
    const row = await until(
      () =>
        treeitems(el).find(
          (r) =>
            Number(r.dataset.index) > index &&
            r.getAttribute('aria-level') === String(depth + 1) &&
            rowName(r) === t.name,
        ),
      5000,
      t.name,
    );
    index = Number(row.dataset.index);
    row.scrollIntoView();
    row.click();
    await el.updateComplete;
  }
  return index;
}

/** Waits for the first page (200 documents) of the folder at row `index` (a folder without subfolders); returns every row count then. */
async function firstPage(el: DocFolderTree, index: number): Promise<number> {
  await until(
    () =>
      /[Dd]ownloads?$/.test(
        el.shadowRoot!.querySelector(`[data-index="${index + 1}"]`)?.textContent?.trim() ?? '',
      ),
    10000,
    'the first page',
  );
  return allRows(el);
}

describe('<doc-folder-tree> with large folders', () => {
  before(async () => {
    await ready;
  });

  describe('the large data set', () => {
    let big: DocumentType;
    before(async () => {
      await control('/reset', { dataset: 'large' });
      const types = await manager().documentTypes.list({ scope: 'property:grosssiedlung' });
      big = [...types].sort((a, b) => b.documentCount - a.documentCount)[0]!;
      expect(
        big.documentCount,
        'a folder of the estate with more than a page of documents',
      ).to.be.greaterThan(200);
    });
    afterEach(async () => {
      await control('/faults', {});
    });
    after(async () => {
      await control('/reset', {});
    });

    it('loads the next page when the end of a folder scrolls into view, and keeps the DOM small', async () => {
      // Arrange
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:grosssiedlung"
          mode="manage"
          locale="de"
        ></doc-folder-tree>`,
      );
      await until(() => treeitems(el).length, 10000, 'rows');
      const types = await manager().documentTypes.list({ scope: 'property:grosssiedlung' });
      const folderIndex = await openFolder(el, big, types);
      const level = Number(
        el.shadowRoot!.querySelector(`[data-index="${folderIndex}"]`)!.getAttribute('aria-level'),
      );
      const first = await firstPage(el, folderIndex);
      const renders = watchSecondRenders();
      // Act: scroll to the end, where the next page's row is.
      scroller(el).scrollTop = scroller(el).scrollHeight;
      // Assert: the rest of the folder came without a click; its "more" row is gone.
      await until(() => allRows(el) === first - 1 + (big.documentCount - 200), 10000, 'the second page');
      await el.updateComplete;
      renders.stop();
      expect(renders.warnings, 'the page asked for from inside a render').to.deep.equal([]);
      expect(treeitems(el).length, 'rows in the DOM').to.be.lessThan(60);
      // Documents of the folder (one level below it, with their download counts).
      const shown = treeitems(el).filter(
        (r) =>
          r.getAttribute('aria-level') === String(level + 1) && /[Dd]ownloads?$/.test(r.textContent!.trim()),
      );
      expect(shown[0]!.getAttribute('aria-setsize'), 'setsize counts the whole folder').to.equal(
        String(big.documentCount + types.filter((t) => t.parentId === big.id).length),
      );
      await expect(el).to.be.accessible();
    });

    it('a focused "more" row that turns into documents hands focus to the first of them', async () => {
      // Arrange: the folder open at its first page, the next page slow to come.
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:grosssiedlung"
          mode="manage"
          locale="de"
        ></doc-folder-tree>`,
      );
      await until(() => treeitems(el).length, 10000, 'rows');
      const folderIndex = await openFolder(
        el,
        big,
        await manager().documentTypes.list({ scope: 'property:grosssiedlung' }),
      );
      await firstPage(el, folderIndex);
      await control('/faults', { latencyMs: 600 });
      const moreIndex = folderIndex + 201;
      // Act: the "more" row scrolls into view and gets focus while its page is on the way.
      scrollNear(el, moreIndex);
      const more = await until(
        () => el.shadowRoot!.querySelector<HTMLElement>(`[data-index="${moreIndex}"]`),
        5000,
        'the more row',
      );
      more.focus();
      const before = allRows(el);
      await until(() => allRows(el) > before, 10000, 'the second page');
      await el.updateComplete;
      await control('/faults', {});
      // Assert: focus is on the row that took its place, a document of the folder.
      const now = el.shadowRoot!.activeElement as HTMLElement | null;
      expect(now?.getAttribute('role')).to.equal('treeitem');
      expect(now!.dataset.index).to.equal(String(moreIndex));
      expect(now!.getAttribute('aria-level')).to.equal(more.getAttribute('aria-level'));
      expect(now!.classList.contains('doc')).to.equal(true);
    });

    it('a page that fails keeps its row, which loads it on Enter once the backend answers', async () => {
      // Arrange
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:grosssiedlung"
          mode="manage"
          locale="en"
        ></doc-folder-tree>`,
      );
      await until(() => treeitems(el).length, 10000, 'rows');
      const folderIndex = await openFolder(
        el,
        big,
        await manager().documentTypes.list({ scope: 'property:grosssiedlung' }),
      );
      const first = await firstPage(el, folderIndex);
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      // Act: its end scrolls into view; the page fails.
      scrollNear(el, folderIndex + 201);
      const more = await until(
        () => el.shadowRoot!.querySelector<HTMLElement>(`[data-index="${folderIndex + 201}"]`),
        5000,
        'the more row',
      );
      await until(
        () => /unavailable/.test(el.shadowRoot!.querySelector('[role="status"]')!.textContent!),
        10000,
        'the failure said',
      );
      // Assert: the row is still there, offers to load, and nothing more is tried by itself.
      await el.updateComplete;
      expect(rowName(more)).to.equal('Load more documents');
      expect(allRows(el)).to.equal(first);
      const { requests } = await control('/stats');
      await new Promise((r) => setTimeout(r, 300));
      expect((await control('/stats')).requests - requests, 'API requests after the failure').to.equal(0);
      // Act: the backend is back; Enter on the row.
      await control('/faults', {});
      more.focus();
      await sendKeys({ press: 'Enter' });
      // Assert
      await until(
        () => allRows(el) === first - 1 + (big.documentCount - 200),
        10000,
        'the rest of the folder',
      );
    });

    it('keyboard focus moves from row to row as the window scrolls (each row its own element)', async () => {
      // Arrange: the estate's folders, the top level open, in a low box.
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:grosssiedlung"
          mode="admin"
          locale="de"
          style="--doc-tree-height: 8rem"
        ></doc-folder-tree>`,
      );
      const first = await until(() => treeitems(el)[0], 5000, 'rows');
      first.focus();
      await sendKeys({ press: '*' });
      await until(() => allRows(el) > 10, 5000, 'open folders');
      // Act + Assert: every ArrowDown focuses another element, the one of the next row.
      let prev = el.shadowRoot!.activeElement;
      for (let i = 1; i < Math.min(allRows(el), 20); i++) {
        await sendKeys({ press: 'ArrowDown' });
        await el.updateComplete;
        const now = el.shadowRoot!.activeElement as HTMLElement;
        expect(now, `row ${i} focused`).to.not.equal(prev);
        expect(now.dataset.index).to.equal(String(i));
        prev = now;
      }
    });
  });

  describe('in a provider', () => {
    beforeEach(async () => {
      await control('/reset', {});
    });

    it('a tree shown again starts where the last one was, at once; a change through the provider reloads it', async () => {
      // Arrange: a tree opens Objektunterlagen, then goes away.
      const provider = await fixture<DocProvider>(
        html`<doc-provider
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          locale="de"
        ></doc-provider>`,
      );
      const first = document.createElement('doc-folder-tree') as DocFolderTree;
      first.mode = 'manage';
      provider.append(first);
      const folder = await until(() => rowNamed(first, 'Objektunterlagen'), 5000, 'Objektunterlagen');
      folder.click();
      await until(() => treeitems(first).some((r) => r.getAttribute('aria-level') === '2'), 5000, 'open');
      const seen = treeitems(first).map(rowName);
      first.remove();
      // Act: another tree of the same provider, scope and mode.
      const second = document.createElement('doc-folder-tree') as DocFolderTree;
      second.mode = 'manage';
      provider.append(second);
      await second.updateComplete;
      // Assert: its first render already shows the open folder, before any answer arrives.
      expect(treeitems(second).map(rowName)).to.deep.equal(seen);
      expect(rowNamed(second, 'Objektunterlagen')!.getAttribute('aria-expanded')).to.equal('true');
      // A document published through the provider's bus: the counts are fetched again.
      const count = rowCount(rowNamed(second, 'Objektunterlagen')!)!;
      await manager().documents.upload(new File([makePdf('Neu') as Uint8Array<ArrayBuffer>], 'Neu.pdf'), {
        documentTypeId: 'objektunterlagen',
        scope: { kind: 'property', id: 'rosenweg-24' },
        shares: [],
      });
      provider.bus.publish('documents-changed');
      await until(() => rowCount(rowNamed(second, 'Objektunterlagen')!) === count + 1, 5000, 'the new count');
      await until(() => rowNamed(second, 'Neu'), 5000, 'the new document in the open folder');
    });
  });

  describe('answers for a scope no longer shown', () => {
    beforeEach(async () => {
      await control('/reset', {});
    });

    /** A tree of the manager (through `client`) in Rosenweg 24. */
    const rosenweg = (client: unknown, mode: string) =>
      fixture<DocFolderTree>(
        html`<doc-folder-tree
          .client=${client}
          scope="property:rosenweg-24"
          mode=${mode}
          locale="de"
        ></doc-folder-tree>`,
      );

    it('the folders of the scope left, arriving last, never show for the next one; their request is aborted', async () => {
      // Arrange: Rosenweg 24's folders come late, Max-Planck-Straße 12's at once.
      const { client, late, aborted, settled } = lateFor('property:rosenweg-24', '/document-types');
      const el = await rosenweg(client, 'browse');
      await until(() => late.length, 5000, "Rosenweg 24's folders asked for");
      // Act: the same manager, another scope, while Rosenweg 24's folders are on their way.
      el.scope = 'property:max-planck-12';
      await until(() => treeitems(el).length, 5000, "Max-Planck-Straße 12's folders");
      const shown = treeitems(el).map(rowName);
      await settled();
      await el.updateComplete;
      // Assert: Rosenweg 24's folders (Objektunterlagen, Abrechnungen) came and went unseen.
      expect(shown).to.deep.equal(['Objektunterlagen', 'Protokolle']);
      expect(treeitems(el).map(rowName)).to.deep.equal(shown);
      expect(aborted(), "Rosenweg 24's request aborted").to.deep.equal([true]);
    });

    it('a tree taken off the page aborts what it was loading, and loads again when put back', async () => {
      // Arrange
      const { client, late, aborted } = lateFor('property:rosenweg-24', '/document-types');
      const el = await rosenweg(client, 'browse');
      await until(() => late.length, 5000, "Rosenweg 24's folders asked for");
      const page = el.parentElement!;
      // Act + Assert
      el.remove();
      expect(aborted()).to.deep.equal([true]);
      page.append(el);
      await until(() => treeitems(el).length, 5000, "Rosenweg 24's folders");
      expect(treeitems(el).map(rowName)).to.deep.equal(['Objektunterlagen', 'Abrechnungen']);
      expect(aborted()).to.deep.equal([true, false]);
    });

    it('a folder’s documents of the scope left never replace those of its newer load', async () => {
      // Arrange: Objektunterlagen holds a document in each property; Rosenweg 24's come late.
      await publish('Hausordnung Rosenweg 24', 'objektunterlagen', ROSENWEG, []);
      await publish('Hausordnung Max-Planck-Straße 12', 'objektunterlagen', MAX_PLANCK, []);
      const { client, late, aborted, settled } = lateFor('property:rosenweg-24', '/documents');
      const el = await rosenweg(client, 'manage');
      (await waitRow(el, 'Objektunterlagen')).click();
      await until(() => late.length, 5000, "Rosenweg 24's documents asked for");
      // Act: another scope while they are on their way; the open folder loads again, for it.
      el.scope = 'property:max-planck-12';
      await waitRow(el, 'Hausordnung Max-Planck-Straße 12');
      await settled();
      await el.updateComplete;
      // Assert: Max-Planck-Straße 12's folders, Objektunterlagen open with its own document.
      expect(treeitems(el).map(rowName)).to.deep.equal([
        'Objektunterlagen',
        'Pläne',
        'Energieausweis',
        'Hausordnung Max-Planck-Straße 12',
        'Bedienungsanleitungen',
        'Abrechnungen',
        'Protokolle',
      ]);
      expect(aborted(), "Rosenweg 24's request aborted").to.deep.equal([true]);
    });
  });
});
