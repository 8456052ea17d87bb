import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import type { BindingTenantChoice } from '@osb/api';
import { TenantPicker } from './tenant-picker';

const choices: BindingTenantChoice[] = [
  { tenant: { id: '123456789012', locationId: 'eu-de-central', platform: 'aws' }, bound: true },
  { tenant: { id: 'likvid-payments-fra', locationId: 'eu-de-central', platform: 'openstack' }, bound: false },
  { tenant: { id: 'likvid-payments-ams', locationId: 'eu-nl-west', platform: 'openstack' }, bound: false },
];
const locations = [
  { id: 'eu-de-central', displayName: 'Frankfurt' },
  { id: 'eu-nl-west', displayName: 'Amsterdam' },
];

const meta: Meta<TenantPicker> = {
  title: 'Bindings/Tenant picker',
  component: TenantPicker,
  args: { choices, locations },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 640px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<TenantPicker>;

/** A global service: every tenant of the project; the bound one is disabled with the reason. */
export const GlobalService: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('radio')).toHaveLength(3);
    await expect(canvas.getByRole('radio', { name: /123456789012/ })).toBeDisabled();
    await expect(canvas.getByText('Already bound to this instance')).toBeVisible();
    const amsterdam = canvas.getByRole('radio', { name: /likvid-payments-ams/ });
    await userEvent.click(amsterdam);
    await expect(amsterdam).toBeChecked();
  },
};

/** Every part of a bound tenant's row (id, platform, location, reason) reads as disabled, not only the id. */
export const BoundTenantGreyedWhole: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const colourOf = (element: Element | null) => getComputedStyle(element!).color;
    const row = (id: string) => canvas.getByRole('radio', { name: new RegExp(id) }).closest('mat-radio-button')!;
    const bound = row('123456789012');
    const free = row('likvid-payments-fra');
    const disabledColour = colourOf(bound.querySelector('.mp-tenant-picker__id'));
    await expect(disabledColour).not.toBe(colourOf(free.querySelector('.mp-tenant-picker__id')));
    await expect(colourOf(bound.querySelector('.mp-tenant-picker__meta'))).toBe(disabledColour);
    await expect(colourOf(bound.querySelector('.mp-tenant-picker__reason'))).toBe(disabledColour);
    await expect(colourOf(free.querySelector('.mp-tenant-picker__meta'))).not.toBe(disabledColour);
  },
};

/** A local service in Frankfurt: only the Frankfurt tenants. */
export const LocalService: Story = {
  args: { locationId: 'eu-de-central' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('radio')).toHaveLength(2);
    await expect(canvas.queryByText('likvid-payments-ams')).toBeNull();
  },
};

/** No tenant fits the instance. */
export const NoTenant: Story = {
  args: { choices: [], locationId: 'eu-nl-west' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('note')).toHaveTextContent(
      'This project has no tenant this instance can be bound to.',
    );
  },
};
