import { resource } from '@angular/core';
import { provideRouter } from '@angular/router';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import type { Project, ProjectCosts } from '@osb/api';
import { CurrentUser } from '@app/core/api/current-user';
import { testProjectCosts } from '@testing/costs-fixtures';
import { CostsApi } from '../../costs-api';
import { CostsPage } from './costs-page';

const payments: Pick<Project, 'id' | 'displayName' | 'workspaceDisplayName'> = {
  id: 'likvid-payments',
  displayName: 'Likvid Payments',
  workspaceDisplayName: 'Likvid Bank',
};

/** The platform's answer with the project's costs, for the signed-in user's project Likvid Payments. */
function withCosts(costs: ProjectCosts) {
  return applicationConfig({
    providers: [
      provideRouter([]),
      { provide: CostsApi, useValue: { costsResource: () => resource({ loader: async () => costs }) } },
      { provide: CurrentUser, useValue: { project: () => payments } },
    ],
  });
}

const meta: Meta<CostsPage> = {
  title: 'Costs/Costs page',
  component: CostsPage,
  args: { projectId: 'likvid-payments' },
};
export default meta;

type Story = StoryObj<CostsPage>;

/**
 * Per service and per instance: an hourly plan's monthly estimate, a plan billed by use only,
 * and an instance shared with the project, listed but counted in its owner's project.
 */
export const Tables: Story = {
  decorators: [withCosts(testProjectCosts())],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const services = await canvas.findByTestId('costs-services');
    await expect(within(services).getByRole('rowheader', { name: 'PostgreSQL' })).toBeVisible();
    const instances = canvas.getByTestId('costs-instances');
    await expect(instances).toHaveTextContent('orders-db');
    await expect(instances).toHaveTextContent('Shared by Web Shop');
    await expect(canvas.getByText('Likvid Payments · Likvid Bank')).toBeVisible();
  },
};

/** A project without instances: nothing to list or download, a way to the marketplace. */
export const NoInstances: Story = {
  decorators: [withCosts({ instances: [], services: [], monthly: {}, usageBasedInstances: 0 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('This project has no service instances yet.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Download CSV' })).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Browse the marketplace' })).toBeVisible();
  },
};
