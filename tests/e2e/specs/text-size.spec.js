// Large text, chosen in the app and remembered; every screen still fits a
// 360 px phone.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, expectTapTargets, headerShare, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record, everyAddress } from '../support/flows.js';

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

/** A timebank with a member and an exchange; the addresses of every page
 * that shows it. */
async function everyPage(page) {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 90);
  await nav(page, 'Members');
  const member = await page.getByRole('main').getByRole('link', { name: 'Ann' }).getAttribute('href');
  await nav(page, 'Home');
  const exchange = await page.getByRole('link', { name: 'Details' }).first().getAttribute('href');
  return everyAddress(member, exchange).filter((a) => !['/join', '/create', '/open'].includes(a));
}

test('at the largest text on a 360 px phone, the header keeps to a quarter of the screen and every control is big enough to tap', async ({ page }) => {
  test.setTimeout(180_000);
  const addresses = await everyPage(page);
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  for (const language of ['English', 'Français']) {
    await page.getByLabel(/^(Language|Langue)$/).selectOption({ label: language });
    for (const address of addresses) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      expect(await headerShare(page), `${language} ${address}: header and navigation`).toBeLessThanOrEqual(0.25);
      await expectNoSidewaysScroll(page);
      await expectTapTargets(page);
      await expectNoAccessibilityViolations(page);
      // A statement, the calendar and trading day's tables fit the width
      // too, rather than scroll inside it.
      if ([addresses[3], '/events', '/trading-day'].includes(address)) {
        const scrolled = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')]
          .filter((region) => region.scrollWidth > region.clientWidth + 1).length);
        expect(scrolled, `${language} ${address}: tables scrolling sideways`).toBe(0);
      }
    }
    await page.goto('/');
    await saveScreenshot(page, `largest-text-home-${language}`);
  }
});

test('on a 1024x768 tablet, in English and French, no page is wider than the screen and every control is big enough to tap', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const addresses = await everyPage(page);
  for (const language of ['English', 'Français']) {
    await page.getByLabel(/^(Language|Langue)$/).selectOption({ label: language });
    for (const address of addresses) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectTapTargets(page);
      await expectNoAccessibilityViolations(page);
    }
  }
});
