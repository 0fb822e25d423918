// No network: a timebank goes from one phone to another as a file, and what
// the second phone records comes back the same way, merged, not replaced.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember, record, recordMine } from '../support/flows.js';


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

async function addFile(page, path) {
  await nav(page, 'Backup');
  await page.getByLabel('Timebank file').setInputFiles(path);
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
}

test('a timebank travels to a second phone by file; the phone asks to write, is approved by file, and its exchange comes back merged', async ({ browser, page }, testInfo) => {
  // Phone A: the coordinator sets up the timebank (its trust founded on A).
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
  await b.getByLabel('Search by name, number or what they offer').fill('bo');
  await expect(b.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await b.getByRole('button', { name: 'Bob (No. 3)' }).click();

  // B can read but not write: it asks, and shows the code to compare.
  await expect(b.getByRole('heading', { level: 1, name: 'Sync between devices' })).toBeVisible();
  const device = b.getByTestId('this-device');
  await expect(device).toContainText('This device asked to write for Bob (No. 3).');
  const code = (await b.getByTestId('device-code').textContent()).trim();
  expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}$/);
  await expect(b.getByRole('img', { name: 'QR code of this device\'s request' })).toBeVisible();
  await expectNoAccessibilityViolations(b);
  await saveScreenshot(b, 'device-asks');
  await recordMine(b, false, 'Ann (No. 2)', 30, { expectSaved: false });
  await expect(b.getByRole('alert').filter({ hasText: 'a coordinator must approve it first' })).toBeVisible();
  const asking = await exportFile(b, testInfo, 'asking.tally');

  // A, with no network either, takes B's file: the request waits there,
  // with the same code; the coordinator approves it.
  await addFile(page, asking);
  await nav(page, 'Sync');
  const requests = page.getByTestId('device-requests');
  await expect(requests).toContainText('A device asks to write for Bob (No. 3).');
  await expect(requests).toContainText(`Its code: ${code}`);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'device-request');
  await page.getByRole('button', { name: 'Approve for Bob (No. 3)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Approved' })).toBeVisible();
  await expect(page.getByTestId('writing-devices')).toContainText(code);
  const approval = await exportFile(page, testInfo, 'approval.tally');

  // B takes the approval back by file, and now writes for Bob.
  await addFile(b, approval);
  await nav(b, 'Sync');
  await expect(b.getByTestId('this-device')).toContainText('This device writes for Bob (No. 3).');
  await recordMine(b, false, 'Ann (No. 2)', 30);
  const fromB = await exportFile(b, testInfo, 'from-b.tally');

  // Back on phone A: adding B's file adds B's exchange, and keeps A's.
  await nav(page, 'Backup');
  await page.getByLabel('Timebank file').setInputFiles(fromB);
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    'Added 0 members, 1 exchange, 0 listings and 0 events.',
  );
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('1 hour 30 minutes');
  await expect(page.getByRole('listitem').filter({ hasText: 'Bob' })).toContainText('-1 hour 30 minutes');

  // A file that is not a timebank is refused plainly, changing nothing.
  await nav(page, 'Backup');
  await page.getByLabel('Timebank file').setInputFiles({
    name: 'notes.tally',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('shopping list: milk, eggs'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('1 hour 30 minutes');
  await phoneB.close();
});
