// Sending: the recipients as the server stores them, the events, cancel and retry.
import { expect, oneEvent } from '@open-wc/testing';
import { selectOption, sendMouse } from '@web/test-runner-commands';
import { createClient, type Document } from '@docportal/core-sdk';
import '../../index.ts';
import {
  activeDeep,
  api,
  clickOn,
  describeEl,
  documentsFor,
  expectSame,
  nextFrame,
  press,
  record,
  sizedPdf,
  stats,
  type,
} from '../../test/helpers.ts';
import { control, dropFiles, until, usesMockBackend } from '../../test/setup.ts';
import {
  TEXT,
  mount,
  dropzone,
  cards,
  submitButton,
  pickerOf,
  text,
  roleBoxes,
  combobox,
  onlyOption,
  pdf,
  cardReady,
  chooseType,
  untilSummary,
  verifyWalkthrough1,
  readyToSend,
} from '../../test/uploader.ts';

describe('<doc-uploader>', () => {
  usesMockBackend();

  describe('the open recipient list covers nothing', () => {
    it('a real click where the submit button is, with the list open, uploads and adds no recipient', async () => {
      // Arrange
      const { up, root } = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(root), [pdf('Hausordnung')]);
      const card = await cardReady(root);
      chooseType(card, 'objektunterlagen');
      const picker = pickerOf(card);
      await clickOn(roleBoxes(picker)[0]!);
      await untilSummary(picker, TEXT.de.summary4);
      await clickOn(combobox(picker));
      await type('Rosenweg');
      await until(
        () => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 2,
        5000,
        'two addresses offered',
      );
      expect(combobox(picker).getAttribute('aria-expanded')).to.equal('true');
      // Assert: the list pushes the count line and the button down, it does not lie over them
      const list = picker.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
      const submit = submitButton(root)!;
      submit.scrollIntoView({ block: 'center' });
      await nextFrame();
      for (const el of [picker.shadowRoot!.querySelector('.summary')!, submit]) {
        const r = el.getBoundingClientRect();
        const l = picker.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
        expect(r.top >= l.bottom || r.bottom <= l.top, `${describeEl(el)} under the list`).to.equal(true);
      }
      expect(list.height).to.be.greaterThan(0);
      // Act: a real click at the button's place
      const r = submit.getBoundingClientRect();
      const uploaded = oneEvent(up, 'doc-uploaded');
      await sendMouse({
        type: 'click',
        position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
      });
      const { detail } = await uploaded;
      // Assert: on the server, the tenants alone
      const { status, body } = await api<Document>(`/documents/${encodeURIComponent(detail.document.id)}`);
      expect(status).to.equal(200);
      expect(body.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    });
  });

  describe('a chip narrowed to tenants', () => {
    it('shares with the tenants of that address only, as the server stores it', async () => {
      // Arrange
      const { up, root } = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(root), [pdf('Aufzug')]);
      const card = await cardReady(root);
      chooseType(card, 'objektunterlagen');
      const picker = pickerOf(card);
      await clickOn(combobox(picker));
      await type('Rosenweg 24a');
      await onlyOption(picker, 'Rosenweg 24a');
      await press('ArrowDown');
      await press('Enter');
      const both = await until(
        () => picker.shadowRoot!.querySelector<HTMLSelectElement>('.chip select'),
        5000,
        'the chip',
      );
      expect(text(both.selectedOptions[0])).to.equal('Mieter und Eigentümer');
      // Act: narrow it with the mouse's way to pick from a select
      await selectOption({
        selector: navigator.userAgent.includes('Firefox')
          ? 'doc-uploader >>> share-picker >>> .chip select'
          : 'doc-uploader share-picker .chip select',
        value: 'tenant',
      });
      await until(
        () => (picker.value[0] as { roles?: string[] }).roles?.join() === 'tenant',
        5000,
        'tenants only',
      );
      const scope = { kind: 'property', id: 'rosenweg-24' };
      const count = async (roles: string[]) =>
        (
          await api<{ count: number }>('/recipients/resolve', 'manager', {
            method: 'POST',
            body: JSON.stringify({ scope, targets: [{ kind: 'address', addressId: 'rosenweg-24a', roles }] }),
          })
        ).body.count;
      const tenants = await count(['tenant']);
      expect(tenants).to.be.lessThan(await count(['tenant', 'owner']));
      await untilSummary(
        picker,
        tenants === 1 ? TEXT.de.summary1 : `${tenants} Empfänger · werden morgen per E-Mail benachrichtigt`,
      );
      const uploaded = oneEvent(up, 'doc-uploaded');
      await clickOn(submitButton(root)!);
      const { detail } = await uploaded;
      // Assert: read back from the server
      const { status, body } = await api<Document>(`/documents/${encodeURIComponent(detail.document.id)}`);
      expect(status).to.equal(200);
      expect(body.shares).to.deep.equal([{ kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] }]);
    });
  });

  describe('events', () => {
    it('doc-upload-start, doc-upload-progress (never backwards, up to the total) and doc-uploaded', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const file = sizedPdf(3 * 1024 * 1024 + 123, 'Lageplan.pdf');
      dropFiles(dropzone(m.root), [file]);
      const card = await cardReady(m.root);
      chooseType(card, 'plaene');
      const rec = record(m.provider, [
        'doc-upload-start',
        'doc-upload-progress',
        'doc-uploaded',
        'doc-upload-error',
        'doc-file-rejected',
      ]);
      // Act
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      submitButton(m.root)!.click();
      const { detail } = await uploaded;
      rec.stop();
      // Assert
      const types = rec.events.map((e) => e.type);
      expect(types[0]).to.equal('doc-upload-start');
      expect(types.at(-1)).to.equal('doc-uploaded');
      expect(types.filter((x) => x === 'doc-upload-error' || x === 'doc-file-rejected')).to.deep.equal([]);
      expect(rec.of('doc-upload-start')).to.have.length(1);
      expectSame(rec.of('doc-upload-start')[0].file, file, 'start file');
      const progress = rec.of('doc-upload-progress');
      expect(progress.length).to.be.greaterThan(0);
      for (const [i, p] of progress.entries()) {
        expectSame(p.file, file, 'progress file');
        expect(p.total).to.equal(file.size);
        if (i) expect(p.loaded, `progress ${i} went backwards`).to.be.at.least(progress[i - 1].loaded);
      }
      expect(progress.at(-1).loaded).to.equal(file.size);
      expect(detail.document.size).to.equal(file.size);
      expect(detail.document.title).to.equal('Lageplan');
      const { body } = await api<Document>(`/documents/${detail.document.id}`);
      expect(body.documentTypeId).to.equal('plaene');
    });

    it('doc-upload-error on a server error, in words; retry succeeds once the server recovers (en)', async () => {
      // Arrange
      const m = await mount({
        scope: 'property:rosenweg-24',
        locale: 'en',
        client: createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 }),
      });
      const file = pdf('Hausordnung');
      await readyToSend(m, file, 'en');
      await control('/faults', { failRate: 1, failStatus: 500 });
      // Act
      const failed = oneEvent(m.up, 'doc-upload-error');
      submitButton(m.root)!.focus();
      await press('Enter');
      const { detail } = await failed;
      // Assert
      expectSame(detail.file, file, 'error file');
      expect(detail.error.status).to.equal(500);
      const notice = await until(
        () => cards(m.root)[0]!.querySelector<HTMLElement>('[role="alert"]'),
        5000,
        'error notice',
      );
      expect(text(notice)).to.contain(TEXT.en.failed);
      expect(cards(m.root)[0]!.getAttribute('part')).to.contain('file--error');
      expect(
        m.root.contains(activeDeep()) || m.up.contains(activeDeep()),
        `focus stays in the uploader, is on ${describeEl(activeDeep())}`,
      ).to.equal(true);
      expect((await stats()).documents).to.equal(0);
      // Act: the server recovers, the user retries
      await control('/faults', {});
      const retryButton = [...notice.querySelectorAll('button')].find((b) => text(b) === TEXT.en.retry)!;
      expect(retryButton, 'a retry button').to.exist;
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      retryButton.focus();
      await press('Enter');
      const ok = await uploaded;
      // Assert
      expect(ok.detail.document.title).to.equal('Hausordnung');
      await until(() => m.root.querySelector('.success'), 5000, 'success after retry');
      expect((await stats()).documents).to.equal(1);
      expect(
        m.root.contains(activeDeep()),
        `focus stays in the uploader, is on ${describeEl(activeDeep())}`,
      ).to.equal(true);
    });
  });

  describe('cancel and retry', () => {
    it('cancel during upload leaves nothing on the server; retry then succeeds', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const card = await readyToSend(m, pdf('Hausordnung'));
      const rec = record(m.up, ['doc-upload-error', 'doc-uploaded']);
      await control('/faults', { latencyMs: 700 });
      // Act: start (a small file: one request, slowed down by the latency), cancel with the keyboard
      submitButton(m.root)!.click();
      const cancel = await until(
        () =>
          card.querySelector<HTMLButtonElement>(
            'button[aria-label="Hochladen von Hausordnung.pdf abbrechen"]',
          ),
        5000,
        'cancel button',
      );
      expect(card.querySelector('[role="progressbar"]')).to.exist;
      cancel.focus();
      await press('Enter');
      // Assert
      await until(
        () => cards(m.root)[0]?.getAttribute('part')?.includes('file--cancelled'),
        10000,
        'cancelled state',
      );
      const notice = cards(m.root)[0]!.querySelector('[role="alert"]')!;
      expect(text(notice)).to.contain(TEXT.de.cancelled);
      const retryButton = [...notice.querySelectorAll('button')].find((b) => text(b) === TEXT.de.retry);
      expect(retryButton, 'retry button').to.exist;
      expect(rec.of('doc-upload-error')).to.have.length(1);
      expect(rec.of('doc-upload-error')[0].error.code).to.equal('aborted');
      expect(
        m.root.contains(activeDeep()),
        `focus stays in the uploader, is on ${describeEl(activeDeep())}`,
      ).to.equal(true);
      await control('/faults', {});
      const s = await until(
        async () => {
          const x = await stats();
          return x.openUploads === 0 ? x : null;
        },
        10000,
        'no open upload after cancel',
      ).catch(async () => stats());
      expect(s.openUploads, 'open uploads after cancel').to.equal(0);
      // The request may have been processed before the cancel: then its document was deleted again.
      expect(s.documents, 'documents made before the cancel').to.be.at.most(1);
      expect(
        (await documentsFor('manager', 'scope=property:rosenweg-24')).map((d) => d.title),
      ).not.to.include('Hausordnung');
      // Act: retry
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      retryButton!.click();
      const { detail } = await uploaded;
      // Assert
      expect(detail.document.title).to.equal('Hausordnung');
      await verifyWalkthrough1(detail.document);
      const end = await stats();
      expect(end.documents - s.documents).to.equal(1);
      expect(end.openUploads).to.equal(0);
    });
  });
});
