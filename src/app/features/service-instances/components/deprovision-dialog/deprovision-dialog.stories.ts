import { Component, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { type Observable, NEVER, of, throwError } from 'rxjs';
import { expect, within } from 'storybook/test';

import type { ServiceInstanceDeletionImpact } from '@osb/api';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { type DeprovisionDialogData, confirmDeprovision } from './deprovision-dialog';

const data: DeprovisionDialogData = { projectId: 'likvid-payments', instanceId: 'i-1', instanceName: 'orders-db' };
const payments = { projectId: 'likvid-payments', displayName: 'Likvid Payments' };
const webShop = { projectId: 'web-shop', displayName: 'Web Shop' };

/** Opens the confirmation as the instance pages do. */
@Component({ selector: 'mp-deprovision-story', template: '' })
class OpenDeprovisionDialog {
  constructor() {
    confirmDeprovision(inject(MatDialog), data).subscribe();
  }
}

/** The platform's answer about what the deletion takes away. */
function withImpact(impact: Observable<ServiceInstanceDeletionImpact>) {
  return applicationConfig({
    providers: [{ provide: ServiceInstancesApi, useValue: { deletionImpact: () => impact } }],
  });
}

const meta: Meta<OpenDeprovisionDialog> = {
  title: 'Service instances/Deprovision confirmation',
  component: OpenDeprovisionDialog,
};
export default meta;

type Story = StoryObj<OpenDeprovisionDialog>;

/**
 * The open dialog (in the overlay, outside the story's canvas). Its content sits in hosts shown
 * as `display: contents`, which `toBeVisible` takes for hidden: its parts are checked as present.
 */
const dialog = () => within(document.body);

/** Only this project’s bindings go with the instance: one click confirms. */
export const OwnBindingsOnly: Story = {
  decorators: [withImpact(of({ bindings: [{ id: 'b1', name: 'orders-app', project: payments }], sharedWith: [] }))],
  play: async () => {
    const canvas = dialog();
    await expect(await canvas.findByRole('alertdialog')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Deprovision “orders-db”?' })).toBeInTheDocument();
    await expect(canvas.getByRole('list', { name: 'Bindings' })).toHaveTextContent(/orders-app\s*· this project/);
    await expect(canvas.queryByRole('textbox')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeEnabled();
  },
};

/** Another project holds a tenant binding and the instance is shared with it: the name must be typed. */
export const OtherProjectsLoseAccess: Story = {
  decorators: [
    withImpact(
      of({
        bindings: [
          { id: 'b1', name: 'orders-app', project: payments },
          { id: 'b2', name: 'shop-checkout', project: webShop, tenantId: 'tenant-42' },
        ],
        sharedWith: [webShop],
      }),
    ),
  ],
  play: async ({ userEvent }) => {
    const canvas = dialog();
    await expect(await canvas.findByRole('alertdialog')).toBeInTheDocument();
    await expect(canvas.getByRole('list', { name: 'Bindings' })).toHaveTextContent(
      /shop-checkout\s*· Web Shop\s*· tenant tenant-42/,
    );
    await expect(canvas.getByRole('list', { name: 'Projects' })).toHaveTextContent('Web Shop');
    await expect(canvas.getByText('Other projects lose access to this instance.')).toBeInTheDocument();
    const confirm = canvas.getByRole('button', { name: 'Deprovision' });
    await expect(confirm).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Type “orders-db” to confirm' }), 'orders-db');
    await expect(confirm).toBeEnabled();
  },
};

/** The platform cannot say what goes with the instance: the message says so, and the name must be typed. */
export const ImpactUnknown: Story = {
  decorators: [withImpact(throwError(() => new Error('The platform cannot be reached.')))],
  play: async () => {
    const canvas = dialog();
    await expect(await canvas.findByRole('alertdialog')).toBeInTheDocument();
    await expect(canvas.getByRole('alert')).toHaveTextContent('What else the deprovision removes could not be loaded');
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeDisabled();
    await expect(canvas.getByRole('textbox')).toBeInTheDocument();
  },
};

/** While the impact loads, a progress bar shows and nothing can be confirmed yet. */
export const Loading: Story = {
  decorators: [withImpact(NEVER)],
  play: async () => {
    const canvas = dialog();
    await expect(await canvas.findByRole('alertdialog')).toBeInTheDocument();
    await expect(canvas.getByRole('progressbar', { name: 'Loading what the deprovision removes' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeDisabled();
  },
};
