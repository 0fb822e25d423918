// Two tabs of Tally on one timebank: both record, nothing is lost, and each
// shows what the other saved without a reload.
import { test, expect } from '@playwright/test';
import { nav, createTimebank, addMember, record } from '../support/flows.js';
import { saveScreenshot } from '../support/page-checks.js';

test('two tabs both record: each shows the other’s exchanges and nothing is lost', async ({ context, page }) => {
  test.setTimeout(120_000);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('my-balance')).toHaveText('0 minutes');

  // One tab records: the other shows it, with no reload.
  await page.bringToFront();
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 30);
  await other.bringToFront();
  await expect(other.getByTestId('my-balance')).toHaveText('-30 minutes');

  // Both record, one after the other, many times: every exchange stays.
  for (let round = 0; round < 6; round += 1) {
    await page.bringToFront();
    await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 10);
    await other.bringToFront();
    await record(other, 'Bob (No. 3)', 'Cora (No. 1)', 5);
  }
  const total = '-2 hours';
  for (const tab of [page, other]) {
    await tab.bringToFront();
    await nav(tab, 'Home');
    await expect(tab.getByTestId('my-balance')).toHaveText(total);
  }
  await saveScreenshot(other, 'two-tabs');
  await page.close();
  await other.close();
  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByTestId('my-balance')).toHaveText(total);
  await nav(reopened, 'Members');
  await expect(reopened.getByText('Ann', { exact: true })).toBeVisible();
});
