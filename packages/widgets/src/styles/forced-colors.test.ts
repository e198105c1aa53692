import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import '../index.ts';
import { painted } from '../test/contrast.ts';
import { emulateMedia, kit } from '../test/kit.ts';
import { control, deep, dropFiles, ready, until } from '../test/setup.ts';
import { makePdf } from '@docportal/mock-server/testing';

/** Two computed colours differ as painted (system colours resolved). */
const differ = (a: string, b: string) => painted(a).join() !== painted(b).join();

/** What marks an element apart from its neighbour under forced colours: its outline, border or background. */
function marks(el: Element, neighbour: Element): string[] {
  const [s, n] = [getComputedStyle(el), getComputedStyle(neighbour)];
  const out: string[] = [];
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && n.outlineStyle === 'none')
    out.push('outline');
  if (differ(s.backgroundColor, n.backgroundColor)) out.push('background');
  if (
    parseFloat(s.borderInlineStartWidth) >= 2 &&
    s.borderInlineStartStyle !== 'none' &&
    differ(s.borderInlineStartColor, n.borderInlineStartColor) &&
    differ(s.borderInlineStartColor, s.backgroundColor)
  )
    out.push('border');
  return out;
}

describe('forced colours (Windows High Contrast, emulated)', () => {
  before(async () => {
    await ready;
    await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  });
  after(async () => {
    await control('/faults', {});
    await emulateMedia({ forcedColors: null, reducedMotion: null });
  });

  it('the emulation is on', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('the progress fill is drawn in Highlight, apart from its track', async () => {
    // Arrange: slow answers, so that the upload stays in progress while it is looked at.
    const up = await fixture<HTMLElement>(
      html`<doc-uploader
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        locale="de"
        document-type="objektunterlagen"
      ></doc-uploader>`,
    );
    const zone = await until(() => up.shadowRoot!.querySelector('.dropzone'), 5000, 'drop zone');
    dropFiles(zone, [
      new File([makePdf('Hausordnung') as Uint8Array<ArrayBuffer>], 'Hausordnung.pdf', {
        type: 'application/pdf',
      }),
    ]);
    const submit = await until(
      () => up.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]'),
      5000,
      'submit',
    );
    await control('/faults', { latencyMs: 1500 });
    // Act
    submit.click();
    const fill = await until(
      () => up.shadowRoot!.querySelector<HTMLElement>('[part~="progress-fill"]'),
      5000,
      'the progress bar',
    );
    // Assert
    const track = fill.parentElement!;
    expect(painted(getComputedStyle(fill).backgroundColor).join(), 'fill is Highlight').to.equal(
      painted('Highlight').join(),
    );
    expect(
      differ(getComputedStyle(fill).backgroundColor, getComputedStyle(track).backgroundColor),
      'fill differs from its track',
    ).to.equal(true);
    await control('/faults', {});
  });

  it('the highlighted suggestion and the selected folder stand out from their neighbours', async () => {
    const { picker, tree } = await kit();
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    input.focus();
    // The list opens on ArrowDown (never on focus), which highlights the first suggestion.
    await sendKeys({ press: 'ArrowDown' });
    const opts = await until(
      () => {
        const o = [...picker.shadowRoot!.querySelectorAll('[role="option"]')];
        return o.length > 1 && !!input.getAttribute('aria-activedescendant') && o;
      },
      5000,
      'suggestions',
    );
    const active = opts.find((o) => o.id === input.getAttribute('aria-activedescendant'))!;
    const other = opts.find((o) => o !== active)!;
    expect(marks(active, other), 'the highlighted suggestion').to.not.be.empty;

    const rows = [...tree.shadowRoot!.querySelectorAll('[role="treeitem"]')];
    const selected = rows.find((r) => r.getAttribute('aria-selected') === 'true')!;
    const plain = rows.find((r) => r !== selected)!;
    expect(marks(selected, plain), 'the selected folder').to.not.be.empty;

    const box = deep<HTMLInputElement>(picker.shadowRoot!, 'input[type="checkbox"]')!;
    box.focus({ focusVisible: true } as FocusOptions);
    expect(getComputedStyle(box).outlineStyle, 'a focus ring').to.not.equal('none');
    expect(painted(getComputedStyle(box).outlineColor).join(), 'the focus ring in Highlight').to.equal(
      painted('Highlight').join(),
    );
  });
});
