// Storage problems never lose data: a full store keeps changes in memory and
// says so; a damaged saved copy is kept aside, untouched, and can be downloaded.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember, record as recordHelp } from '../support/flows.js';

async function setUp(page) {
  await createTimebank(page);
  await addMember(page, 'Ann');
}

const record = (page, minutes) => recordHelp(page, 'Ann (No. 2)', 'Cora (No. 1)', minutes);

test('a full store keeps working from memory, says so, and saves once there is room', async ({ page }) => {
  await setUp(page);
  // Fill this site's storage to the brim with something else.
  const filled = await page.evaluate(() => {
    const block = 'x'.repeat(64 * 1024);
    let keys = 0;
    for (let size = block; size.length >= 16; size = size.slice(size.length / 2)) {
      try {
        for (;;) {
          localStorage.setItem(`filler-${keys}`, size);
          keys += 1;
        }
      } catch {
        // Full at this size: try smaller pieces.
      }
    }
    return keys;
  });
  expect(filled).toBeGreaterThan(0);

  await record(page, 45);
  const notice = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(notice).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'storage-full');
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('-45 minutes');

  // Room again: the next change saves everything, including the earlier one.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('filler-')) localStorage.removeItem(key);
    }
  });
  await record(page, 15);
  await expect(notice).toHaveCount(0);
  await page.reload();
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour');
});

test('a damaged saved copy is kept aside untouched and can be downloaded', async ({ page }) => {
  await setUp(page);
  const damaged = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.includes('.snapshot.'));
    // Valid base64 of bytes that are not a timebank.
    localStorage.setItem(key, JSON.stringify(btoa('not a timebank at all')));
    return { key, value: localStorage.getItem(key) };
  });
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'damaged-copy');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the damaged copy' }).click(),
  ]);
  const bytes = await readFile(await download.path());
  // Everything that was stored: the damaged snapshot, then the changes saved after it.
  expect(bytes.subarray(0, 21).toString()).toBe('not a timebank at all');
  expect(bytes.length).toBeGreaterThan(21);
  // Still there, exactly as it was.
  expect(await page.evaluate((key) => localStorage.getItem(key), damaged.key)).toBe(damaged.value);
});

test('a change is saved even when the tab is closed the moment after', async ({ context, page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('Minutes').fill('45');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  // Closed at once, before the usual short wait before saving.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('my-balance')).toHaveText('-45 minutes');
});
