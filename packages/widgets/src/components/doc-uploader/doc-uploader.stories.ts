import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient } from '@docportal/core-sdk';
import { badFiles } from '@docportal/mock-server';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../../index.js';
import { docx, drop, find, pdf, png } from '../../stories/play.js';
import type { DocUploader } from './doc-uploader.component.js';

interface Args {
  scope: string;
  token: string;
  single: boolean;
  disabled: boolean;
  documentType: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Uploader',
  component: 'doc-uploader',
  args: { scope: 'property:rosenweg-24', token: 'manager', single: false, disabled: false, documentType: '' },
  argTypes: {
    scope: {
      control: 'select',
      options: ['property:rosenweg-24', 'property:max-planck-12', 'unit:max-planck-12-w002'],
    },
    documentType: {
      control: 'select',
      options: ['', 'objektunterlagen', 'bedienungsanleitungen', 'abrechnungen'],
    },
  },
  render: (a) =>
    html`<doc-provider base-url="/api/v1" token=${a.token} scope=${a.scope}>
      <doc-uploader
        ?single=${a.single}
        ?disabled=${a.disabled}
        document-type=${a.documentType || undefined}
      ></doc-uploader>
    </doc-provider>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

const uploader = (canvas: HTMLElement) => find<DocUploader>(canvas, 'doc-uploader');
const inside = async (canvas: HTMLElement, ...path: string[]) => find(canvas, 'doc-uploader', ...path);

/** Nothing chosen yet: the dashed drop zone is a button. */
export const Empty: Story = {};

/** Three files at once: compact rows (a preview for the image); type and recipients once for all; "Bearbeiten" opens a file's details. */
export const SeveralFiles: Story = {
  play: async ({ canvasElement }) => {
    const up = await uploader(canvasElement);
    await up.addFiles([
      pdf('Hausordnung'),
      png('Grundriss Erdgeschoss.png'),
      docx('Mietvertrag Muster.docx'),
    ]);
    await waitFor(() => expect(up.shadowRoot!.querySelectorAll('.file')).toHaveLength(3));
  },
};

/** A file's details open: its title, and "individuell festlegen" gives it its own type and recipients. */
export const SeveralFilesEditing: Story = {
  play: async (context) => {
    await SeveralFiles.play!(context);
    const root = (await uploader(context.canvasElement)).shadowRoot!;
    root.querySelectorAll<HTMLButtonElement>('button.edit')[1]!.click();
    await waitFor(() => expect(root.querySelector('button.own')).toBeTruthy());
    root.querySelector<HTMLButtonElement>('button.own')!.click();
    await waitFor(() => expect(root.querySelectorAll('.file select')).toHaveLength(1));
  },
};

/** Bad files are refused at once, in words, and nothing is sent. */
export const RejectedFiles: Story = {
  play: async ({ canvasElement }) => {
    const up = await uploader(canvasElement);
    const [exe, pngAsPdf] = badFiles();
    await up.addFiles([
      new File([exe!.bytes as Uint8Array<ArrayBuffer>], exe!.name, { type: exe!.type }),
      new File([pngAsPdf!.bytes as Uint8Array<ArrayBuffer>], pngAsPdf!.name, { type: pngAsPdf!.type }),
    ]);
    await waitFor(() => expect(up.shadowRoot!.querySelectorAll('[role="alert"]')).toHaveLength(2));
  },
};

/** A slow connection: progress, and a cancel button while it runs. */
export const SlowNetwork: Story = {
  parameters: { docportal: { faults: { latencyMs: 1500 } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const up = await uploader(canvasElement);
    await up.addFiles([pdf('Protokoll Eigentümerversammlung')]);
    const select = await inside(canvasElement, 'select');
    await waitFor(() => expect(select.querySelectorAll('option').length).toBeGreaterThan(2), {
      timeout: 8000,
    });
    await userEvent.selectOptions(select, 'protokolle');
    await userEvent.click(await inside(canvasElement, 'button[type="submit"]'));
    await waitFor(() => expect(up.shadowRoot!.querySelector('[role="progressbar"]')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The server fails: the error in words, by code, and a retry button that works once it is back. */
export const ServerErrorWithRetry: Story = {
  tags: ['!autodocs'],
  // A client that gives up after one quick retry, so that the failure shows within a second.
  render: (a) =>
    html`<doc-provider
      .client=${createClient({ baseUrl: '/api/v1', token: a.token, retry: { maxRetries: 1, baseDelayMs: 100 } })}
      scope=${a.scope}
    >
      <doc-uploader document-type="objektunterlagen"></doc-uploader>
    </doc-provider>`,
  play: async ({ canvasElement, loaded }) => {
    const up = await uploader(canvasElement);
    await up.addFiles([pdf('Hausordnung')]);
    await waitFor(() => expect(up.shadowRoot!.querySelectorAll('select option').length).toBeGreaterThan(2), {
      timeout: 8000,
    });
    // The backend fails every request from now on (no retries help).
    loaded.mockStore.setFaults({ failRate: 1, failStatus: 500 });
    await userEvent.click(await inside(canvasElement, 'button[type="submit"]'));
    const retry = await waitFor(
      () => {
        const b = [...up.shadowRoot!.querySelectorAll('button')].find(
          (x) => x.closest('.notice') && x.textContent!.trim().length > 0,
        );
        if (!b) throw new Error('no retry yet');
        return b;
      },
      { timeout: 30000 },
    );
    await expect(up.shadowRoot!.querySelector('.file .notice')).toBeTruthy();
    loaded.mockStore.setFaults({});
    await userEvent.click(retry);
    await waitFor(() => expect(up.shadowRoot!.querySelector('.success')).not.toBeNull(), { timeout: 15000 });
  },
};

/** The document types cannot be loaded: the error notice in words, with "Erneut versuchen". */
export const TypesFailed: Story = {
  tags: ['!autodocs'],
  parameters: { docportal: { faults: { failRate: 1, failStatus: 503, retryAfter: 0 } } },
  play: async ({ canvasElement }) => {
    await inside(canvasElement, '[part~="retry"]');
  },
};

/** One file at a time; a second one is refused with a hint. */
export const Single: Story = { args: { single: true } };

/** Switched off by the portal. */
export const Disabled: Story = { args: { disabled: true } };

/**
 * Walkthrough 1 of the product, the manager's side: house rules for all tenants of Rosenweg 24.
 * Drop `Hausordnung.pdf`, keep the title "Hausordnung", choose "Objektunterlagen" and
 * "Alle Mieter", see how many people that is, and press "Dokument hochladen".
 */
export const Walkthrough1HouseRules: Story = {
  name: 'Walkthrough 1: house rules for a property',
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const up = await uploader(canvasElement);
    drop(await inside(canvasElement, '.dropzone'), [pdf('Hausordnung')]);
    const title = await inside(canvasElement, 'input[id^="title-"]');
    await expect(title).toHaveValue('Hausordnung');
    const select = await inside(canvasElement, 'select');
    await waitFor(() => expect(select.querySelectorAll('option').length).toBeGreaterThan(2), {
      timeout: 8000,
    });
    await userEvent.selectOptions(select, 'objektunterlagen');
    const tenants = await inside(canvasElement, 'share-picker', 'input[type="checkbox"]');
    await userEvent.click(tenants);
    const summary = await inside(canvasElement, 'share-picker', '.summary');
    await waitFor(() => expect(summary.textContent).toMatch(/4 (Empfänger|recipients)/), { timeout: 8000 });
    await userEvent.click(await inside(canvasElement, 'button[type="submit"]'));
    await waitFor(() => expect(up.shadowRoot!.querySelector('.success')).not.toBeNull(), { timeout: 15000 });
    await expect(up.shadowRoot!.querySelector('.success')!.textContent).toContain('Hausordnung');
  },
};

/**
 * Walkthrough 2, the manager's side: in unit "Wohnung 002", an operating manual for Kristina
 * Maiblume alone, found by the search.
 */
export const Walkthrough2Manual: Story = {
  name: 'Walkthrough 2: operating manual for one contact',
  tags: ['!autodocs'],
  args: { scope: 'unit:max-planck-12-w002' },
  play: async ({ canvasElement }) => {
    const up = await uploader(canvasElement);
    drop(await inside(canvasElement, '.dropzone'), [pdf('Bedienungsanleitung Therme')]);
    const select = await inside(canvasElement, 'select');
    await waitFor(() => expect(select.querySelectorAll('option').length).toBeGreaterThan(2), {
      timeout: 8000,
    });
    await userEvent.selectOptions(select, 'bedienungsanleitungen');
    const search = await inside(canvasElement, 'share-picker', 'input[role="combobox"]');
    await userEvent.click(search);
    await userEvent.type(search, 'Kristina');
    const option = await waitFor(
      () => {
        const o =
          search.getRootNode() instanceof ShadowRoot
            ? (search.getRootNode() as ShadowRoot).querySelector('[role="option"]')
            : null;
        if (!o || !o.textContent!.includes('Kristina Maiblume')) throw new Error('no option yet');
        return o as HTMLElement;
      },
      { timeout: 8000 },
    );
    await userEvent.click(option);
    const summary = await inside(canvasElement, 'share-picker', '.summary');
    await waitFor(() => expect(summary.textContent).toMatch(/1 (Empfänger|recipient)/), { timeout: 8000 });
    await userEvent.click(await inside(canvasElement, 'button[type="submit"]'));
    await waitFor(() => expect(up.shadowRoot!.querySelector('.success')).not.toBeNull(), { timeout: 15000 });
  },
};
