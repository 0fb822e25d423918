// A browser that refuses IndexedDB: Tally keeps working in localStorage and
// says how much fits; once the database is there, everything moves into it.
import { test, expect } from '@playwright/test';
import { nav, createTimebank, addMember, record } from '../support/flows.js';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

test('without IndexedDB Tally keeps working in the small store, says so, and moves when it can', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.TALLY_URL, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  // As some private modes and policies do.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 45);
  await page.goto('/');
  await expect(page.getByTestId('my-balance')).toHaveText('-45 minutes');
  const pieces = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.snapshot.') || k.includes('.chunk.')).length);
  expect(pieces).toBeGreaterThan(0);

  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('storage-kind')).toHaveText(/small store .*about [\d,]+ more exchanges fit/);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'small-store');

  // The same site, now with IndexedDB (a plain window): moved, and the same.
  const plain = await context.newPage();
  await page.close();
  await plain.goto('/');
  await expect(plain.getByTestId('my-balance')).toHaveText('-45 minutes');
  await expect.poll(() => plain.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.snapshot.') || k.includes('.chunk.')).length)).toBe(0);
  await record(plain, 'Ann (No. 2)', 'Cora (No. 1)', 15);
  await plain.goto('/');
  await expect(plain.getByTestId('my-balance')).toHaveText('-1 hour');
  await context.close();
});
