import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpAdmin } from '../helpers/admin.js';
import { ADMIN_VIEWPORTS, expectAccessibleAt } from '../helpers/browser.js';
import { useBrowser } from '../helpers/use-browser.js';
import { useServer } from '../helpers/use-server.js';

/**
 * The ward's phone number for families, set by a trust admin on the screens that add and
 * change a ward (issue 13). The admin signs in over HTTP (the admin journey test covers the
 * sign-in screens); the browser then carries that session.
 */

let page: Page;

const server = useServer();
const browser = useBrowser();
beforeAll(async () => {
  const admin = await setUpAdmin(server);
  const context = await browser.newContext({ viewport: ADMIN_VIEWPORTS.desktop, baseURL: server.url });
  const [name, value] = admin.client.cookieHeader.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
});

const h1 = () => page.getByRole('heading', { level: 1 });
const errorSummary = () => page.locator('.nhsuk-error-summary');
const summaryValue = (key: string) => page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('.nhsuk-summary-list__value');
const phoneField = () => page.getByLabel('Phone number for families (optional)');

describe("the ward's phone number for families", () => {
  it('is asked for, optionally, when adding a ward; letters are refused in words', async () => {
    await page.goto('/admin/wards/new');
    await expect.poll(() => h1().textContent()).toBe('Add a ward');
    await page.getByLabel('Ward name').fill('Larch ward');
    await page.getByLabel('Ward code').fill('LARCH');
    await phoneField().fill('020 7946 OOOO');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Phone number must only include numbers, spaces, brackets and dashes');
    expect(await page.locator('#phone-error').textContent()).toContain('like 020 7946 0000 or +44 20 7946 0000');
    await expectAccessibleAt(page, 'admin-add-ward-phone-error', ADMIN_VIEWPORTS);

    await phoneField().fill('020 7946 0123');
    await page.getByLabel('PIN (optional)').fill('482916');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expect.poll(() => h1().textContent()).toBe('Larch ward');
    expect(await summaryValue('Phone number for families').textContent()).toBe('020 7946 0123');
    await expectAccessibleAt(page, 'admin-ward-with-phone', ADMIN_VIEWPORTS);
  });

  it('is changed and removed on "Change ward details", and the ward page says when there is none', async () => {
    await page.getByRole('link', { name: 'Change phone number for families' }).click();
    await expect.poll(() => h1().textContent()).toBe('Change ward details');
    expect(await phoneField().inputValue()).toBe('020 7946 0123');
    await phoneField().fill('+1 555 0100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Enter a UK phone number, starting with 0 or +44');
    await expectAccessibleAt(page, 'admin-change-ward-phone-error', ADMIN_VIEWPORTS);

    await phoneField().fill('+44 (0)20 7946 0999');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => h1().textContent()).toBe('Larch ward');
    expect(await summaryValue('Phone number for families').textContent()).toBe('+44 (0)20 7946 0999');

    await page.getByRole('link', { name: 'Change phone number for families' }).click();
    await expect.poll(() => h1().textContent()).toBe('Change ward details');
    await phoneField().fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => h1().textContent()).toBe('Larch ward');
    expect(await summaryValue('Phone number for families').textContent()).toBe('Not given');
    const audit = (await page.evaluate(async () => (await fetch('/api/admin/audit')).json())).entries.map((e: { detail: string }) => e.detail);
    expect(audit).toEqual(expect.arrayContaining(['Phone number +44 (0)20 7946 0999 removed', 'Phone number 020 7946 0123 to +44 (0)20 7946 0999']));
  });
});
