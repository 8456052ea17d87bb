import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { testPlan } from '@testing/catalog-fixtures';
import { PlanList } from './plan-list';

const meta: Meta<PlanList> = {
  title: 'Shared/Plan list',
  component: PlanList,
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 960px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<PlanList>;

/** Free and paid plans with costs in every meshMarketplace unit style. */
export const FreeAndPaid: Story = {
  args: {
    plans: [
      testPlan({
        id: 'dev',
        displayName: 'Development',
        description: 'For trying things out.',
        bullets: ['1 GB storage', 'No backups'],
      }),
      testPlan({
        id: 'prod',
        displayName: 'Production',
        description: 'High availability with daily backups.',
        free: false,
        planUpdateable: true,
        bullets: ['3 replicas', 'Daily backups'],
        costs: [
          { amount: { eur: 149 }, unit: 'MONTHLY' },
          { amount: { eur: 0.12 }, unit: 'GB' },
          { amount: { eur: 250 }, unit: 'SETUP FEE' },
        ],
      }),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('€149.00 per month')).toBeVisible();
    await expect(canvas.getByText('€0.12 per GB')).toBeVisible();
    await expect(canvas.getByText('€250.00 one-time setup fee')).toBeVisible();
    await expect(canvas.getByText('Free')).toBeVisible();
    await expect(canvas.getByText('Paid')).toBeVisible();
    await expect(canvas.getByText('Plan can be changed later')).toBeVisible();
  },
};

/** A usage-priced plan with a unit outside the meshMarketplace list, and expiring bindings. */
export const UsageAndExpiringBindings: Story = {
  args: {
    plans: [
      testPlan({
        id: 'api',
        displayName: 'Pay per use',
        free: false,
        expiryDays: 30,
        costs: [{ amount: { eur: 0.4 }, unit: 'PER 1000 REQUESTS' }],
      }),
      testPlan({ id: 'archive', displayName: 'Archive', bindable: false, expiryDays: 1 }),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('€0.40 per 1000 requests')).toBeVisible();
    await expect(canvas.getByText(/Bindings expire after 30 days/)).toBeVisible();
    await expect(canvas.getByText(/Bindings expire after 1 day$/)).toBeVisible();
    await expect(canvas.getByText('Not bindable')).toBeVisible();
  },
};

/** A service without plans. */
export const NoPlans: Story = {
  args: { plans: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('This service offers no plans.')).toBeVisible();
  },
};
