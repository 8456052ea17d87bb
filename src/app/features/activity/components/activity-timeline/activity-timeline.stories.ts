import { resource } from '@angular/core';
import { applicationConfig, type Meta, type StoryObj } from '@storybook/angular-vite';
import { NEVER } from 'rxjs';
import { expect, within } from 'storybook/test';

import type { ActivityEntry, ActivityPage, ActivityQuery } from '@osb/api';
import { LiveChanges } from '@app/core/api/live-changes';
import { MarketplaceApi } from '@app/core/api/marketplace-api';
import { testActivityEntry } from '@testing/activity-fixtures';
import { testCatalog } from '@testing/catalog-fixtures';
import { ActivityApi } from '../../activity-api';
import { ActivityTimeline } from './activity-timeline';

/** An ISO time the given number of minutes ago. */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A project's recent activity: an order, a failed deprovisioning, bindings, a share and an expiry. */
const recent: ActivityEntry[] = [
  testActivityEntry({
    id: '7',
    at: minutesAgo(2),
    kind: 'deprovisioned',
    outcome: 'failed',
    instanceName: 'orders-db',
    details: { failureReason: 'broker-error', brokerMessage: 'Backups are running', orphanMitigation: true },
  }),
  testActivityEntry({
    id: '6',
    at: minutesAgo(3),
    kind: 'deprovisioned',
    outcome: 'started',
    instanceName: 'orders-db',
  }),
  testActivityEntry({
    id: '5',
    at: minutesAgo(40),
    kind: 'shared',
    instanceName: 'orders-db',
    details: { targetProjectId: 'likvid-mobile', targetProjectName: 'Mobile App' },
  }),
  testActivityEntry({
    id: '4',
    at: minutesAgo(90),
    kind: 'expired',
    actor: undefined,
    instanceName: 'orders-db',
    bindingName: 'ci-pipeline',
  }),
  testActivityEntry({
    id: '3',
    at: minutesAgo(180),
    kind: 'bound',
    instanceName: 'orders-db',
    bindingName: 'orders-app',
  }),
  testActivityEntry({ id: '2', at: minutesAgo(60 * 26), instanceName: 'orders-db' }),
  testActivityEntry({
    id: '1',
    at: minutesAgo(60 * 27),
    kind: 'changed',
    actor: { id: 'bob', displayName: 'Bob Berger' },
    instanceName: 'orders-db',
    details: { previousName: 'orders' },
  }),
];

/**
 * The platform's activity answered from `entries` (filtered and paged like the platform does),
 * or refused with `error`; the catalog names the services and plans, and nothing changes live.
 */
function withActivity(entries: ActivityEntry[], error?: Error) {
  const activityApi: Pick<ActivityApi, 'activityResource'> = {
    activityResource: (_projectId, query: () => ActivityQuery) =>
      resource({
        params: query,
        loader: async ({ params }): Promise<ActivityPage> => {
          if (error) throw error;
          const matching = entries.filter(
            (entry) =>
              (params.kind === undefined || entry.kind === params.kind) &&
              (params.outcome === undefined || entry.outcome === params.outcome),
          );
          const offset = params.offset ?? 0;
          return { entries: matching.slice(offset, offset + (params.limit ?? 50)), total: matching.length };
        },
      }) as ReturnType<ActivityApi['activityResource']>,
  };
  return applicationConfig({
    providers: [
      { provide: ActivityApi, useValue: activityApi },
      { provide: MarketplaceApi, useValue: { catalogResource: () => resource({ loader: async () => testCatalog() }) } },
      { provide: LiveChanges, useValue: { changes: () => NEVER } },
    ],
  });
}

const meta: Meta<ActivityTimeline> = {
  title: 'Activity/Timeline',
  component: ActivityTimeline,
  args: { projectId: 'likvid-payments' },
};
export default meta;

type Story = StoryObj<ActivityTimeline>;

/** Who did what, newest first; a failure says why, the expiry was the platform's own doing. */
export const Recent: Story = {
  decorators: [withActivity(recent)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Activity' });
    const items = within(list).getAllByRole('listitem');
    await expect(items).toHaveLength(recent.length);
    await expect(items[0]).toHaveTextContent('Alice Adams deprovisioned “orders-db”');
    await expect(items[0]).toHaveTextContent('Backups are running');
    await expect(items[3]).toHaveTextContent('The platform deleted the expired binding “ci-pipeline” of “orders-db”');
    await expect(items[5]).toHaveTextContent('Alice Adams ordered “orders-db” (PostgreSQL, Small)');
  },
};

/** More than a page: the newest 50 entries, with a way to the older ones. */
export const ManyPages: Story = {
  decorators: [
    withActivity(
      Array.from({ length: 120 }, (_, index) =>
        testActivityEntry({ id: String(index), at: minutesAgo(index * 7), instanceName: `cache-${120 - index}` }),
      ),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pages = await canvas.findByRole('navigation', { name: 'Pages of the activity' });
    await expect(pages).toHaveTextContent('1–50 of 120');
    await expect(within(pages).getByRole('button', { name: 'Newer' })).toBeDisabled();
  },
};

/** A project where nothing has happened yet. */
export const Empty: Story = {
  decorators: [withActivity([])],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Nothing has happened here yet.')).toBeVisible();
  },
};

/** The platform cannot be reached: the reason, and a way to try again. */
export const LoadFailed: Story = {
  decorators: [withActivity([], new Error('Http failure response: 0 Unknown Error'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The activity could not be loaded');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};
