import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { createClient, type ShareTarget } from '@docportal/core-sdk';
import '../../index.js';
import { find, pdf, treeRow } from '../../stories/play.js';
import { treeitems } from '../../test/tree-rows.js';
import type { DocFolderTree } from './doc-folder-tree.component.js';

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
    token: {
      control: 'select',
      options: [
        'manager',
        'contact:ahmet-yilmaz',
        'contact:sophie-wagner',
        'contact:kristina-maiblume',
        'contact:paul-klein',
      ],
    },
  },
  render: (a) =>
    html`<div style="max-width: 64rem">
      <doc-folder-tree base-url="/api/v1" token=${a.token} scope=${a.scope} mode=${a.mode}></doc-folder-tree>
    </div>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** The manager's SDK client, against the mock backend of this page. */
const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

const ALL_TENANTS: ShareTarget = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };

/** Walkthrough 1: "Hausordnung" into Objektunterlagen of Rosenweg 24, for all tenants. */
async function publishHouseRules(): Promise<string> {
  const doc = await manager().documents.upload(pdf('Hausordnung'), {
    documentTypeId: 'objektunterlagen',
    scope: 'property:rosenweg-24',
    shares: [ALL_TENANTS],
  });
  return doc.id;
}

/** Walkthrough 2: the boiler manual into Bedienungsanleitungen of Wohnung 002, for Kristina Maiblume alone. */
async function publishManual(): Promise<void> {
  await manager().documents.upload(pdf('Bedienungsanleitung Therme'), {
    documentTypeId: 'bedienungsanleitungen',
    scope: 'unit:max-planck-12-w002',
    shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }],
  });
}

/** Opens a folder with a click and waits for a row inside it. */
async function open(tree: Element, folder: string, inside: string): Promise<HTMLElement> {
  const row = await treeRow(tree, folder);
  if (row.getAttribute('aria-expanded') !== 'true') await userEvent.click(row);
  return treeRow(tree, inside);
}

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

/**
 * A former tenant (Paul Klein, moved out of Rosenweg 24) sees nothing, not even the house rules
 * of walkthrough 1 that every current tenant gets: the empty state.
 */
export const Empty: Story = {
  name: 'Walkthrough 1: Paul (moved out) sees nothing',
  args: { mode: 'browse', token: 'contact:paul-klein' },
  play: async ({ canvasElement, mount, step }) => {
    await step('The manager publishes “Hausordnung” for all tenants of Rosenweg 24', async () => {
      await publishHouseRules();
    });
    await mount();
    const tree = await find(canvasElement, 'doc-folder-tree');
    await step('Paul’s tree says there is nothing for him', async () => {
      await waitFor(() =>
        expect(tree.shadowRoot!.textContent).toMatch(
          /Hier sind noch keine Dokumente\.|There are no documents here yet\./,
        ),
      );
      await expect(treeitems(tree)).toHaveLength(0);
    });
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
      const r = [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find(
        (x) => x.textContent!.includes('Energieausweis') && x.getAttribute('aria-level') === '2',
      );
      if (!r) throw new Error('not yet');
      return r;
    });
    await userEvent.click(energy);
    const doc = await waitFor(() => {
      const r = [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((x) =>
        x.textContent!.includes('Energieausweis Rosenweg 24'),
      );
      if (!r) throw new Error('not yet');
      return r;
    });
    await userEvent.click(doc);
    await waitFor(() => expect(root.querySelector('.details .heading')).not.toBeNull());
  },
};

/**
 * Walkthrough 1, the tenant's side: after the manager has shared "Hausordnung" with all tenants
 * of Rosenweg 24, Ahmet Yılmaz finds it under "Objektunterlagen".
 */
export const WalkthroughAhmet: Story = {
  name: 'Walkthrough 1: Ahmet sees “Hausordnung”',
  tags: ['!autodocs'],
  args: { mode: 'browse', token: 'contact:ahmet-yilmaz', scope: 'property:rosenweg-24' },
  play: async ({ canvasElement, mount, step }) => {
    await step('The manager publishes “Hausordnung” for all tenants of Rosenweg 24', async () => {
      await publishHouseRules();
    });
    await mount();
    const tree = await find(canvasElement, 'doc-folder-tree');
    await step('Ahmet opens “Objektunterlagen” and finds it', async () => {
      const row = await open(tree, 'Objektunterlagen', 'Hausordnung');
      await expect(row).toHaveAttribute('aria-level', '2');
    });
  },
};

/**
 * Walkthrough 2, the tenant's side: the boiler manual shared with Kristina Maiblume alone shows in
 * her unit's documents (Wohnung 002, Max-Planck-Straße 12).
 */
export const WalkthroughKristina: Story = {
  name: 'Walkthrough 2: Kristina sees her manual',
  tags: ['!autodocs'],
  args: { mode: 'browse', token: 'contact:kristina-maiblume', scope: 'unit:max-planck-12-w002' },
  play: async ({ canvasElement, mount, step }) => {
    await step('The manager publishes “Bedienungsanleitung Therme” for Kristina Maiblume only', async () => {
      await publishManual();
    });
    await mount();
    const tree = await find(canvasElement, 'doc-folder-tree');
    await step('Kristina opens “Bedienungsanleitungen” and finds it', async () => {
      const row = await open(tree, 'Bedienungsanleitungen', 'Bedienungsanleitung Therme');
      await expect(row).toHaveAttribute('aria-level', '2');
    });
  },
};

/**
 * Walkthrough 1, the manager's side: "Hausordnung" shows 0 downloads; Ahmet downloads it; when
 * the manager opens the documents again, it shows 1.
 */
export const DownloadCount: Story = {
  name: 'Walkthrough 1: the download count goes from 0 to 1',
  tags: ['!autodocs'],
  args: { mode: 'manage', token: 'manager', scope: 'property:rosenweg-24' },
  play: async ({ canvasElement, mount, step }) => {
    let id = '';
    await step('The manager publishes “Hausordnung” for all tenants of Rosenweg 24', async () => {
      id = await publishHouseRules();
    });
    await mount();
    let tree = await find<DocFolderTree>(canvasElement, 'doc-folder-tree');
    await step('It shows 0 downloads', async () => {
      const row = await open(tree, 'Objektunterlagen', 'Hausordnung');
      await expect(row.textContent).toMatch(/\b0 downloads\b/i);
    });
    await step('Ahmet Yılmaz downloads it', async () => {
      const file = await createClient({
        baseUrl: '/api/v1',
        token: 'contact:ahmet-yilmaz',
      }).documents.download(id);
      await expect(file.name).toBe('Hausordnung.pdf');
    });
    await step('The manager opens the documents again: 1 download', async () => {
      const again = tree.cloneNode() as DocFolderTree;
      tree.replaceWith(again);
      tree = again;
      const row = await open(tree, 'Objektunterlagen', 'Hausordnung');
      await waitFor(() => expect(row.textContent).toMatch(/\b1 download\b/i));
    });
  },
};

/** The backend answers every request with 503: the tree says so in words, in its place and in its live region. */
export const ServiceUnavailable: Story = {
  name: 'Error: service unavailable (503)',
  tags: ['!autodocs'],
  // Retry-After: 0, so the SDK's retries end at once instead of after five seconds.
  parameters: { docportal: { faults: { failRate: 1, failStatus: 503, retryAfter: 0 } } },
  play: async ({ canvasElement }) => {
    const tree = await find(canvasElement, 'doc-folder-tree');
    const words = /Der Dienst ist gerade nicht erreichbar\.|The service is unavailable right now\./;
    await waitFor(
      () => expect(tree.shadowRoot!.querySelector('[role="status"]')?.textContent).toMatch(words),
      { timeout: 8000 },
    );
    await expect(tree.shadowRoot!.textContent!.replace(/\s+/g, ' ')).toMatch(words);
    await expect(treeitems(tree)).toHaveLength(0);
  },
};
