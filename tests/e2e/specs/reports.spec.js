// A coordinator reports to the council: monthly figures, locked once published.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember, record } from '../support/flows.js';

function lastMonth() {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return {
    day: date.toISOString().slice(0, 10),
    name: date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}


test('monthly figures show, and a locked month keeps them when a late slip arrives', async ({ page }) => {
  const month = lastMonth();
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 90, month.day);

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
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 30, month.day);
  await nav(page, 'Coordinator');
  await expect(page.getByText(/is locked, arrived or changed after the lock/)).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('row', { name: new RegExp(month.name) })).toContainText('1 hour 30 minutes');
});
