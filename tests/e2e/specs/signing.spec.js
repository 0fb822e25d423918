// Every exchange a device records is signed by that device's own key
// (WebCrypto, kept in the browser): the exchange's page says so, the
// signature stays after a reload, and it travels with the timebank's file,
// so another device sees the same.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

// Every timebank made by this release has its trust founded on the device
// that created it, so that device is certified.
const SIGNED = 'Signed by a certified device of the person who recorded it';

async function openMyLatestExchange(page) {
  await nav(page, 'Home');
  await page.getByRole('link', { name: 'Details' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
}

test('what a phone records is signed by it, after a reload and on another phone', async ({ browser, page }, testInfo) => {
  const problems = watchConsole(page);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Cora (No. 1)', 'Ann (No. 2)', 45);
  await openMyLatestExchange(page);
  await expect(page.getByTestId('exchange-signature')).toHaveText(SIGNED);
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'exchange-signed');

  // The seal was saved with the exchange.
  await page.reload();
  await expect(page.getByTestId('exchange-signature')).toHaveText(SIGNED);

  // And travels in the timebank's file: another phone reads it as signed.
  await nav(page, 'Backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the timebank file' }).click(),
  ]);
  const file = testInfo.outputPath('signed.tally');
  await download.saveAs(file);
  const phoneB = await browser.newContext({ baseURL: process.env.TALLY_URL, viewport: { width: 360, height: 740 } });
  const b = await phoneB.newPage();
  await b.goto('/open');
  await b.getByLabel('Timebank file').setInputFiles(file);
  await b.getByRole('button', { name: 'Cora (No. 1)' }).click();
  await openMyLatestExchange(b);
  await expect(b.getByTestId('exchange-signature')).toHaveText(SIGNED);
  await phoneB.close();
  expect(problems).toEqual([]);
});
