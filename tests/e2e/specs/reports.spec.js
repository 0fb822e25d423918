// A coordinator reports to the council: monthly figures, locked once published.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';

const nav = (page, name) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

function lastMonth() {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return {
    day: date.toISOString().slice(0, 10),
    name: date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

async function record(page, day, minutes) {
  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('Minutes').fill(String(minutes));
  await page.getByLabel('Date of the help').fill(day);
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
}

test('monthly figures show, and a locked month keeps them when a late slip arrives', async ({ page }) => {
  const month = lastMonth();
  await page.goto('/create');
  await page.getByLabel('Name of the timebank').fill('Riverside Timebank');
  await page.getByLabel('Your name').fill('Cora');
  await page.getByRole('button', { name: 'Create the timebank' }).click();
  await nav(page, 'Members');
  await page.getByLabel('Name', { exact: true }).fill('Ann');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done. Ann' })).toBeVisible();
  await record(page, month.day, 90);

  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(month.name) });
  await expect(row).toContainText('1 hour 30 minutes');
  await expect(row).toContainText('£18.00');
  await expect(page.getByRole('img', { name: /Hours exchanged by month/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'reports');

  await row.getByRole('button', { name: `Lock ${month.name}` }).click();
  await expect(row).toContainText('yes');

  // A late paper slip for that month: the published figures stay.
  await record(page, month.day, 30);
  await nav(page, 'Coordinator');
  await expect(page.getByText(/is locked, arrived or changed after the lock/)).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('row', { name: new RegExp(month.name) })).toContainText('1 hour 30 minutes');
});
