/**
 * Security: a hostile broker puts a corpus of cross-site scripting payloads into every text it
 * sends (catalog fields, markdown, schema titles, descriptions, choice labels, defaults,
 * placeholders, operation descriptions, error bodies). The app renders all of it in Chromium with
 * a trap on script execution, and not one payload runs.
 */
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, signIn, test } from './support/fixtures.ts';
import {
  payloadChunks,
  startFailingHostileBroker,
  startHostileBroker,
  TRACKER_ORIGIN,
  type HostileBroker,
} from './support/hostile-broker.ts';
import { recordApiToken } from './support/platform-api.ts';
import { repositoryRoot, startPlatform, stopPlatform, type RunningPlatform } from './support/platform.ts';
import { XSS_PAYLOADS } from './support/xss-payloads.ts';

test.describe.configure({ mode: 'serial' });
// The platform's Content-Security-Policy would stop inline handlers anyway; without it the test
// shows that the app itself never turns broker text into markup that runs.
test.use({ bypassCSP: true });

let platform: RunningPlatform;
const brokers: HostileBroker[] = [];
/** Payload numbers that ran, and dialogs that opened, in any page or frame. */
const hits: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  brokers.push(await startHostileBroker('hostile'));
  for (const [index, chunk] of payloadChunks().entries())
    brokers.push(await startFailingHostileBroker(`hostile-down-${index}`, chunk));
  platform = await startPlatform({
    extraBrokers: brokers.map((broker) => broker.configEntry),
    logFile: join(repositoryRoot, 'test-results', 'e2e-xss-platform.log'),
  });
});

test.afterAll(async () => {
  if (platform) await stopPlatform(platform);
  for (const broker of brokers) await broker.close();
});

/** Installs the trap: `__xssHit` in every frame of the page, and a dialog listener. */
async function trap(page: Page): Promise<void> {
  await page.exposeBinding('__xssHit', (_source, payload: unknown) => {
    hits.push(`payload ${String(payload)}`);
  });
  page.on('dialog', (dialog) => {
    hits.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** Proves the trap is live: a handler planted outside the app calls it (payload 0), then forgets that call. */
async function expectTrapArmed(page: Page): Promise<void> {
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.setAttribute('onerror', '__xssHit(0)');
    image.src = 'x:broken';
    document.body.append(image);
  });
  await expect.poll(() => hits.includes('payload 0')).toBe(true);
  hits.splice(0, hits.length);
}

/** Checks that the page shows no link or frame a payload could run from, and no injected script. */
async function expectNothingExecutable(page: Page): Promise<void> {
  const dangerous = await page.evaluate(() => {
    const root = document.querySelector('mp-root');
    if (!root) return ['no app root'];
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        // Browsers skip whitespace and control characters in a URL's scheme.
        const value = [...attribute.value]
          .filter((character) => character.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        if (
          ['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(attribute.name) &&
          value.startsWith('javascript:')
        ) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(element.tagName))
        found.push(element.tagName);
    }
    return found;
  });
  expect(dangerous, 'executable markup from the broker').toEqual([]);
}

const marketplace = () => `${platform.baseURL}/projects/likvid-payments/marketplace`;

/** Moves the app to `path` through its router, without reloading the page (and signing in again). */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState(null, '', target);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

test(`${XSS_PAYLOADS.length} payloads in every catalog field: the marketplace, its banner and every service page run none`, async ({
  page,
}) => {
  test.setTimeout(300_000);
  await trap(page);
  const trackerRequests: string[] = [];
  await page.route(`${TRACKER_ORIGIN}/**`, (route) => {
    trackerRequests.push(route.request().url());
    return route.abort();
  });
  await signIn(page, 'alice', 'demo', marketplace());
  await expectTrapArmed(page);
  await expect(page.getByText(XSS_PAYLOADS[1]!, { exact: true }).first()).toBeVisible();
  // The marketplace draws its cards page by page: draw them all.
  const showMore = page.getByRole('button', { name: /Show more global services/ });
  while (await showMore.isVisible()) await showMore.click();
  await expect(page.getByText('XSS everything')).toBeVisible();
  await expectNothingExecutable(page);
  for (let index = 0; index < XSS_PAYLOADS.length; index += 1) {
    await navigateInApp(page, `/projects/likvid-payments/marketplace/services/xss-service-${index}`);
    await expect(page.getByText(XSS_PAYLOADS[index]!, { exact: false }).first()).toBeAttached();
    await expectNothingExecutable(page);
  }
  await navigateInApp(page, '/projects/likvid-payments/marketplace/services/xss-all');
  await expect(page.getByRole('heading', { name: 'XSS everything' }).first()).toBeVisible();
  await expect(page.getByText('Tracked', { exact: true })).toBeAttached();
  await expectNothingExecutable(page);
  await page.waitForTimeout(500);
  expect(hits).toEqual([]);
  expect(trackerRequests, 'images requested from a host not allowed').toEqual([]);
});

test('payloads in schema titles, descriptions, choice labels, defaults and placeholders run none in the order form', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await trap(page);
  await signIn(page, 'alice', 'demo', `${marketplace()}/services/xss-all/order`);
  await expectTrapArmed(page);
  const step = (name: string) => page.getByRole('region', { name, exact: true });
  await step('Plan').getByRole('radio', { name: 'form' }).check();
  await step('Plan').getByRole('button', { name: 'Next' }).click();
  await step('Name').getByRole('textbox', { name: 'Instance name' }).fill('xss-form');
  await step('Name').getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox', { name: XSS_PAYLOADS[0]! }).first()).toHaveValue(XSS_PAYLOADS[0]!);
  await expect(page.getByText(XSS_PAYLOADS[5]!, { exact: true }).first()).toBeAttached();
  await page.getByRole('combobox').first().click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await expectNothingExecutable(page);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  expect(hits).toEqual([]);
});

test('payloads in operation descriptions and error bodies run none on the instances pages', async ({ page }) => {
  test.setTimeout(180_000);
  await trap(page);
  const token = recordApiToken(page);
  await signIn(page, 'alice', 'demo', `${platform.baseURL}/projects/likvid-payments/instances`);
  await expectTrapArmed(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const ids: string[] = [];
  for (const [chunk] of payloadChunks().entries()) {
    const response = await page.request.post(`${platform.baseURL}/api/projects/likvid-payments/service-instances`, {
      headers: { authorization: token() },
      data: { name: `xss-async-${chunk}`, serviceId: 'xss-all', planId: `xss-all-async-${chunk}`, parameters: {} },
    });
    expect(response.status(), await response.text()).toBe(202);
    ids.push(((await response.json()) as { id: string }).id);
  }
  for (const [chunk, id] of ids.entries()) {
    await navigateInApp(page, `/projects/likvid-payments/instances/${id}`);
    await expect(page.getByText(payloadChunks()[chunk]!.split('\n')[0]!, { exact: false }).first()).toBeAttached({
      timeout: 30_000,
    });
    await expectNothingExecutable(page);
  }
  await navigateInApp(page, '/projects/likvid-payments/instances');
  await expect(page.getByText('xss-async-0')).toBeVisible();
  await expectNothingExecutable(page);
  await page.waitForTimeout(500);
  expect(hits).toEqual([]);
});
