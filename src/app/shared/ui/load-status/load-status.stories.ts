import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

import { LoadStatus } from './load-status';

const meta: Meta<LoadStatus> = {
  title: 'Shared/Load status',
  component: LoadStatus,
  args: { loadingLabel: 'Loading the catalog', errorTitle: 'The catalog could not be loaded.', retry: fn() },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 960px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<LoadStatus>;

/** The content is on its way. */
export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('progressbar', { name: 'Loading the catalog' })).toBeVisible();
  },
};

/** Loading failed: what, why, and a button to try again. */
export const Failed: Story = {
  args: { error: 'The platform answered 502 Bad Gateway.' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('The catalog could not be loaded.');
    await expect(canvas.getByText('The platform answered 502 Bad Gateway.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.retry).toHaveBeenCalledOnce();
  },
};
