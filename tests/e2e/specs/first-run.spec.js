// A person opening Tally for the first time on a phone.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';

test('the first-run screen offers the two ways to begin', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeVisible();
  await expect(page).toHaveTitle('Tally');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a timebank' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open a timebank from a file' })).toBeVisible();

  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'first-run-phone');
  expect(problems, 'console errors and warnings at load').toEqual([]);
});

test('navigating moves focus to the new page heading and changes the title', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'About' }).click();

  const heading = page.getByRole('heading', { level: 1, name: 'About Tally' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('About · Tally');
  await expect(page.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'about-phone');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeFocused();
  expect(problems).toEqual([]);
});

test('the first-run choices lead to their screens', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create a timebank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a timebank' })).toBeVisible();
  await expect(page).toHaveTitle('Create a timebank · Tally');

  await page.goto('/');
  await page.getByRole('link', { name: 'Open a timebank from a file' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Open a timebank from a file' }),
  ).toBeVisible();
});

test('a page address opened directly loads that page, and an unknown one says so', async ({ page }) => {
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1, name: 'About Tally' })).toBeVisible();

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('works by keyboard alone: skip link, then the first choice', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  // After skipping, the next Tab stop is inside the main area.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Create a timebank' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a timebank' })).toBeFocused();
});

for (const width of [360, 768]) {
  test(`fits a ${width} px wide screen with large text`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    // A person who set a large text size in the browser: twice the default
    // (the browser's own setting, which the page's policy does not govern).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.goto('/');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await expect(page.getByRole('link', { name: 'Create a timebank' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    const target = await page.getByRole('link', { name: 'About' }).boundingBox();
    expect(target.height).toBeGreaterThanOrEqual(44);
    await saveScreenshot(page, `first-run-${width}px-large-text`);
  });
}

test('the web app manifest parses without errors', async ({ page }) => {
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data);
  expect(parsed.short_name).toBe('Tally');
  expect(parsed.icons.map((icon) => icon.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
});
