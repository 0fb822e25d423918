// A coordinator looks a member up, prints their statement, and manages membership.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

test('a member page shows the balance and statement, and leaving needs a zero balance', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  await nav(page, 'Members');
  await page.getByRole('link', { name: 'Ann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();
  await expect(page).toHaveTitle('Ann · Tally');
  await expect(page.getByTestId('member-balance')).toHaveText('1 hour');
  const statement = page.getByRole('region', { name: 'Statement' });
  await expect(statement.getByRole('row').nth(1)).toContainText('Cora');
  await expect(statement.getByRole('row').nth(1)).toContainText('1 hour');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'member');
  await page.emulateMedia({ media: 'print' });
  await saveScreenshot(page, 'member-statement-print');
  await expect(page.getByRole('button', { name: 'Print this statement' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Membership').selectOption({ label: 'Left' });
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ann still has a balance of 60 minutes' })).toBeVisible();
  await page.getByLabel('Membership').selectOption({ label: 'Away' });
  await page.getByRole('button', { name: 'Change' }).click();
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('away');
});
