// A first visit is painted from index.html itself, in the device's language,
// while the app's code is still on its way; the app then takes its place
// without moving anything (src/first_visit.rs writes the page).
import { test, expect } from '@playwright/test';
import { saveScreenshot } from '../support/page-checks.js';

// Where everything a person sees first is on the page.
const PLACES = [
  '.shell-header .brand',
  '.shell-nav a[href="/"]',
  '.shell-nav a[href="/about"]',
  'main h1',
  'main .lead',
  'main .choices a[href="/create"]',
  'main .choices a[href="/open"]',
  '#language-picker',
  '#text-size-picker',
];

const places = (page) =>
  page.evaluate((selectors) => selectors.map((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return box && [selector, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
  }), PLACES);

/** Opens `address` with the app's WebAssembly held back until `release()`,
 * noting every layout shift from the start as the browser reports it. */
async function openWithCodeHeldBack(page, address = '/') {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(address);
  return release;
}

for (const { locale, lang, heading, create, size } of [
  { locale: 'en-GB', lang: 'en', heading: 'Welcome to Tally', create: 'Create a timebank' },
  { locale: 'fr-FR', lang: 'fr', heading: 'Bienvenue dans Tally', create: 'Créer une banque de temps' },
  { locale: 'en-US', lang: 'en', heading: 'Welcome to Tally', create: 'Create a timebank', size: '150%' },
]) {
  test(`a first visit (${locale}${size ? `, text ${size}` : ''}) is painted before the app's code arrives, and the app takes its place without a jump`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    if (size) await page.addInitScript((size) => localStorage.setItem('tally.text-size', size), size);
    const release = await openWithCodeHeldBack(page);

    // Painted by index.html: the app's code has not arrived.
    const painted = page.locator('#tally-first-paint');
    await expect(painted.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(painted.getByRole('link', { name: create })).toBeVisible();
    expect(await painted.evaluate((element) => element.inert)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    if (size) expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe(size);
    await saveScreenshot(page, `first-visit-before-app-${locale}${size ? '-large' : ''}`);
    const before = await places(page);
    expect(before.every(Boolean)).toBe(true);

    release();
    await expect(painted).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('link', { name: create })).toBeVisible();
    // The app's page works: its heading is not inert.
    expect(await page.locator('main h1').evaluate((h) => h.closest('[inert]') === null)).toBe(true);
    expect(await places(page)).toEqual(before);
    expect(await page.evaluate(() => window.__shifts.reduce((sum, shift) => sum + shift, 0))).toBe(0);
    await context.close();
  });
}

test('a device that keeps a timebank, and any other address, get no first-visit page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  // Another address: only the app paints it.
  let release = await openWithCodeHeldBack(page, '/about');
  await page.waitForTimeout(300);
  await expect(page.locator('#tally-first-paint')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A device that lists a timebank, with no kept page for it: nothing painted.
  await page.evaluate(() => localStorage.setItem('tally.timebanks', JSON.stringify(JSON.stringify([{ id: 'x', name: 'Somewhere' }]))));
  await page.unrouteAll();
  release = await openWithCodeHeldBack(page);
  await page.waitForTimeout(300);
  await expect(page.locator('#tally-first-paint')).toHaveCount(0);
  release();
  await context.close();
});
