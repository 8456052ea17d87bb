import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { OperationStatus } from './operation-status';

const meta: Meta<OperationStatus> = {
  title: 'Shared/Operation status',
  component: OperationStatus,
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 640px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<OperationStatus>;

/** A running operation with the broker's progress beside the chip. */
export const InProgress: Story = {
  args: { operation: { state: 'in progress' }, label: 'Provisioning', description: 'Creating database… 40%' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Provisioning')).toBeVisible();
    await expect(canvas.getByText('Creating database… 40%')).toBeVisible();
  },
};

/** A finished operation. */
export const Succeeded: Story = {
  args: { operation: { state: 'succeeded' }, label: 'Ready' },
};

/** A failed operation with the broker's reason. */
export const Failed: Story = {
  args: {
    operation: { state: 'failed' },
    label: 'Provisioning failed',
    description: 'The service broker says: “quota exceeded for project likvid-payments”',
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/quota exceeded/)).toBeVisible();
  },
};

/** The broker of a running operation cannot be reached: since when, and until when the platform retries. */
export const BrokerUnreachable: Story = {
  args: {
    operation: {
      state: 'in progress',
      brokerUnreachable: { since: new Date(Date.now() - 5 * 60_000).toISOString() },
      deadline: new Date(Date.now() + 55 * 60_000).toISOString(),
    },
    label: 'Updating',
    description: 'Resizing disk',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Broker unreachable since .*, retrying until/);
    await expect(canvas.queryByText('Resizing disk')).toBeNull();
  },
};
