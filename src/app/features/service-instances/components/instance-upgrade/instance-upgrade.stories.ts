import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { throwError } from 'rxjs';
import { expect, within } from 'storybook/test';

import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { InstanceUpgrade } from './instance-upgrade';

/** The platform, refusing the upgrade (the story's broker is offline). */
const refusingApi = { upgrade: () => throwError(() => new Error('The service broker cannot be reached.')) };

const meta: Meta<InstanceUpgrade> = {
  title: 'Service instances/Maintenance upgrade',
  component: InstanceUpgrade,
  args: {
    projectId: 'likvid-payments',
    instanceId: 'i-1',
    upgrade: {
      version: '2.1.0',
      description:
        'PostgreSQL **16.4** with the latest security fixes. See the [release notes](https://www.postgresql.org/docs/release/16.4/).',
    },
  },
  decorators: [
    applicationConfig({ providers: [{ provide: ServiceInstancesApi, useValue: refusingApi }] }),
    (story) => ({
      ...story(),
      template: `<div style="max-width: 800px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<InstanceUpgrade>;

/** The broker offers a newer `maintenance_info` version, described in its own markdown. */
export const Available: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Upgrade available: version 2.1.0' })).toBeVisible();
    await expect(canvas.getByText('The service broker describes it:')).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'release notes' })).toHaveAttribute(
      'href',
      'https://www.postgresql.org/docs/release/16.4/',
    );
    await expect(canvas.getByRole('button', { name: 'Upgrade' })).toBeEnabled();
  },
};

/** The platform refuses the upgrade: the reason shows, and the button may be tried again. */
export const Refused: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const upgrade = canvas.getByRole('button', { name: 'Upgrade' });
    await userEvent.click(upgrade);
    await expect(canvas.getByRole('alert')).toHaveTextContent('The instance was not upgraded:');
    await expect(upgrade).toBeEnabled();
  },
};

/** While another operation runs, the upgrade waits. */
export const WhileAnOperationRuns: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Upgrade' })).toBeDisabled();
  },
};

/** An instance shared with this project: only its owner can upgrade it. */
export const SharedWithThisProject: Story = {
  args: { readOnly: true, upgrade: { version: '2.1.0' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Only the project that owns the instance can upgrade it.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** A broker's description that tries markup and a script link: shown as text and safe links only. */
export const HostileDescription: Story = {
  args: {
    upgrade: {
      version: '9.9.9',
      description: 'Fixes <img src=x onerror="alert(1)"> and [click me](javascript:alert(1)).',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('a[href^="javascript"]')).toBeNull();
    await expect(canvas.getByRole('heading', { name: 'Upgrade available: version 9.9.9' })).toBeVisible();
  },
};
