import type { Meta, StoryObj } from '@storybook/angular-vite';
import { expect, userEvent, within } from 'storybook/test';

import { SearchField } from './search-field';

const meta: Meta<SearchField> = {
  title: 'Shared/Search field',
  component: SearchField,
  args: { label: 'Search services' },
};
export default meta;

type Story = StoryObj<SearchField>;

/** Empty: the label rests in the field, beside the search icon. */
export const Empty: Story = {};

/**
 * A label longer than a narrow field (the German label of the instances list's search) ends
 * with an ellipsis before the search icon instead of running under it.
 */
export const LongLabelInANarrowField: Story = {
  args: { label: 'Nach Name oder Dienst suchen' },
  decorators: [(story) => ({ ...story(), template: `<div style="width: 240px">${story().template ?? ''}</div>` })],
  play: async ({ canvasElement }) => {
    const label = canvasElement.querySelector('mat-label')!;
    const icon = canvasElement.querySelector('mat-icon')!;
    const labelRight = label.parentElement!.getBoundingClientRect().right;
    await expect(labelRight).toBeLessThanOrEqual(icon.getBoundingClientRect().left);
    // Typed text floats the label above the field, where it has the field's whole width.
    await userEvent.type(within(canvasElement).getByRole('searchbox', { name: 'Nach Name oder Dienst suchen' }), 'db');
    await expect(within(canvasElement).getByRole('button', { name: 'Clear search' })).toBeVisible();
  },
};
