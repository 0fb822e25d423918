// Large text, chosen in the app and remembered; every screen still fits a
// 360 px phone.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test.use({ viewport: { width: 360, height: 780 } });

test('the largest text is remembered and no screen scrolls sideways', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Annabelle Fitzgerald-Worthington');
  const bodyText = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const before = await bodyText();
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  expect(await bodyText()).toBeCloseTo(before * 1.5, 0);
  await page.reload();
  await expect(page.getByLabel('Text size')).toHaveValue('150%');
  expect(await bodyText()).toBeCloseTo(before * 1.5, 0);

  for (const name of ['Home', 'Offers', 'Record', 'Members', 'Events', 'More', 'Trading day', 'Spreadsheets']) {
    await nav(page, name);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} is wider than the screen by this many pixels`).toBeLessThanOrEqual(0);
  }
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'largest-text-spreadsheets');
});

test('settings say how much space the timebanks take and what the browser allows', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('storage-kind')).toHaveText(/kept in the browser’s database on this device/);
  await expect(page.getByTestId('storage-used')).toHaveText(/Riverside Timebank takes [\d.]+ KB\./);
  await expect(page.getByText(/^There is plenty of room for Tally on this device: [\d,]+\.\d (KB|MB|GB) used of about [\d,]+\.\d (KB|MB|GB)\.$/)).toBeVisible();
});
