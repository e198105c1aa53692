// TEMPORARY: proves that the MSW mock backend answers inside Storybook and that the CI story
// runner works. Delete this file once the real component stories exist.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';

const meta: Meta = {
  title: 'Internal/Smoke',
  tags: ['!autodocs'],
  render: () => html`<p>Mock-Backend in Storybook</p>`,
};
export default meta;

export const MockBackendAnswers: StoryObj = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('p')).toHaveTextContent('Mock-Backend');
    const res = await fetch('/api/v1/me', { headers: { Authorization: 'Bearer manager' } });
    await expect(res.status).toBe(200);
    await expect(await res.json()).toMatchObject({ kind: 'manager', id: 'manager' });
  },
};
