// Files in: bad files refused in words, payloads as text, paste, single, disabled, preselected type,
// validation and focus.
import { expect, oneEvent } from '@open-wc/testing';
import { type Document } from '@docportal/core-sdk';
import { badFiles, makeDoc, makeDocx, makeJpeg, makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import {
  activeDeep,
  describeEl,
  documentsFor,
  expectSame,
  nextFrame,
  pasteFiles,
  press,
  record,
  sizedPdf,
  stats,
  tabTo,
  type,
} from '../../test/helpers.ts';
import { deepAll, dropFiles, fileOf, until, usesMockBackend } from '../../test/setup.ts';
import {
  TEXT,
  mount,
  dropzone,
  fileInput,
  cards,
  submitButton,
  openTitle,
  titleInput,
  typeSelect,
  pickerOf,
  alerts,
  text,
  roleBoxes,
  pdf,
  shared,
  cardReady,
  chooseType,
  untilSummary,
} from '../../test/uploader.ts';

describe('<doc-uploader>', () => {
  usesMockBackend();

  describe('bad files', () => {
    it('refuses each bad file, an empty file and 50 MiB + 1 byte: worded notice, event, nothing sent', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      await until(async () => (await stats()).requests >= 1, 5000, 'document types loaded');
      await nextFrame();
      const before = await stats();
      const rec = record(m.up, ['doc-file-rejected', 'doc-upload-start']);
      const cases = [
        // A file that is an allowed kind under another kind's name is told what it really is.
        ...badFiles().map((b) => ({
          file: fileOf(b.bytes, b.name, b.type),
          code: 'unsupported_file_type',
          todo:
            b.name === 'foto.pdf'
              ? 'foto.pdf ist ein PNG-Bild mit falscher Endung. Bitte benennen Sie die Datei in foto.png um.'
              : 'Bitte speichern Sie sie in einem dieser Formate.',
        })),
        {
          file: new File([], 'leer.pdf', { type: 'application/pdf' }),
          code: 'empty_file',
          todo: 'Bitte wählen Sie die richtige Datei.',
        },
        {
          file: sizedPdf(52_428_801, 'riesig.pdf'),
          code: 'file_too_large',
          todo: 'Bitte verkleinern Sie sie',
        },
      ];
      expect(cases).to.have.length(8);
      // Act + Assert, file by file
      for (const c of cases) {
        dropFiles(dropzone(m.root), [c.file]);
        const notice = await until(
          () => alerts(m.root).find((n) => text(n).includes(`„${c.file.name}“ wurde nicht übernommen.`)),
          5000,
          () => `notice for ${c.file.name}`,
        );
        expect(text(notice), c.file.name).to.contain(c.todo);
        const last = rec.of('doc-file-rejected').at(-1);
        expectSame(last.file, c.file, 'rejected file');
        expect(last.code, c.file.name).to.equal(c.code);
      }
      expect(rec.of('doc-file-rejected')).to.have.length(cases.length);
      expect(rec.of('doc-upload-start')).to.have.length(0);
      expect(cards(m.root)).to.have.length(0);
      expect(submitButton(m.root)).to.equal(null);
      const after = await stats();
      expect(after.requests, 'no request for a refused file').to.equal(before.requests);
      expect(after.bytesReceived).to.equal(before.bytesReceived);
      expect(after.uploads).to.equal(0);
    });

    it('says the size of a file just over the limit in a way that differs from the limit', async () => {
      for (const locale of ['de', 'en'] as const) {
        const m = await mount({ scope: 'property:rosenweg-24', locale });
        dropFiles(dropzone(m.root), [sizedPdf(52_428_801, 'riesig.pdf')]);
        const notice = await until(() => alerts(m.root)[0], 5000, 'notice');
        const message = text(notice.querySelectorAll('p')[1]);
        const sizes = message.match(/[\d.,]+\s*(?:MB|Byte|bytes?)/g) ?? [];
        expect(sizes, message).to.have.length(2);
        expect(sizes[0], `"${message}" contradicts itself`).not.to.equal(sizes[1]);
      }
    });

    it('accepts exactly 50 MiB and every allowed kind (pdf, doc, docx, jpeg, png)', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const rec = record(m.up, ['doc-file-rejected']);
      const files = [
        sizedPdf(52_428_800, 'genau-50.pdf'),
        fileOf(makeDoc(), 'alt.doc', 'application/msword'),
        fileOf(
          makeDocx('Hallo'),
          'neu.docx',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
        fileOf(makeJpeg(), 'foto.jpg', 'image/jpeg'),
        fileOf(makePng(8, 8), 'plan.png', 'image/png'),
      ];
      // Act
      dropFiles(dropzone(m.root), files);
      await until(() => cards(m.root).length === 5, 10000, 'five cards');
      // Assert
      expect(rec.events).to.deep.equal([]);
      expect(alerts(m.root)).to.have.length(0);
      const titles: string[] = [];
      for (const c of cards(m.root)) titles.push((await openTitle(c)).value);
      expect(titles).to.deep.equal(['genau-50', 'alt', 'neu', 'foto', 'plan']);
      expect(text(submitButton(m.root))).to.equal('5 Dokumente hochladen');
    });
  });

  describe('injection', () => {
    it('titles and file names with HTML payloads render as text and upload fine', async () => {
      // Arrange
      const evil = '<img src=x onerror=alert(1)>';
      const evilTitle = '<script>alert(2)</script><b>fett</b>';
      let alerted = 0;
      const realAlert = window.alert;
      window.alert = () => void alerted++;
      try {
        const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
        const noMarkup = () => {
          const made = deepAll(m.provider, 'img, script, b');
          expect(made.map(describeEl), 'elements made from data').to.deep.equal([]);
        };
        // Act: a refused file and two good ones, all with payload names
        dropFiles(dropzone(m.root), [
          fileOf(makePdf('x'), `${evil}.png`, 'image/png'),
          pdf('a', `${evil}.pdf`),
          pdf('b', `${evil}2.pdf`),
        ]);
        const notice = await until(() => alerts(m.root)[0], 5000, 'notice');
        await cardReady(m.root, 1);
        // Assert: shown as text
        expect(text(notice)).to.contain(`„${evil}.png“ wurde nicht übernommen.`);
        const [one, two] = cards(m.root);
        expect(text(one!.querySelector('.file-name'))).to.equal(`${evil}.pdf`);
        expect((await openTitle(one!)).value).to.equal(evil);
        noMarkup();
        // Act: a payload typed as the title of the second, then upload both
        (await openTitle(two!)).focus();
        titleInput(two!).select();
        await type(evilTitle);
        expect(titleInput(two!).value).to.equal(evilTitle);
        const all = shared(m.root);
        chooseType(all, 'objektunterlagen');
        roleBoxes(pickerOf(all))[0]!.click();
        await untilSummary(pickerOf(all), TEXT.de.summary4);
        expect(text(submitButton(m.root))).to.equal(TEXT.de.submit2);
        const docs: Document[] = [];
        m.up.addEventListener('doc-uploaded', (e) => docs.push(e.detail.document));
        submitButton(m.root)!.click();
        const success = await until(() => m.root.querySelector('.success'), 10000, 'success');
        // Assert
        expect(text(success)).to.contain(TEXT.de.success2);
        expect([...success.querySelectorAll('li')].map(text)).to.deep.equal([evil, evilTitle]);
        noMarkup();
        expect(alerted).to.equal(0);
        const stored = await documentsFor(
          'manager',
          'scope=property:rosenweg-24&documentTypeId=objektunterlagen',
        );
        // Up to three upload at once: they may finish in any order.
        const mine = docs
          .map((d) => stored.find((s) => s.id === d.id)!)
          .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
        expect(mine.map((d) => [d.title, d.fileName])).to.deep.equal([
          [evil, `${evil}.pdf`],
          [evilTitle, `${evil}2.pdf`],
        ]);
        expect(mine.map((d) => d.shares)).to.deep.equal([
          [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
          [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
        ]);
      } finally {
        window.alert = realAlert;
      }
    });
  });

  describe('input ways and options', () => {
    it('paste on the drop zone adds the file', async () => {
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const e = pasteFiles(dropzone(m.root), [pdf('Eingefügt')]);
      expect(e.defaultPrevented, 'the paste is taken').to.equal(true);
      const card = await cardReady(m.root);
      expect(titleInput(card).value).to.equal('Eingefügt');
    });

    it('single refuses a second file', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de', single: true });
      const rec = record(m.up, ['doc-file-rejected']);
      expect(fileInput(m.root).multiple).to.equal(false);
      // Act
      dropFiles(dropzone(m.root), [pdf('Eins'), pdf('Zwei')]);
      await cardReady(m.root);
      pasteFiles(dropzone(m.root), [pdf('Drei')]);
      await until(() => rec.events.length === 2, 5000, 'two refusals');
      // Assert
      expect(cards(m.root).map((c) => titleInput(c).value)).to.deep.equal(['Eins']);
      expect(rec.of('doc-file-rejected').map((d) => [d.file.name, d.code])).to.deep.equal([
        ['Zwei.pdf', 'too_many_files'],
        ['Drei.pdf', 'too_many_files'],
      ]);
      expect(alerts(m.root).map(text).join(' ')).to.contain(
        'Hier kann nur eine Datei auf einmal hochgeladen werden.',
      );
    });

    it('says each thing once: a refusal by its alert alone, the drop zone’s hint in its name only', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de', single: true });
      // Act
      dropFiles(dropzone(m.root), [pdf('Eins'), pdf('Zwei')]);
      await until(() => alerts(m.root).length === 1, 5000, 'the refusal');
      const status = m.root.querySelector('.sr-only[role="status"]')!;
      await until(() => status.textContent!.trim() !== '', 5000, 'the announcement');
      // Assert: the alert says the refusal; the status line only what was added.
      expect(alerts(m.root).map(text).join(' ')).to.contain(
        'Hier kann nur eine Datei auf einmal hochgeladen werden.',
      );
      expect(status.textContent, 'the refusal is not said twice').to.not.contain('Hier kann nur eine Datei');
      const zone = dropzone(m.root);
      const byId = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .filter(Boolean)
          .map((id) => m.root.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ');
      const name = zone.hasAttribute('aria-labelledby')
        ? byId(zone.getAttribute('aria-labelledby'))
        : zone.textContent!.trim();
      const description = byId(zone.getAttribute('aria-describedby'));
      const hint = zone.querySelector('.drop-hint')!.textContent!.trim();
      // The name holds the visible text (WCAG 2.5.3), hint included: no description repeats it.
      expect(name, 'the hint in the name').to.contain(hint);
      expect(description, 'the hint is not said again as the description').to.not.contain(hint);
    });

    it('disabled disables the drop zone and submit, and takes no files', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(m.root), [pdf('Eins')]);
      const card = await cardReady(m.root);
      // Act
      m.up.disabled = true;
      await m.up.updateComplete;
      // Assert
      expect(m.up.hasAttribute('disabled')).to.equal(true);
      expect(dropzone(m.root).disabled).to.equal(true);
      expect(submitButton(m.root)!.disabled).to.equal(true);
      expect(titleInput(card).disabled).to.equal(true);
      let clicks = 0;
      fileInput(m.root).addEventListener('click', (e) => (clicks++, e.preventDefault()));
      dropzone(m.root).click();
      dropFiles(dropzone(m.root), [pdf('Zwei')]);
      pasteFiles(m.up, [pdf('Drei')]);
      await nextFrame();
      await m.up.updateComplete;
      expect(clicks).to.equal(0);
      expect(cards(m.root)).to.have.length(1);
      await expect(m.up).to.be.accessible();
      // Act: enabled again
      m.up.disabled = false;
      await m.up.updateComplete;
      expect(dropzone(m.root).disabled).to.equal(false);
      expect(submitButton(m.root)!.disabled).to.equal(false);
    });

    it('document-type preselects the type', async () => {
      const m = await mount({
        scope: 'unit:max-planck-12-w002',
        locale: 'de',
        documentType: 'bedienungsanleitungen',
      });
      dropFiles(dropzone(m.root), [pdf('Anleitung')]);
      const card = await cardReady(m.root);
      expect(typeSelect(card).value).to.equal('bedienungsanleitungen');
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      submitButton(m.root)!.click();
      const { detail } = await uploaded;
      expect(detail.document.documentTypeId).to.equal('bedienungsanleitungen');
    });
  });

  describe('validation and focus', () => {
    it('an empty title or no type marks the field, says why and moves focus there', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(m.root), [pdf('Hausordnung')]);
      const card = await cardReady(m.root);
      const title = titleInput(card);
      const select = typeSelect(card);
      // Act: clear the title with keys, submit with Enter on the button
      title.focus();
      await press('Control+a');
      await press('Backspace');
      expect(title.value).to.equal('');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      await press('Enter');
      // Assert: the title is marked and focused
      await until(() => activeDeep() === title, 2000, 'focus on the title');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      const err = m.root.getElementById(title.getAttribute('aria-describedby')!);
      expect(text(err)).to.equal(TEXT.de.titleRequired);
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      await expect(m.up).to.be.accessible();
      // Act: type a title, submit again
      await type('Hausordnung neu');
      expect(title.getAttribute('aria-invalid')).to.equal('false');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      await press('Enter');
      // Assert: now the type is marked and focused
      await until(() => activeDeep() === select, 2000, 'focus on the type');
      expect(text(m.root.getElementById(select.getAttribute('aria-describedby')!))).to.equal(
        TEXT.de.typeRequired,
      );
      expect((await stats()).uploads, 'nothing sent while invalid').to.equal(0);
      // Act: choose with the keyboard, submit
      await press('ArrowDown');
      expect(select.getAttribute('aria-invalid')).to.equal('false');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      await press('Enter');
      const { detail } = await uploaded;
      expect(detail.document.title).to.equal('Hausordnung neu');
      expect(detail.document.documentTypeId).to.equal('objektunterlagen');
    });

    it('focus is never lost when files are removed', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'en' });
      dropFiles(dropzone(m.root), [pdf('A'), pdf('B'), pdf('C')]);
      await cardReady(m.root, 2);
      const removeOf = (name: string) =>
        m.root.querySelector<HTMLButtonElement>(`button[aria-label="Remove ${name} from the list"]`)!;
      // Act: remove B with Enter
      removeOf('B.pdf').focus();
      await press('Enter');
      // Assert: focus on the next file's remove button
      await until(() => cards(m.root).length === 2, 2000, 'B removed');
      await until(
        () => activeDeep() === removeOf('C.pdf'),
        2000,
        () => `focus on C's remove button, is on ${describeEl(activeDeep())}`,
      );
      // Act: remove C (the last): focus moves to the one before
      await press('Space');
      await until(() => cards(m.root).length === 1, 2000, 'C removed');
      await until(
        () => activeDeep() === removeOf('A.pdf'),
        2000,
        () => `focus on A's remove button, is on ${describeEl(activeDeep())}`,
      );
      // Act: remove A: focus moves to the drop zone
      await press('Enter');
      await until(() => cards(m.root).length === 0, 2000, 'A removed');
      await until(
        () => activeDeep() === dropzone(m.root),
        2000,
        () => `focus on the drop zone, is on ${describeEl(activeDeep())}`,
      );
      expect(submitButton(m.root)).to.equal(null);
    });
  });
});
