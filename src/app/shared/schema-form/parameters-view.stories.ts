import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect } from 'storybook/test';

import { ParametersView } from './parameters-view';

const schema = {
  type: 'object',
  properties: {
    securityContact: { type: 'string', title: 'Security Contact' },
    externalRegistrationNumber: { type: 'string', title: 'External Registration Number' },
  },
};

const meta: Meta<ParametersView> = {
  title: 'Shared/Parameters view',
  component: ParametersView,
  args: {
    schema,
    value: { securityContact: 'person@example-company.com', externalRegistrationNumber: '12345' },
  },
};
export default meta;

type Story = StoryObj<ParametersView>;

/** Each parameter's title beside its value. */
export const Wide: Story = {};

/**
 * As narrow as the order review's value column on a phone: each title stands above its value,
 * which keeps the whole width instead of one character per line.
 */
export const Narrow: Story = {
  decorators: [(story) => ({ ...story(), template: `<div style="width: 150px">${story().template ?? ''}</div>` })],
  play: async ({ canvasElement }) => {
    for (const value of Array.from(canvasElement.querySelectorAll('dd'))) {
      await expect(value.getBoundingClientRect().width).toBeGreaterThanOrEqual(140);
    }
  },
};
