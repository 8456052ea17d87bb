import { provideRouter } from '@angular/router';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { testPlan, testService } from '@testing/catalog-fixtures';
import { ServiceCard } from './service-card';

/** A small PNG (a blue square) as a data URL, as brokers may send it. */
const PNG_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGElEQVR42mNkaPj/n4EIwDiqkL4KAcT9GO0UQbR5AAAAAElFTkSuQmCC';

const meta: Meta<ServiceCard> = {
  title: 'Shared/Service card',
  component: ServiceCard,
  decorators: [
    applicationConfig({ providers: [provideRouter([])] }),
    (story) => ({
      ...story(),
      template: `<div style="max-width: 340px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
  args: { link: ['services', 'postgres'] },
};
export default meta;

type Story = StoryObj<ServiceCard>;

/** A free local service with its broker's icon. */
export const Free: Story = {
  args: { service: testService({ imageUrl: PNG_ICON }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'PostgreSQL' })).toBeVisible();
    await expect(canvas.getByText('Free')).toBeVisible();
    await expect(canvasElement.querySelector('img')).toHaveAttribute('src', PNG_ICON);
  },
};

/** A service with a paid plan and no icon: the badge says Paid and the initial stands in. */
export const PaidWithoutIcon: Story = {
  args: {
    service: testService({
      displayName: 'Backup Vault',
      providerDisplayName: 'SafeKeep',
      plans: [testPlan(), testPlan({ id: 'large', free: false, costs: [{ amount: { eur: 4.5 }, unit: 'MONTHLY' }] })],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Paid')).toBeVisible();
    await expect(canvas.getByText('B')).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};

/** An unsafe icon URL is never loaded; many tags are summarised. */
export const UnsafeIconManyTags: Story = {
  args: {
    service: testService({
      displayName: 'mongo cluster',
      imageUrl: 'javascript:alert(1)',
      tags: ['database', 'nosql', 'documents', 'replicated', 'backups', 'encrypted'],
      description:
        'A replicated MongoDB cluster with encrypted storage, daily backups, point-in-time recovery and monitoring dashboards for every node.',
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvas.getByText('M')).toBeVisible();
    await expect(canvas.getByText('+2 more')).toBeVisible();
  },
};

/** An icon that fails to load falls back to the initial. */
export const BrokenIcon: Story = {
  args: { service: testService({ displayName: 'Redis', imageUrl: 'https://127.0.0.1:9/missing.png' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('R', {}, { timeout: 5000 })).toBeVisible();
  },
};
