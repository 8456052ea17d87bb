import { provideRouter } from '@angular/router';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { testPlan, testService } from '@testing/catalog-fixtures';
import { IMAGE_HOSTS } from '../safe-url/image-hosts';
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

/** An icon from an allowed host that fails to load falls back to the initial. */
export const BrokenIcon: Story = {
  args: { service: testService({ displayName: 'Redis', imageUrl: 'https://127.0.0.1:9/missing.png' }) },
  decorators: [applicationConfig({ providers: [{ provide: IMAGE_HOSTS, useValue: ['127.0.0.1:9'] }] })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('R', {}, { timeout: 5000 })).toBeVisible();
  },
};

/** An icon from a host that is not allowed is never loaded: the card shows the initial. */
export const IconFromOtherHost: Story = {
  args: { service: testService({ displayName: 'Kafka', imageUrl: 'https://tracker.example.test/kafka.png' }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(within(canvasElement).getByText('K')).toBeVisible();
  },
};
