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

  // Locking asks first, in words, and is in reach outside the table.
  await page.getByRole('button', { name: `Lock ${month.name}` }).click();
  const question = page.getByRole('group', { name: new RegExp(`^Lock ${month.name}\\?`) });
  await expect(question).toContainText('A lock cannot be undone.');
  await expect(question.getByRole('button', { name: `Yes, lock ${month.name}` })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'reports-lock-question');
  await question.getByRole('button', { name: 'No, keep it' }).click();
  await expect(row).toContainText('no');
  await page.getByRole('button', { name: `Lock ${month.name}` }).click();
  await page.getByRole('button', { name: `Yes, lock ${month.name}` }).click();
  await expect(row).toContainText('yes');
  await expect(page.getByRole('button', { name: `Lock ${month.name}` })).toHaveCount(0);

  // A late paper slip for that month: the form says so before saving; the
  // published figures stay, and the report lists it rather than lose it.
  await nav(page, 'Record');
  await page.getByLabel('Date of the help').fill(month.day);
  await expect(page.locator('#service-date-hint'))
    .toHaveText(`${month.name} is locked: this exchange will count in balances, but not in the figures published for ${month.name}. Reports list it under “Changed since the lock”.`);
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 30, month.day);
  await nav(page, 'Coordinator');
  await expect(page.getByText(/is locked, arrived or changed after the lock/)).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('row', { name: new RegExp(month.name) })).toContainText('1 hour 30 minutes');
  const late = page.getByTestId('changed-since-lock').getByRole('listitem');
  await expect(late).toHaveCount(1);
  await expect(late).toContainText('Ann helped Cora: 30 minutes');
  await expect(late).toContainText(`Recorded or confirmed after ${month.name} was locked`);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'reports-changed-since-lock');
});

test('on a tablet the lock controls are in reach without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const month = lastMonth();
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60, month.day);
  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Reports' }).click();
  const lock = page.getByRole('button', { name: `Lock ${month.name}` });
  const box = await lock.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  // Not inside a table that scrolls sideways either.
  expect(await lock.evaluate((button) => button.closest('.table-scroll'))).toBeNull();
});

test('every coordinator page has the same sub-menu, above its heading, listing them all', async ({ page }) => {
  await createTimebank(page);
  const pages = [
    ['/coordinator', 'Needs attention'],
    ['/exchanges', 'Exchanges'],
    ['/fund', 'Community fund'],
    ['/trading-day', 'Trading day'],
    ['/reports', 'Reports'],
    ['/spreadsheets', 'Spreadsheets'],
    ['/settings', 'Settings'],
  ];
  const listed = [...pages.map(([, title]) => title), 'Sync between devices', 'Backup and sharing'];
  const tops = [];
  for (const [address, name] of pages) {
    await page.goto(address);
    const menu = page.getByRole('navigation', { name: 'Coordinator' });
    await expect(menu.getByRole('link')).toHaveText(listed);
    await expect(menu.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    // Above the page's heading, in the same place on each.
    const [menuBox, headingBox] = [await menu.boundingBox(), await page.getByRole('heading', { level: 1 }).boundingBox()];
    expect(menuBox.y + menuBox.height, address).toBeLessThanOrEqual(headingBox.y);
    tops.push(Math.round(menuBox.y));
  }
  expect(new Set(tops).size, `the menu's place on each page: ${tops}`).toBe(1);
});
