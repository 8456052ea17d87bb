import { provideRouter } from '@angular/router';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { testService } from '@testing/catalog-fixtures';
import { testInstance } from '@testing/instance-fixtures';
import { instanceOffering } from '../../instance-offering';
import { InstanceListItem } from './instance-list-item';

const catalog = {
  services: [testService()],
  locations: [{ id: 'eu-de-central', displayName: 'Frankfurt' }],
  brokers: [],
};

const meta: Meta<InstanceListItem> = {
  title: 'Service instances/Instance list item',
  component: InstanceListItem,
  decorators: [
    applicationConfig({ providers: [provideRouter([])] }),
    (story) => ({
      ...story(),
      template: `<div style="max-width: 960px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<InstanceListItem>;

/** An order the broker is still working on: its progress shows, and nothing else may start. */
export const Provisioning: Story = {
  args: (() => {
    const instance = testInstance({ lastOperation: { state: 'in progress', description: 'Creating database… 40%' } });
    return { instance, offering: instanceOffering(instance, catalog) };
  })(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Provisioning…')).toBeVisible();
    await expect(canvas.getByText('The service broker says: “Creating database… 40%”')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Change' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeDisabled();
    await expect(canvas.getByRole('status')).toHaveTextContent('Provisioning…');
  },
};

/** A ready instance with the broker's dashboard. */
export const Ready: Story = {
  args: (() => {
    const instance = testInstance({
      dashboardUrl: 'https://dashboard.example/orders-db',
      lastOperation: { description: 'Database created.' },
    });
    return { instance, offering: instanceOffering(instance, catalog) };
  })(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Ready')).toBeVisible();
    await expect(canvas.getByText(/PostgreSQL/)).toHaveTextContent('Frankfurt');
    await expect(canvas.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      'https://dashboard.example/orders-db',
    );
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeEnabled();
  },
};

/** A failed update, with the broker's reason; a dashboard link that is not http(s) is left out. */
export const UpdateFailed: Story = {
  args: (() => {
    const instance = testInstance({
      dashboardUrl: 'javascript:alert(1)',
      lastOperation: {
        type: 'update',
        state: 'failed',
        description: 'Quota exceeded in Frankfurt.',
        failure: { reason: 'unprocessable', status: 422, brokerMessage: 'Quota exceeded in Frankfurt.' },
      },
    });
    return { instance, offering: instanceOffering(instance, catalog) };
  })(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Update failed')).toBeVisible();
    await expect(canvas.getByText('The service broker says: “Quota exceeded in Frankfurt.”')).toBeVisible();
    await expect(canvas.queryByRole('link', { name: 'Dashboard' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Change' })).toBeEnabled();
  },
};

/** An instance whose service left the catalog: its ids stand in for the names. */
export const ServiceGone: Story = {
  args: (() => {
    const instance = testInstance({ serviceId: 'retired-service', planId: 'retired-plan' });
    return { instance, offering: instanceOffering(instance, catalog) };
  })(),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/retired-service/)).toHaveTextContent('retired-plan');
  },
};
