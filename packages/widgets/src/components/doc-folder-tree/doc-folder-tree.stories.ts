import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../../index.js';
import { find } from '../../stories/play.js';

interface Args {
  scope: string;
  token: string;
  mode: 'browse' | 'manage' | 'admin';
}

const meta: Meta<Args> = {
  title: 'Elements/Folder tree',
  component: 'doc-folder-tree',
  args: { scope: 'property:rosenweg-24', token: 'manager', mode: 'manage' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['browse', 'manage', 'admin'] },
    token: { control: 'select', options: ['manager', 'contact:ahmet-yilmaz', 'contact:sophie-wagner', 'contact:kristina-maiblume', 'contact:paul-klein'] },
  },
  render: (a) => html`<div style="max-width: 40rem">
    <doc-folder-tree base-url="/api/v1" token=${a.token} scope=${a.scope} mode=${a.mode}></doc-folder-tree>
  </div>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** The manager's view: every folder, with documents and their download counts. */
export const Manage: Story = {
  play: async ({ canvasElement }) => {
    const row = await find(canvasElement, 'doc-folder-tree', '[role="treeitem"]');
    await expect(row).toHaveAttribute('aria-level', '1');
  },
};

/** A tenant's portal (Ahmet Yılmaz, Rosenweg 24): only what he may see; empty folders hidden. */
export const BrowseAsTenant: Story = { args: { mode: 'browse', token: 'contact:ahmet-yilmaz' } };

/** An owner (Sophie Wagner) sees the owners' documents too. */
export const BrowseAsOwner: Story = { args: { mode: 'browse', token: 'contact:sophie-wagner' } };

/** A former tenant (Paul Klein) sees nothing: the empty state. */
export const Empty: Story = {
  args: { mode: 'browse', token: 'contact:paul-klein' },
  play: async ({ canvasElement }) => {
    const tree = await find(canvasElement, 'doc-folder-tree');
    await waitFor(() => expect(tree.shadowRoot!.querySelector('.status:not(.loading)')).not.toBeNull());
  },
};

/**
 * The folders alone, as admins shape them: new, rename, delete; Alt+arrows or drag and drop to
 * move. A refusal (duplicate name, not empty, cycle, too deep) is said in words.
 */
export const Admin: Story = { args: { mode: 'admin' } };

/** The large data set: 200+ folders of documents, windowed rows. */
export const LargeDataSet: Story = {
  tags: ['!autodocs'],
  args: { scope: 'property:grosssiedlung' },
  parameters: { docportal: { dataset: 'large' } },
};

/** A document opened by the manager: title, type and sharing to edit, who downloaded, delete. */
export const ManageEditing: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const tree = await find(canvasElement, 'doc-folder-tree');
    const root = tree.shadowRoot!;
    await userEvent.click(await find(canvasElement, 'doc-folder-tree', '[role="treeitem"]'));
    const energy = await waitFor(() => {
      const r = [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((x) => x.textContent!.includes('Energieausweis') && x.getAttribute('aria-level') === '2');
      if (!r) throw new Error('not yet');
      return r;
    });
    await userEvent.click(energy);
    const doc = await waitFor(() => {
      const r = [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((x) => x.textContent!.includes('Energieausweis Rosenweg 24'));
      if (!r) throw new Error('not yet');
      return r;
    });
    await userEvent.click(doc);
    await waitFor(() => expect(root.querySelector('.details h3')).not.toBeNull());
  },
};
