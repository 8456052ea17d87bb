/**
 * Journey: alice orders an API Gateway on its asynchronous plan with the meshMarketplace example
 * parameters, watches it become ready, changes its plan and one parameter, opens its dashboard
 * and deprovisions it; the demo broker's request log shows what the platform sent.
 */
import { brokerRequests, brokerService, type LoggedBrokerRequest } from './support/demo-broker.ts';
import { expect, openFromNavigation, signIn, test } from './support/fixtures.ts';

/** Decodes `X-Broker-API-Originating-Identity: <platform> <base64 JSON>`. */
function decodeIdentity(header: string | undefined): { platform: string; value: unknown } {
  const [platform = '', encoded = ''] = (header ?? '').split(' ');
  return { platform, value: JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) };
}

/** The one request with this method the broker received for an instance (not for its bindings or operations). */
async function instanceRequest(instanceId: string, method: string): Promise<LoggedBrokerRequest> {
  const requests = (await brokerRequests('global')).filter(
    (request) => request.method === method && request.path.endsWith(`/v2/service_instances/${instanceId}`),
  );
  expect(requests, `${method} requests for instance ${instanceId}`).toHaveLength(1);
  return requests[0]!;
}

test('alice orders, changes, opens and deprovisions an API Gateway', { tag: '@provisioning' }, async ({ page }) => {
  // Three real asynchronous broker operations (provision, plan change, deprovision) run in here.
  test.slow();
  const gateway = await brokerService('global', 'api-gateway');
  const standardPlan = gateway.plans.find((plan) => plan.name === 'standard')!;
  const dedicatedPlan = gateway.plans.find((plan) => plan.name === 'dedicated')!;
  const instanceName = `payments-gateway-${Date.now().toString(36)}`;

  await signIn(page, 'alice', 'demo', '/projects/likvid-payments/marketplace');
  await page.getByRole('link', { name: 'API Gateway', exact: true }).click();
  await page.getByRole('link', { name: 'Order' }).click();
  await expect(page.getByRole('heading', { name: 'Order API Gateway', level: 1 })).toBeVisible();

  // Plan: the asynchronous one.
  const step = (name: string) => page.getByRole('region', { name, exact: true });
  await step('Plan').getByRole('radio', { name: 'Dedicated' }).check();
  await step('Plan').getByRole('button', { name: 'Next' }).click();

  // Name.
  await step('Name').getByRole('textbox', { name: 'Instance name' }).fill(instanceName);
  await step('Name').getByRole('button', { name: 'Next' }).click();

  // Parameters: the registration number appears only for external services.
  const registration = page.getByRole('textbox', { name: /External Registration Number/ });
  await expect(page.getByRole('combobox', { name: /Service Type/ })).toBeVisible();
  await expect(registration).toHaveCount(0);
  await page.getByRole('combobox', { name: /Service Type/ }).click();
  await page.getByRole('option', { name: 'External' }).click();
  await expect(registration).toBeVisible();

  await registration.fill('12a');
  await registration.blur();
  await expect(page.getByText(/^The value does not have the expected form: .*exactly 5 digits/).first()).toBeVisible();
  await expect(page.getByText('^[0-9]{5}$')).toHaveCount(0);
  await expect(registration).toHaveAttribute('aria-invalid', 'true');
  const parametersNext = step('Parameters').getByRole('button', { name: 'Next' });
  await parametersNext.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please check these fields:' })).toContainText(
    'External Registration Number',
  );
  const orderButton = step('Review').getByRole('button', { name: 'Order', exact: true });
  await expect(step('Parameters')).toBeVisible();
  await expect(orderButton).toHaveCount(0);

  await registration.fill('12345');
  await expect(registration).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByText('The value does not have the expected form')).toHaveCount(0);
  await parametersNext.click();
  await page.getByRole('button', { name: 'Skip', exact: true }).click();

  // Review.
  await expect(orderButton).toBeVisible();
  const review = step('Review');
  await expect(review).toContainText('Dedicated');
  await expect(review).toContainText('€1.20 per hour');
  await expect(review).toContainText(instanceName);
  await expect(review).toContainText('External Registration Number');
  await expect(review).toContainText('External');
  await review.getByRole('button', { name: 'Show JSON' }).click();
  await expect(review).toContainText('"externalRegistrationNumber": "12345"');
  await expect(review).toContainText('"serviceType": "ext"');
  await orderButton.click();

  // The instance page follows the asynchronous operation without a reload.
  await expect(page).toHaveURL(/\/projects\/likvid-payments\/instances\/[^/]+$/);
  const instanceId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: instanceName, level: 1 })).toBeVisible();
  const status = page.getByRole('status').filter({ has: page.locator('mp-instance-status') });
  await expect(status).toContainText('Provisioning');
  // A mark in the page's window survives only as long as the page is not loaded again.
  await page.evaluate(() => Object.assign(window, { pageNotReloaded: true }));
  await expect(status).toContainText('Ready');
  expect(await page.evaluate(() => 'pageNotReloaded' in window), 'the page was not reloaded').toBe(true);

  const provision = await instanceRequest(instanceId, 'PUT');
  expect(provision.query['accepts_incomplete']).toBe('true');
  expect(provision.body).toMatchObject({
    service_id: gateway.id,
    plan_id: dedicatedPlan.id,
    context: { platform: 'meshmarketplace', customer_id: 'likvid-bank', project_id: 'likvid-payments' },
    parameters: { serviceType: 'ext', externalRegistrationNumber: '12345' },
  });
  const identity = decodeIdentity(provision.headers['x-broker-api-originating-identity']);
  expect(identity.platform).toBe('meshmarketplace');
  expect(identity.value).toMatchObject({ user_id: 'alice' });

  // Change the plan and one parameter: only these go to the broker.
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('heading', { name: `Change “${instanceName}”`, level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Plan' }).click();
  await page.getByRole('option', { name: /^Standard/ }).click();
  await page.getByRole('textbox', { name: /Security Contact/ }).fill('security@likvid-bank.example');
  const changes = page.getByRole('region', { name: 'Your changes' });
  await expect(changes).toContainText('Security Contact');
  await expect(changes).toContainText('Standard');
  await page.getByRole('button', { name: 'Apply changes' }).click();

  await expect(page).toHaveURL(new RegExp(`/instances/${instanceId}$`));
  await expect(status).toContainText('Ready');
  await expect(page.getByText('API Gateway · Standard')).toBeVisible();

  const update = await instanceRequest(instanceId, 'PATCH');
  expect(update.body?.['plan_id']).toBe(standardPlan.id);
  expect(update.body?.['parameters']).toEqual({ securityContact: 'security@likvid-bank.example' });
  expect(decodeIdentity(update.headers['x-broker-api-originating-identity']).value).toMatchObject({ user_id: 'alice' });

  // The broker's dashboard opens in a new page.
  const [dashboard] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('link', { name: 'Open dashboard' }).click(),
  ]);
  await expect(dashboard.getByRole('heading', { name: 'API Gateway', level: 1 })).toBeVisible();
  await expect(dashboard.getByText(instanceId)).toBeVisible();
  await dashboard.close();

  // Deprovision after confirming.
  await page.getByRole('button', { name: 'Deprovision' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Deprovision “${instanceName}”?` });
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await expect(dialog).toHaveCount(0);

  await openFromNavigation(page, 'Instances');
  await expect(page.getByRole('heading', { name: 'Service instances', level: 1 })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading the instances' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: instanceName })).toHaveCount(0);
  await instanceRequest(instanceId, 'DELETE');
});
