/**
 * Journey: alice orders a DNS zone with a binding in one flow: the order wizard's optional last
 * step names the binding, and the instance page creates it once the instance is ready and shows
 * its credentials.
 */
import { brokerRequests } from './support/demo-broker.ts';
import { expect, signIn, test } from './support/fixtures.ts';
import { uniqueName } from './support/platform-api.ts';

test(
  'alice orders a DNS zone with a binding and gets its credentials in one flow',
  { tag: '@bindings' },
  async ({ page }) => {
    const instanceName = uniqueName('e2e-zone-with-binding');
    const bindingName = uniqueName('zone-app');

    await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
    await page.getByRole('link', { name: 'DNS Zone', exact: true }).click();
    await page.getByRole('link', { name: 'Order' }).click();
    await expect(page.getByRole('heading', { name: 'Order DNS Zone', level: 1 })).toBeVisible();

    const step = (name: string) => page.getByRole('region', { name, exact: true });
    await step('Plan').getByRole('radio', { name: 'Free' }).check();
    await step('Plan').getByRole('button', { name: 'Next' }).click();
    await step('Name').getByRole('textbox', { name: 'Instance name' }).fill(instanceName);
    await step('Name').getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: /Zone name/ }).fill('orders.likvid-bank.example');
    await step('Parameters').getByRole('button', { name: 'Next' }).click();

    // The optional binding step says when the binding is created; a name orders it.
    await expect(page.getByText('The binding is created as soon as the instance is ready')).toBeVisible();
    await page.getByRole('textbox', { name: 'Binding name' }).fill(bindingName);
    await page
      .getByRole('region', { name: /^Create a binding/ })
      .getByRole('button', { name: 'Next', exact: true })
      .click();

    const review = step('Review');
    await expect(review.getByTestId('order-binding')).toContainText(bindingName);
    await review.getByRole('button', { name: 'Order', exact: true }).click();

    // The instance page creates the binding once the instance is ready and shows its credentials.
    await expect(page).toHaveURL(/\/projects\/likvid-payments\/instances\/[^/?#]+$/);
    const instanceId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
    const item = page
      .getByRole('list', { name: 'Bindings', exact: true })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: bindingName, level: 3 }) });
    await expect(item).toBeVisible();
    await expect(item.getByRole('list', { name: `Credentials of ${bindingName}` }).getByRole('listitem')).toHaveCount(
      4,
    );
    await expect(
      page.getByRole('status').filter({ hasText: `The binding “${bindingName}” was created.` }),
    ).toBeAttached();

    // Exactly one bind request reached the broker for the new instance.
    const binds = (await brokerRequests('global')).filter(
      (request) =>
        request.method === 'PUT' && request.path.includes(`/v2/service_instances/${instanceId}/service_bindings/`),
    );
    expect(binds).toHaveLength(1);

    // Nothing of the binding is kept in the address or the browser's storage.
    expect(page.url()).not.toContain(bindingName);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(bindingName);
  },
);
