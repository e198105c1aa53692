import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient } from '@docportal/core-sdk';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { pdf } from './play.js';

const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

/** Shows the rendered digest e-mail of one contact for 28 Nov 2026, as text and as HTML (in a sandboxed frame). */
async function show(root: HTMLElement, contactId: string): Promise<void> {
  const out = root.querySelector<HTMLElement>('.preview')!;
  try {
    const mail = await manager().notifications.email({ date: '2026-11-28', contactId });
    out.replaceChildren();
    const subject = document.createElement('h3');
    subject.textContent = mail.subject;
    const frame = document.createElement('iframe');
    frame.title = mail.subject;
    frame.setAttribute('sandbox', '');
    frame.srcdoc = mail.html;
    frame.style.cssText =
      'width: 100%; height: 22rem; border: 1px solid #8a93a3; border-radius: 6px; background: #fff';
    const text = document.createElement('pre');
    text.textContent = mail.text;
    text.style.cssText =
      'white-space: pre-wrap; background: var(--doc-color-subtle, #f3f5f8); color: var(--doc-color-text, #1c1f24); padding: 1rem; border-radius: 6px';
    out.append(subject, frame, text);
  } catch {
    out.textContent =
      'Dieser Kontakt bekommt am 28.11.2026 keine Zusammenfassung. / No digest for this contact on 28 Nov 2026.';
  }
}

const meta: Meta = {
  title: 'Product/Digest e-mail',
  tags: ['!autodocs'],
  // The clock stands on 27 Nov 2026: what is shared today goes out tomorrow.
  parameters: { layout: 'padded', docportal: { now: '2026-11-27T09:00:00Z' } },
  render: () =>
    html`<section style="max-width: 48rem; display: grid; gap: 1rem; font-family: system-ui, sans-serif">
      <label style="display: grid; gap: 0.25rem; font-weight: 600">
        Kontakt / Contact
        <select
          style="font: inherit; padding: 0.4rem; max-width: 20rem"
          @change=${(e: Event) => show((e.target as HTMLElement).closest('section')!, (e.target as HTMLSelectElement).value)}
        >
          <option value="ahmet-yilmaz">Ahmet Yılmaz (de)</option>
          <option value="claire-dubois">Claire Dubois (en)</option>
          <option value="elif-demir">Elif Demir (de)</option>
          <option value="markus-schneider">Markus Schneider (de)</option>
          <option value="paul-klein">Paul Klein (moved out)</option>
        </select>
      </label>
      <div class="preview" aria-live="polite">…</div>
    </section>`,
};
export default meta;

/**
 * Tomorrow's summary e-mail after walkthrough 1: "Hausordnung" shared with all tenants of
 * Rosenweg 24 today. Every current tenant gets it in their language; Paul Klein, who moved out,
 * gets nothing.
 */
export const AfterHouseRules: StoryObj = {
  play: async ({ canvasElement }) => {
    await manager().documents.upload(pdf('Hausordnung'), {
      documentTypeId: 'objektunterlagen',
      scope: 'property:rosenweg-24',
      shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
    });
    const section = canvasElement.querySelector('section')!;
    await show(section, 'ahmet-yilmaz');
    await waitFor(() => expect(section.querySelector('h3')?.textContent).toContain('Hausordnung'));
  },
};
