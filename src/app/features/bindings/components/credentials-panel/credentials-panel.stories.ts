import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, within } from 'storybook/test';

import { CredentialsPanel } from './credentials-panel';

const meta: Meta<CredentialsPanel> = {
  title: 'Bindings/Credentials panel',
  component: CredentialsPanel,
  args: { bindingName: 'web-app', showBulkActions: true },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 880px; padding: 16px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<CredentialsPanel>;

/** A DNS zone's credentials: masked until revealed one by one; copy and download actions. */
export const Masked: Story = {
  args: {
    credentials: {
      zone_id: '50ceeb8d',
      name_servers: ['ns1.dns.demo.example', 'ns2.dns.demo.example'],
      api_url: 'https://api.dns.demo.example/v1',
      api_token: 'r7mE3lf7qffz4pJ3ckK9fkBu',
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByText('r7mE3lf7qffz4pJ3ckK9fkBu')).toBeNull();
    const show = canvas.getByRole('button', { name: 'Show api_token' });
    await expect(show).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(show);
    await expect(canvas.getByText('r7mE3lf7qffz4pJ3ckK9fkBu')).toBeVisible();
    await expect(canvas.queryByText('https://api.dns.demo.example/v1')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Hide api_token' }));
    await expect(canvas.queryByText('r7mE3lf7qffz4pJ3ckK9fkBu')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Download .env' })).toBeVisible();
  },
};

/** A tenant binding whose only credential is a link: revealed, it opens in a new tab. */
export const ConsoleLink: Story = {
  args: {
    bindingName: 'fra-tenant',
    credentials: { backup_console_url: 'https://backup.demo.example/dashboard/f735?tenant=123456789012' },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Show backup_console_url' }));
    await expect(canvas.getByRole('link')).toHaveAttribute(
      'href',
      'https://backup.demo.example/dashboard/f735?tenant=123456789012',
    );
  },
};

/** A broker that answered `{}`. */
export const NoCredentials: Story = {
  args: { credentials: {} },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('The broker returned no credentials for this binding.')).toBeVisible();
  },
};
