import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ShareTarget } from '@docportal/core-sdk';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../../index.js';
import { find } from '../../stories/play.js';

interface Args {
  scope: string;
  required: boolean;
  disabled: boolean;
  value: ShareTarget[];
}

const meta: Meta<Args> = {
  title: 'Elements/Share picker',
  component: 'share-picker',
  args: { scope: 'property:rosenweg-24', required: false, disabled: false, value: [] },
  argTypes: {
    scope: {
      control: 'select',
      options: ['property:rosenweg-24', 'property:max-planck-12', 'unit:max-planck-12-w002'],
    },
  },
  render: (a) =>
    html`<div style="max-width: 36rem">
      <share-picker
        base-url="/api/v1"
        token="manager"
        scope=${a.scope}
        ?required=${a.required}
        ?disabled=${a.disabled}
        .value=${a.value}
      ></share-picker>
    </div>`,
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** All tenants, all owners, or a search over addresses, units, groups and people. */
export const Property: Story = {};

/** In one unit: its tenants and owners, and its residents one by one. */
export const Unit: Story = { args: { scope: 'unit:max-planck-12-w002' } };

/** Recipients chosen already, e.g. when a document's sharing is edited. Every chip says its kind. */
export const WithSelection: Story = {
  args: {
    value: [
      { kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] },
      { kind: 'group', groupId: 'rosenweg-24-beirat' },
      { kind: 'contact', contactId: 'ahmet-yilmaz' },
    ],
  },
};

/**
 * An address narrowed to its tenants: the chip says so, and its audience (tenants, owners or
 * both) is chosen right in the chip, by mouse or keyboard.
 */
export const NarrowedChip: Story = {
  args: {
    value: [
      { kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] },
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant', 'owner'] },
    ],
  },
  play: async ({ canvasElement }) => {
    const select = await find<HTMLSelectElement>(canvasElement, 'share-picker', '.chip select');
    await waitFor(() => expect(select.value).toBe('tenant'));
  },
};

/** The search open, with suggestions to pick with the arrow keys. */
export const Searching: Story = {
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'share-picker', 'input[role="combobox"]');
    await userEvent.click(input);
    await userEvent.type(input, 'Rosenweg');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    await userEvent.keyboard('{ArrowDown}');
  },
};

/**
 * The worst case: the estate "Großsiedlung Am Park" with 4,000 units and 10,000 current
 * contacts. The suggestion list is windowed: the page holds only the rows in view.
 */
export const LargeDataSet: Story = {
  tags: ['!autodocs'],
  args: { scope: 'property:grosssiedlung' },
  parameters: { docportal: { dataset: 'large' } },
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'share-picker', 'input[role="combobox"]');
    await userEvent.click(input);
    await userEvent.type(input, 'Wohnung');
    await userEvent.keyboard('{ArrowDown}');
    const root = input.getRootNode() as ShadowRoot;
    await waitFor(
      () =>
        expect(Number(root.querySelector('[role="option"]')?.getAttribute('aria-setsize'))).toBeGreaterThan(
          20,
        ),
      { timeout: 10000 },
    );
    await expect(root.querySelectorAll('[role="option"]').length).toBeLessThan(20);
  },
};

/** More than 50 matches: the list says so and asks for a narrower search. */
export const Capped: Story = {
  tags: ['!autodocs'],
  args: { scope: 'property:grosssiedlung' },
  parameters: { docportal: { dataset: 'large' } },
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'share-picker', 'input[role="combobox"]');
    await userEvent.type(input, 'Wohnung');
    await find(canvasElement, 'share-picker', '.list-note');
  },
};

/** The server does not answer: the search says it failed, with a button to try again. */
export const FailedSearch: Story = {
  parameters: { docportal: { faults: { failRate: 1, failStatus: 503, retryAfter: 0 } } },
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'share-picker', 'input[role="combobox"]');
    await userEvent.type(input, 'Kristina');
    await find(canvasElement, 'share-picker', '[part~="retry"]');
  },
};

/**
 * The server cannot count the recipients of a selection: the count line becomes the error notice,
 * with a button that counts again; the choice stays.
 */
export const CountFailed: Story = {
  args: { value: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }] },
  parameters: { docportal: { faults: { failRate: 1, failStatus: 503, retryAfter: 0 } } },
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'share-picker', '[part~="retry"]');
  },
};

/** In a form: required, with the form's own validation. */
export const InAForm: Story = {
  args: { required: true },
  render: (a) =>
    html`<form style="max-width: 36rem; display: grid; gap: 1rem" @submit=${(e: Event) => e.preventDefault()}>
      <share-picker
        name="shares"
        base-url="/api/v1"
        token="manager"
        scope=${a.scope}
        ?required=${a.required}
      ></share-picker>
      <div><button type="submit">Speichern</button></div>
    </form>`,
};

/** Switched off. */
export const Disabled: Story = {
  args: { disabled: true, value: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }] },
};
