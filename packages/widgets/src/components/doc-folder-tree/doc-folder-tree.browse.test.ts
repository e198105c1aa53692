import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { control, ready, until } from '../../test/setup.ts';
import { rowNamed, treeitems } from '../../test/tree-rows.ts';
import '../../index.ts';
import {
  publish,
  names,
  browse,
  openAll,
  HOUSE_RULES,
  ROSENWEG,
  waitRow,
  shown,
  expandAll,
  tree,
  waitLive,
  buttonNamed,
  fieldLabelled,
} from './doc-folder-tree.test-support.ts';
import { SEES, SCOPES, expectedIn, publishAll } from './doc-folder-tree.test-cases.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

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
      await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
      ]);
      await publish(
        'Bedienungsanleitung Therme',
        'bedienungsanleitungen',
        { kind: 'unit', id: 'max-planck-12-w002' },
        [{ kind: 'contact', contactId: 'kristina-maiblume' }],
      );
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
      expect(paul.shadowRoot!.querySelector('.status')!.textContent).to.contain(
        'Hier sind noch keine Dokumente.',
      );
      await expect(paul).to.be.accessible();
      await expect(ahmet).to.be.accessible();
    });

    it('downloads a document on Enter and counts the download', async () => {
      const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
      ]);
      const el = await browse('contact:ahmet-yilmaz', 'property:rosenweg-24');
      await openAll(el);
      const row = await until(
        () =>
          [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) =>
            r.textContent!.includes('Hausordnung'),
          ),
        5000,
        'row',
      );
      row.click(); // makes it the active row
      row.focus();
      const downloaded = oneEvent(el, 'doc-download');
      await sendKeys({ press: 'Enter' });
      expect((await downloaded).detail.document.id).to.equal(id);
      const res = await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } });
      expect((await res.json()).downloadCount).to.be.at.least(1);
    });
  });

  describe('browse: every fixture contact sees exactly what their shares resolve to today', () => {
    for (const [contact, why, titles] of SEES) {
      it(`${contact} (${why})`, async () => {
        // Arrange: today is fixed; both walkthroughs and one document per kind of share target are published.
        await control('/clock', { now: '2026-11-27T09:00:00Z' });
        await publishAll();
        for (const scope of SCOPES) {
          // Act: the contact's tree in this scope, every folder opened.
          const el = await tree({ token: `contact:${contact}`, scope, mode: 'browse' });
          await expandAll(el);
          // Assert: exactly the documents that reach them, in their folders; no empty folder.
          const ui = shown(el);
          const expected = expectedIn(scope, titles);
          expect([...ui.documents].sort(), `${contact} in ${scope}: documents`).to.deep.equal(
            expected.documents,
          );
          expect([...ui.folders].sort(), `${contact} in ${scope}: folders`).to.deep.equal(expected.folders);
          if (!expected.documents.length)
            expect(el.shadowRoot!.textContent, `${contact} in ${scope}: the empty state`).to.contain(
              'Hier sind noch keine Dokumente.',
            );
          el.parentElement!.remove();
        }
      });
    }
  });

  describe('titles are text, never markup', () => {
    const PAYLOADS = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '"><svg onload=window.__xss=3>',
    ];
    const noMarkup = (el: DocFolderTree) => {
      const root = el.shadowRoot!;
      expect(
        root.querySelectorAll('img, script, iframe, [onerror], [onload]'),
        'no element made from a title',
      ).to.have.length(0);
      expect((window as { __xss?: number }).__xss, 'no script ran').to.equal(undefined);
    };

    it('in browse rows, in manage rows and in the editor', async () => {
      // Arrange
      for (const p of PAYLOADS) await publish(p, 'objektunterlagen', ROSENWEG, [HOUSE_RULES], 'payload.pdf');
      // Act + Assert: browse.
      const browsing = await tree({ token: 'contact:ahmet-yilmaz', mode: 'browse' });
      await expandAll(browsing);
      for (const p of PAYLOADS) expect(rowNamed(browsing, p), `browse row "${p}"`).to.exist;
      noMarkup(browsing);
      // Manage rows and the editor.
      const managing = await tree({ mode: 'manage' });
      rowNamed(managing, 'Objektunterlagen')!.click();
      for (const p of PAYLOADS) await waitRow(managing, p);
      noMarkup(managing);
      rowNamed(managing, PAYLOADS[0]!)!.click();
      const form = await until(
        () => managing.shadowRoot!.querySelector<HTMLFormElement>('form[aria-label="Dokument bearbeiten"]'),
        5000,
        'the editor',
      );
      await until(
        () => (fieldLabelled(managing, 'Titel') as HTMLInputElement | undefined)?.value === PAYLOADS[0],
        5000,
        'the title field',
      );
      expect(form.querySelector('.heading')!.textContent).to.equal(PAYLOADS[0]);
      buttonNamed(managing, 'Dokument löschen')!.click();
      await waitLive(managing, 'alert', `„${PAYLOADS[0]}“`);
      noMarkup(managing);
    });
  });

  describe('a backend that does not answer', () => {
    it('503: the tree says so in words, announced politely', async () => {
      // Arrange: every API request fails with 503 (Retry-After: 0, so the SDK's retries end at once).
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      // Act
      const el = await tree({ mode: 'manage', locale: 'en' });
      // Assert
      const words = 'The service is unavailable right now. Please try again in a few minutes.';
      expect(el.shadowRoot!.textContent).to.contain(words);
      await waitLive(el, 'status', words);
      expect(treeitems(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('503 while opening a folder: its documents cannot load, and the tree says so', async () => {
      // Arrange: the tree has loaded; then the backend stops answering.
      await publish('Hausordnung', 'objektunterlagen', ROSENWEG, [HOUSE_RULES]);
      const el = await tree({ mode: 'manage', locale: 'en' });
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      // Act
      rowNamed(el, 'Objektunterlagen')!.click();
      // Assert: in words, in the live region; the folder's rows stay as they were.
      await waitLive(
        el,
        'status',
        'The service is unavailable right now. Please try again in a few minutes.',
      );
      expect(rowNamed(el, 'Objektunterlagen')!.getAttribute('aria-expanded')).to.equal('true');
      expect(rowNamed(el, 'Hausordnung')).to.equal(undefined);
    });
  });
});
