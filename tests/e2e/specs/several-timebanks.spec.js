// One device, two timebanks: each kept whole, switching is one tap.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

test('a second timebank on the same phone; switching back finds the first as it was', async ({ page }) => {
  await createTimebank(page, 'Riverside Timebank', 'Cora');
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 90);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await page.getByRole('link', { name: 'Start another timebank' }).click();
  await page.getByLabel('Name of the timebank').fill('Hilltop Hours');
  await page.getByLabel('Your name').fill('Hana');
  await page.getByRole('button', { name: 'Create the timebank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hilltop Hours' })).toBeVisible();
  await nav(page, 'Members');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  const list = page.getByRole('region', { name: 'Timebanks on this device' });
  await expect(list).toContainText('Hilltop Hours open now');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'more-timebanks');
  await list.getByRole('button', { name: 'Switch to Riverside Timebank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour 30 minutes');

  // The choice survives a reload, and the other timebank is still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await list.getByRole('button', { name: 'Switch to Hilltop Hours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hilltop Hours' })).toBeVisible();
});
