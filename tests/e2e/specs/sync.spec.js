// Phones that sync through a relay: apart they each record, together they
// agree; the relay can crash mid-sync; invites join, revoking refuses.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot, watchConsole } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';
import { startRelay, syncStatus, expectSynced, shareTimebank, createInvite, joinByInvite, newPhone } from '../support/sync.js';

/** What both phones must agree on: every member's balance, from the members page. */
async function membersAndBalances(page) {
  await nav(page, 'Members');
  return (await page.getByRole('main').getByRole('listitem').allInnerTexts()).join('\n');
}

async function attentionQueue(page) {
  await nav(page, 'Coordinator');
  return page.getByRole('main').innerText();
}

/** The exchanges on a member's statement (the header row is not one). */
async function exchangeCount(page, name = 'Cora') {
  await nav(page, 'Members');
  await page.getByRole('link', { name }).click();
  return (await page.getByRole('region', { name: 'Statement' }).getByRole('row').count()) - 1;
}

/** Failures of the app itself (network errors the browser logs are expected here). */
const appFailures = (problems) => problems.filter((p) => /closure|uncaught|panicked|RuntimeError/.test(p));

test('two phones apart record, then agree on every exchange, balance and the attention queue', async ({ browser, page, context }) => {
  test.setTimeout(180_000);
  const problemsA = watchConsole(page);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await shareTimebank(page);
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'sync-shared');
  const link = await createInvite(page, 'Core group tablet', { coordinator: true, member: 'Cora (No. 1)' });
  await expect(page.getByRole('img', { name: 'QR code of the invite link' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Devices that can sync' })).toContainText('Core group tablet');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'sync-invite');

  const tablet = await newPhone(browser);
  const b = tablet.page;
  const problemsB = watchConsole(b);
  await joinByInvite(b, link);
  await expect(b.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();

  // Both lose the network.
  await context.setOffline(true);
  await tablet.context.setOffline(true);
  await expect(syncStatus(page)).toHaveText('Offline: everything is shared');
  await record(page, 'Ann (No. 2)', 'Bob (No. 3)', 60);
  await record(page, 'Bob (No. 3)', 'Cora (No. 1)', 30);
  await record(page, 'Cora (No. 1)', 'Ann (No. 2)', 45);
  await expect(syncStatus(page)).toHaveText(/Offline: \d+ changes not yet shared/);
  await record(b, 'Ann (No. 2)', 'Cora (No. 1)', 120);
  await record(b, 'Bob (No. 3)', 'Ann (No. 2)', 15);
  await nav(b, 'Members');
  await b.getByRole('link', { name: 'Ann' }).click();
  await b.getByRole('link', { name: 'Edit details' }).click();
  await b.getByLabel('Neighbourhood').fill('Riverside');
  await b.getByRole('button', { name: 'Save details' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();
  await expect(syncStatus(b)).toHaveText(/Offline: \d+ changes not yet shared/);
  await saveScreenshot(b, 'sync-offline');

  // Back online: both converge.
  await context.setOffline(false);
  await tablet.context.setOffline(false);
  await expectSynced(page);
  await expectSynced(b);
  // Changes that arrive while a screen is open show on it.
  await expect(page.getByRole('main')).toBeVisible();
  const [onA, onB] = [await membersAndBalances(page), await membersAndBalances(b)];
  expect(onB).toBe(onA);
  // All five: Cora took part in three of them, Ann in four.
  for (const [name, count] of [['Cora', 3], ['Ann', 4], ['Bob', 3]]) {
    expect(await exchangeCount(page, name)).toBe(count);
    expect(await exchangeCount(b, name)).toBe(count);
  }
  await nav(page, 'Members');
  await page.getByRole('link', { name: 'Ann' }).click();
  await expect(page.getByText('Riverside', { exact: true })).toBeVisible();
  expect(await attentionQueue(b)).toBe(await attentionQueue(page));
  expect(appFailures(problemsA)).toEqual([]);
  expect(appFailures(problemsB)).toEqual([]);
  await tablet.context.close();
});

test('the relay crashes in the middle of a sync and restarts: nothing is lost', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const relay = await startRelay();
  try {
    await createTimebank(page);
    await addMember(page, 'Ann');
    await shareTimebank(page, relay.url);
    const link = await createInvite(page, 'Second phone', { coordinator: true, member: 'Cora (No. 1)' });
    const phone = await newPhone(browser);
    await joinByInvite(phone.page, link);

    // A burst of changes, and the relay dies while they are being sent.
    for (let n = 0; n < 6; n += 1) await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 10 + n);
    await relay.stop('SIGKILL');
    await expect(syncStatus(page)).toHaveText(/Offline|Connecting/, { timeout: 20_000 });
    await record(page, 'Cora (No. 1)', 'Ann (No. 2)', 5);
    const again = await startRelay({ port: relay.port, data: relay.data });
    try {
      await expectSynced(page, 90_000);
      await phone.page.reload();
      await expectSynced(phone.page, 90_000);
      expect(await membersAndBalances(phone.page)).toBe(await membersAndBalances(page));
      expect(await exchangeCount(phone.page)).toBe(7);
    } finally {
      await again.stop();
    }
    await phone.context.close();
  } finally {
    await relay.stop('SIGKILL');
  }
});

test('a third phone joins by invite; a revoked one is refused and gets nothing new', async ({ browser, page }) => {
  test.setTimeout(180_000);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  await shareTimebank(page);
  const link = await createInvite(page, 'Ann’s phone', { member: 'Ann (No. 2)' });

  const third = await newPhone(browser);
  await joinByInvite(third.page, link);
  await expect(third.page.getByTestId('my-balance')).toHaveText('1 hour');

  // The coordinator revokes it; the page says what revoking does not do.
  await nav(page, 'Sync');
  await expect(page.getByRole('list', { name: 'Devices that can sync' })).toHaveAccessibleDescription(
    /does not revoke the devices it invited/);
  await page.getByRole('button', { name: 'Revoke access of Ann’s phone' }).click();
  await expect(page.getByRole('group', { name: /^Stop Ann’s phone/ })).toContainText(
    'That device would need a new invite to sync again.');
  await page.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ann’s phone can no longer sync.' })).toBeVisible();
  await expect(syncStatus(third.page)).toHaveText(
    'Not syncing: a coordinator revoked this device\'s access', { timeout: 20_000 });
  await saveScreenshot(third.page, 'sync-revoked');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 30);
  await expectSynced(page);
  await third.page.reload();
  await expect(syncStatus(third.page)).toHaveText(/revoked/);
  await expect(third.page.getByTestId('my-balance')).toHaveText('1 hour');

  // The same link on yet another phone is refused in words.
  const fourth = await newPhone(browser);
  await fourth.page.goto(link);
  await expect(fourth.page.getByRole('alert')).toHaveText('This invite was revoked. Ask a coordinator for a new one.');
  await expectNoAccessibilityViolations(fourth.page);
  await third.context.close();
  await fourth.context.close();
});

test('a phone offline for a "month" catches up on hundreds of changes', async ({ browser, page }) => {
  test.setTimeout(300_000);
  await createTimebank(page);
  for (const name of ['Ann', 'Bob']) await addMember(page, name);
  await shareTimebank(page);
  const link = await createInvite(page, 'Bob’s phone', { member: 'Bob (No. 3)' });
  const phone = await newPhone(browser);
  await joinByInvite(phone.page, link);
  await phone.context.setOffline(true);
  await expect(syncStatus(phone.page)).toHaveText('Offline: everything is shared');

  // A month of trading days on the coordinator's tablet: 200 slips, each
  // its own change, while Bob's phone is away.
  await nav(page, 'Trading day');
  const slip = page.getByLabel('Slip number (optional)');
  await slip.focus();
  for (let n = 1; n <= 200; n += 1) {
    await page.keyboard.type(String(n));
    await page.keyboard.press('Tab');
    await page.keyboard.type(n % 2 ? '2' : '3');
    await page.keyboard.press('Tab');
    await page.keyboard.type(n % 2 ? '3' : '2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0:30');
    await page.keyboard.press('Enter');
    await expect(slip).toBeFocused();
    await expect(slip).toHaveValue('');
  }
  const summary = page.getByRole('region', { name: 'End of day summary' });
  await expect(summary).toContainText('Slips counted: 200');
  await expectSynced(page);

  await phone.context.setOffline(false);
  await expectSynced(phone.page, 60_000);
  expect(await membersAndBalances(phone.page)).toBe(await membersAndBalances(page));
  // Bob's whole statement, 50 lines at a time.
  await nav(phone.page, 'Members');
  await phone.page.getByRole('link', { name: 'Bob' }).click();
  const statement = phone.page.getByRole('region', { name: 'Statement' });
  for (let shown = 50; shown < 200; shown += 50) {
    await phone.page.getByRole('button', { name: /^Show \d+ more$/ }).click();
  }
  await expect(statement.getByRole('row')).toHaveCount(1 + 200);
  await phone.context.close();
});
