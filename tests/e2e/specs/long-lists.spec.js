// Long lists come a page at a time: the directory of a big timebank opens
// quickly and the rest is one tap away.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank } from '../support/flows.js';

test('the members directory shows 50 at a time, and search looks through everyone', async ({ page }) => {
  await createTimebank(page);
  const rows = ['name,number'];
  for (let i = 1; i <= 120; i++) rows.push(`Neighbour ${String(i).padStart(3, '0')},${i + 1}`);
  await nav(page, 'Spreadsheets');
  await page.getByRole('region', { name: 'Bring in members' }).getByLabel('Choose a CSV file')
    .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await expect(page.getByText('Added 120 members, with 0 opening balances.')).toBeVisible();

  await nav(page, 'Members');
  const items = page.locator('main .member-list > li');
  await expect(items).toHaveCount(50);
  await expect(page.getByText('Showing 50 of 121.')).toBeVisible();
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(items).toHaveCount(100);
  await expect(page.getByRole('button', { name: 'Show 21 more' })).toBeFocused();
  await page.getByRole('button', { name: 'Show 21 more' }).click();
  await expect(items).toHaveCount(121);
  await expect(page.getByRole('button', { name: /Show \d+ more/ })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // The last one alphabetically is found by search even on the first page.
  await page.reload();
  await page.getByLabel('Search by name, number or what they offer').fill('Neighbour 120');
  await expect(items).toHaveCount(1);
  await saveScreenshot(page, 'members-search-long-list');
});
