import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { BindingExpiry } from './binding-expiry';

const now = new Date('2026-11-24T12:00:00.000Z');

const meta: Meta<BindingExpiry> = {
  title: 'Bindings/Binding expiry',
  component: BindingExpiry,
  args: { now },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 720px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<BindingExpiry>;

/** Within the warning period: the date, the time left and a warning. */
export const ExpiresSoon: Story = {
  args: { binding: { expiresAt: '2026-11-27T12:00:00.000Z', expiresSoon: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Expires on .*\(3 days left\)/)).toBeVisible();
    await expect(canvas.getByRole('note')).toHaveTextContent('Expires soon (3 days left)');
  },
};

/** Far from expiry: the date and the time left, no warning. */
export const ExpiresLater: Story = {
  args: { binding: { expiresAt: '2026-12-20T12:00:00.000Z', expiresSoon: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/26 days left/)).toBeVisible();
    await expect(canvas.queryByRole('note')).toBeNull();
  },
};

/** Expired: the platform deleted it; only the record remains. */
export const Expired: Story = {
  args: {
    binding: { expiresAt: '2026-11-20T12:00:00.000Z', expiresSoon: true, expiredAt: '2026-11-20T12:05:00.000Z' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Expired on/)).toBeVisible();
    await expect(canvas.queryByRole('note')).toBeNull();
  },
};
