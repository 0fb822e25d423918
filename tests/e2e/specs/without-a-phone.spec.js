// Caring for members without a phone, at 360 px: the coordinator posts an
// offer in a member's name (the board leads to the member; an away member's
// offers do not show), prints a member's statement with a header saying
// whose, of which timebank, over which days and when, and downloads it as
// CSV; home tells the coordinator what waits, and More leads to "who is
// using this device".
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

test('a coordinator posts for a member, prints and downloads their statement, and home says what waits', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');

  // An offer in Ann's name; the board leads to her page.
  await nav(page, 'Offers');
  await page.getByLabel('Whose listing').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('Title').fill('Ironing');
  await page.getByRole('button', { name: /^Post/ }).click();
  const board = page.locator('.listing-list').first();
  await expect(board.getByRole('listitem').filter({ hasText: 'Ironing' })).toBeVisible();
  await board.getByRole('link', { name: 'Ann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();

  // Away, her offer leaves the board; back, it shows again.
  await page.getByLabel('Membership').selectOption({ label: 'Away' });
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await nav(page, 'Offers');
  await expect(page.getByRole('heading', { name: 'Ironing' })).toHaveCount(0);
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  await page.getByLabel('Membership').selectOption({ label: 'Active' });
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await nav(page, 'Offers');
  await expect(page.getByRole('heading', { name: 'Ironing' })).toBeVisible();

  // Ann receives 11 hours: past the lowest balance, which needs attention.
  await record(page, 'Bob (No. 3)', 'Ann (No. 2)', 11 * 60);
  await nav(page, 'Members');
  await page.getByLabel('Name', { exact: true }).fill('Dee');
  await page.getByLabel('Add as an applicant, to approve later').check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await nav(page, 'Home');
  const waiting = page.getByTestId('coordinator-waiting');
  await expect(waiting.getByRole('link', { name: '1 thing needs attention' })).toHaveAttribute('href', '/coordinator');
  await expect(waiting.getByRole('link', { name: '1 person asked to join' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'home-coordinator-waiting');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'Who is using this device?' })).toHaveAttribute('href', '/who');

  // Ann's statement on paper: whose, of which timebank, which days, when.
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  const header = page.locator('.statement-header');
  await expect(header).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeVisible();
  await expect(header).toContainText('Riverside Timebank');
  await expect(header).toContainText('Statement of Ann, member No. 2');
  await expect(header).toContainText(/From \d+ \w+ \d{4} to \d+ \w+ \d{4}/);
  await expect(header).toContainText(/Printed on \d+ \w+ \d{4}/);
  await saveScreenshot(page, 'statement-printed');
  await page.emulateMedia({ media: 'screen' });

  // And as a spreadsheet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Riverside-Timebank-statement-2-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('date,with,description,hours,balance_hours');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(',Bob,');
  expect(csv[1]).toContain('-11.00,-11.00');

  // Blank slips to fill in by hand, and a card for each active member.
  await nav(page, 'Trading day');
  await page.getByRole('link', { name: 'Print blank slips and member cards.' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Slips and member cards' })).toBeVisible();
  const slips = page.getByTestId('blank-slips').locator('.slip');
  await expect(slips).toHaveCount(6);
  await expect(slips.first()).toContainText('Riverside Timebank');
  await expect(slips.first()).toContainText('Who gave the help (name and No.)');
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await page.getByRole('radio', { name: 'Member cards' }).check();
  const cards = page.getByTestId('member-cards').getByRole('listitem');
  // Cora, Ann and Bob (Dee is still an applicant).
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(1)).toContainText('Ann');
  await expect(cards.nth(1)).toContainText('No. 2');
  await expect(cards.nth(1).getByRole('img', { name: 'QR code of member number 2' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await page.emulateMedia({ media: 'print' });
  await saveScreenshot(page, 'member-cards-printed');
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);
});
