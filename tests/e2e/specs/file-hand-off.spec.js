// No network: a timebank goes from one phone to another as a file, and what
// the second phone records comes back the same way, merged, not replaced.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember, record } from '../support/flows.js';


async function exportFile(page, testInfo, name) {
  await nav(page, 'Backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the timebank file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.tally$/);
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return path;
}

test('a timebank travels to a second phone by file and comes back merged', async ({ browser, page }, testInfo) => {
  // Phone A: the coordinator sets up the timebank.
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await record(page, 'Ann (No. 2)', 'Bob (No. 3)', 60);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'backup');
  const fromA = await exportFile(page, testInfo, 'from-a.tally');

  // Phone B: a fresh browser profile with no timebank opens the file.
  const phoneB = await browser.newContext({
    baseURL: process.env.TALLY_URL,
    viewport: { width: 390, height: 844 },
  });
  const b = await phoneB.newPage();
  await b.goto('/');
  await b.getByRole('link', { name: 'Open a timebank from a file' }).click();
  await b.getByLabel('Timebank file').setInputFiles(fromA);
  await expect(b.getByRole('heading', { level: 1, name: 'Who is using this device?' })).toBeVisible();
  await expectNoAccessibilityViolations(b);
  await saveScreenshot(b, 'who-are-you');
  // A long list is searched by name or number.
  await b.getByLabel('Search by name, number or what they offer').fill('cor');
  await expect(b.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await b.getByRole('button', { name: 'Cora (No. 1)' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();
  await record(b, 'Bob (No. 3)', 'Ann (No. 2)', 30);
  const fromB = await exportFile(b, testInfo, 'from-b.tally');

  // Back on phone A: adding B's file adds B's exchange, and keeps A's.
  await nav(page, 'Backup');
  await page.getByLabel('Timebank file').setInputFiles(fromB);
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    'Added 0 members, 1 exchanges, 0 listings and 0 events.',
  );
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('30 minutes');
  await expect(page.getByRole('listitem').filter({ hasText: 'Bob' })).toContainText('-30 minutes');

  // A file that is not a timebank is refused plainly, changing nothing.
  await nav(page, 'Backup');
  await page.getByLabel('Timebank file').setInputFiles({
    name: 'notes.tally',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('shopping list: milk, eggs'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('30 minutes');
  await phoneB.close();
});
