import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../index.js';

const meta: Meta<{ scope: string; token: string }> = {
  title: 'Elements/Provider',
  component: 'doc-provider',
  args: { scope: 'property:max-planck-12', token: 'manager' },
  render: (a) =>
    html`<doc-provider base-url="/api/v1" token=${a.token} scope=${a.scope}>
      <doc-uploader></doc-uploader>
    </doc-provider>`,
  parameters: { layout: 'padded' },
};
export default meta;

/**
 * One provider gives every element inside it the client (base URL and token), the scope and the
 * locale; an upload in one element refreshes the others.
 */
export const UploaderInAProvider: StoryObj<{ scope: string; token: string }> = {};
