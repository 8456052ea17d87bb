/** Setting a journey up on the page of an instance ordered for it. */
import type { Page } from '@playwright/test';

import { expect, signIn } from './fixtures.ts';
import { orderInstance, recordApiToken, uniqueName, type InstanceOrder } from './platform-api.ts';

/**
 * Signs alice in on Payments' instances page, orders the instance through the API with the app's
 * token (named `<namePrefix>-<unique>`, by default `e2e-<service>-<unique>`) and opens its page.
 */
export async function openNewInstance(
  page: Page,
  order: Omit<InstanceOrder, 'projectId' | 'name'> & { namePrefix?: string },
): Promise<{ id: string; name: string; authorization: string }> {
  const { namePrefix = `e2e-${order.serviceName}`, ...instanceOrder } = order;
  const apiToken = recordApiToken(page);
  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/instances');
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  const authorization = apiToken();
  const instance = await orderInstance(page, authorization, {
    ...instanceOrder,
    projectId: 'likvid-payments',
    name: uniqueName(namePrefix),
  });
  await page.goto(`/projects/likvid-payments/instances/${instance.id}`);
  await expect(page.getByRole('heading', { name: instance.name, level: 1 })).toBeVisible();
  return { id: instance.id, name: instance.name, authorization };
}
