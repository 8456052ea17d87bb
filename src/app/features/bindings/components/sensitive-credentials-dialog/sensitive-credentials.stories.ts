import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, fn, within } from 'storybook/test';

import { SensitiveCredentials } from './sensitive-credentials';

const meta: Meta<SensitiveCredentials> = {
  title: 'Bindings/Sensitive credentials (one-time dialog content)',
  component: SensitiveCredentials,
  args: { bindingName: 'ci-pipeline', done: fn() },
  decorators: [
    (story) => ({
      ...story(),
      template: `<div style="max-width: 600px; padding: 24px">${story().template ?? ''}</div>`,
    }),
  ],
};
export default meta;

type Story = StoryObj<SensitiveCredentials>;

/** A Secrets Vault binding: saved as a file once, masked until revealed, finished only after confirming. */
export const ShownOnce: Story = {
  args: { credentials: { vault_url: 'https://abc.vault.demo.example:8200', token: 'hvs.story-token-123' } },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('ci-pipeline-credentials.txt')).toBeVisible();
    await expect(canvas.queryByText('hvs.story-token-123')).toBeNull();
    const done = canvas.getByRole('button', { name: 'Done' });
    await expect(done).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Show token' }));
    await expect(canvas.getByText('hvs.story-token-123')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: /I have saved these credentials/ }));
    await expect(done).toBeEnabled();
    await userEvent.click(done);
    await expect(args.done).toHaveBeenCalledTimes(1);
    await expect(localStorage.length + sessionStorage.length).toBe(0);
  },
};
