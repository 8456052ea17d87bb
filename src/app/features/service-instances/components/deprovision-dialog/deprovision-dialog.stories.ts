import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { type Observable, NEVER, of, throwError } from 'rxjs';
import { expect, fn, within } from 'storybook/test';

import type { ServiceInstanceDeletionImpact } from '@osb/api';
import { ServiceInstancesApi } from '@app/core/api/service-instances-api';
import { DeprovisionDialog, type DeprovisionDialogData } from './deprovision-dialog';

const data: DeprovisionDialogData = { projectId: 'likvid-payments', instanceId: 'i-1', instanceName: 'orders-db' };
const payments = { projectId: 'likvid-payments', displayName: 'Likvid Payments' };
const webShop = { projectId: 'web-shop', displayName: 'Web Shop' };

/** The dialog as it opens: its data, a dialog reference to close, and the platform's answer about the deletion's impact. */
function withImpact(impact: Observable<ServiceInstanceDeletionImpact>) {
  return applicationConfig({
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close: fn() } },
      { provide: ServiceInstancesApi, useValue: { deletionImpact: () => impact } },
    ],
  });
}

const meta: Meta<DeprovisionDialog> = {
  title: 'Service instances/Deprovision confirmation',
  component: DeprovisionDialog,
  decorators: [
    (story) => ({
      ...story(),
      template: `<div class="mat-mdc-dialog-surface" style="max-width: 36rem; padding: 8px 0; border-radius: 28px; background: var(--mat-sys-surface-container-high)">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<DeprovisionDialog>;

/** Only this project's bindings go with the instance: one click confirms. */
export const OwnBindingsOnly: Story = {
  decorators: [withImpact(of({ bindings: [{ id: 'b1', name: 'orders-app', project: payments }], sharedWith: [] }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Deprovision “orders-db”?' })).toBeVisible();
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
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('list', { name: 'Bindings' })).toHaveTextContent(
      /shop-checkout\s*· Web Shop\s*· tenant tenant-42/,
    );
    await expect(canvas.getByRole('list', { name: 'Projects' })).toHaveTextContent('Web Shop');
    await expect(canvas.getByText('Other projects lose access to this instance.')).toBeVisible();
    const confirm = canvas.getByRole('button', { name: 'Deprovision' });
    await expect(confirm).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Type “orders-db” to confirm' }), 'orders-db');
    await expect(confirm).toBeEnabled();
  },
};

/** The platform cannot say what goes with the instance: the message says so, and the name must be typed. */
export const ImpactUnknown: Story = {
  decorators: [withImpact(throwError(() => new Error('The platform cannot be reached.')))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('What else the deprovision removes could not be loaded');
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeDisabled();
    await expect(canvas.getByRole('textbox')).toBeVisible();
  },
};

/** While the impact loads, a progress bar shows and nothing can be confirmed yet. */
export const Loading: Story = {
  decorators: [withImpact(NEVER)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('progressbar', { name: 'Loading what the deprovision removes' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Deprovision' })).toBeDisabled();
  },
};
