// Storage problems never lose data: a full store keeps changes in memory and
// says so; a damaged saved copy is kept aside, untouched, and can be downloaded.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember, record as recordHelp } from '../support/flows.js';
import { databaseRecords } from '../support/database.js';

async function setUp(page) {
  await createTimebank(page);
  await addMember(page, 'Ann');
}

const record = (page, minutes) => recordHelp(page, 'Ann (No. 2)', 'Cora (No. 1)', minutes);


test('a full store keeps working from memory, says so, and saves once there is room', async ({ page }) => {
  // The browser refusing writes for want of room. Chromium here ignores
  // quota overrides, and a really full disk closes the database connection,
  // so the refusal is made where the browser makes it: each write to the
  // database throws QuotaExceededError while the test says the store is full.
  await page.addInitScript(() => {
    window.__storeFull = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__storeFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await setUp(page);
  await record(page, 30);
  await page.evaluate(() => { window.__storeFull = true; });
  const before = await databaseRecords(page);

  await record(page, 45);
  const notice = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(notice).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'storage-full');
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour 15 minutes');
  expect(await databaseRecords(page)).toEqual(before);

  // Room again: the next change saves everything, including the earlier one.
  await page.evaluate(() => { window.__storeFull = false; });
  await record(page, 15);
  await expect(notice).toHaveCount(0);
  await page.reload();
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour 30 minutes');
});

test('a damaged saved copy is kept untouched, downloadable, and set aside when a good copy is opened', async ({ page }, testInfo) => {
  await setUp(page);
  // Changes saved after the snapshot.
  await record(page, 30);
  await nav(page, 'Backup');
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the timebank file' }).click(),
  ]);
  const good = testInfo.outputPath('good.tally');
  await backup.saveAs(good);
  const damaged = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('tally');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('records', 'readwrite').objectStore('records');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const key = keys.result.find((k) => k.includes('.snapshot.'));
        store.put(new TextEncoder().encode('not a timebank at all'), key);
        store.transaction.oncomplete = () => { open.result.close(); resolve(key); };
      };
    };
  }));
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
  const after = await databaseRecords(page);
  expect(Buffer.from(after[damaged]).toString()).toBe('not a timebank at all');

  // The good copy from the backup file: the damaged one is set aside, never
  // written over, and settings offer it as a download.
  await page.getByRole('link', { name: 'Open a timebank from a file' }).click();
  await page.getByLabel('Timebank file').setInputFiles(good);
  await expect(page.getByTestId('my-balance')).toHaveText('-30 minutes');
  await expect(notice).toHaveCount(0);
  const moved = await databaseRecords(page);
  const aside = Object.keys(moved).find((k) => k.startsWith('tally.aside.') && k.includes('.snapshot.'));
  expect(Buffer.from(moved[aside]).toString()).toBe('not a timebank at all');
  expect(moved[damaged]).toBeUndefined();
  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Copies set aside' })).toBeVisible();
  const [asideDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download copy 1 set aside/ }).click(),
  ]);
  const asideBytes = await readFile(await asideDownload.path());
  expect(asideBytes.subarray(0, 21).toString()).toBe('not a timebank at all');
  await expectNoAccessibilityViolations(page);
  await page.reload();
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('-30 minutes');
});

test('a change is saved even when the tab is closed the moment after', async ({ context, page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('How long, in hours').fill('45 min');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  // Closed at once, before the usual short wait before saving.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('my-balance')).toHaveText('-45 minutes');
});
