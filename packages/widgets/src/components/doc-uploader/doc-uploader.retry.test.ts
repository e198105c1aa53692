// "Erneut versuchen" clicked twice (a double click, or a second press before the card changed)
// sends the file once: one document, one notice to its recipients tomorrow.
import { expect } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import '../../index.ts';
import { record, stats } from '../../test/helpers.ts';
import { control, until, usesMockBackend } from '../../test/setup.ts';
import { TEXT, cards, mount, pdf, submitButton, text, readyToSend } from '../../test/uploader.ts';

describe('<doc-uploader> retry', () => {
  usesMockBackend();

  it('"Erneut versuchen" clicked twice sends the file once', async () => {
    // Arrange: an upload that failed
    const m = await mount({
      scope: 'property:rosenweg-24',
      locale: 'de',
      client: createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 }),
    });
    await readyToSend(m, pdf('Hausordnung'));
    await control('/faults', { failRate: 1, failStatus: 500 });
    submitButton(m.root)!.click();
    const retry = await until(
      () =>
        [...(cards(m.root)[0]?.querySelectorAll<HTMLButtonElement>('[role="alert"] button') ?? [])].find(
          (b) => text(b) === TEXT.de.retry,
        ),
      5000,
      'the retry button',
    );
    await control('/faults', { latencyMs: 300 });
    const rec = record(m.up, ['doc-upload-start', 'doc-uploaded']);
    // Act
    retry.click();
    retry.click();
    // Assert
    await until(() => m.root.querySelector('.success'), 8000, 'published');
    await new Promise((r) => setTimeout(r, 1000));
    expect(rec.of('doc-upload-start'), 'uploads started').to.have.length(1);
    expect(rec.of('doc-uploaded'), 'documents published').to.have.length(1);
    expect((await stats()).documents, 'documents on the server').to.equal(1);
  });
});
