// Who may write: a phone joined by an invite for Bob is Bob's and no one
// else's; a modified copy of the app on it forges an exchange straight into
// the document and syncs it; the coordinator's balances do not move, and
// the forgery waits on the attention page with its reason.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as Automerge from '@automerge/automerge';
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot, watchConsole } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record, recordMine } from '../support/flows.js';
import { shareTimebank, createInvite, joinByInvite, newPhone, expectSynced, syncStatus } from '../support/sync.js';

async function exportFile(page, testInfo, name) {
  await nav(page, 'Backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the timebank file' }).click(),
  ]);
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return path;
}

/** What a modified app writes, around the ledger's checks: an exchange of
 * ten hours from Ann to Bob, "recorded" by Ann, with no signature. */
function forgeExchange(from, to) {
  const doc = Automerge.load(new Uint8Array(readFileSync(from)));
  const idOf = (name) => Object.entries(doc.members).find(([, member]) => String(member.name) === name)[0];
  const [ann, bob] = [idOf('Ann'), idOf('Bob')];
  // Written the way the app writes fields: plain strings, not text.
  const text = (value) => new Automerge.ImmutableString(value);
  const forged = Automerge.change(doc, (d) => {
    d.exchanges[randomBytes(16).toString('hex')] = {
      payer: text(ann),
      payee: text(bob),
      minutes: 600,
      service_date: text('2026-11-20'),
      description: text('Help in the garden'),
      kind: text('service'),
      channel: text('app'),
      recorded_by: text(ann),
      device: text(randomBytes(16).toString('hex')),
      recorded_at: new Date(),
      log: {},
    };
  });
  writeFileSync(to, Automerge.save(forged));
}

async function balances(page) {
  await nav(page, 'Members');
  return page.getByRole('main').getByRole('list').first().innerText();
}

test('a phone joined by an invite for Bob is only Bob, and a forgery from it moves no balance and is shown to the coordinator', async ({ browser, page }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await record(page, 'Ann (No. 2)', 'Bob (No. 3)', 60);
  await shareTimebank(page);
  const link = await createInvite(page, 'Bob’s phone', { member: 'Bob (No. 3)' });
  await expect(page.getByTestId('invitations')).toContainText('Bob (No. 3) not opened yet');

  const phone = await newPhone(browser);
  const b = phone.page;
  await joinByInvite(b, link);
  await expect(b.getByTestId('my-balance')).toHaveText('-1 hour');
  // The phone is Bob's: choosing someone else is not offered.
  await b.goto('/who');
  await expect(b.getByTestId('my-balance')).toHaveText('-1 hour');
  await nav(b, 'Sync');
  await expect(b.getByTestId('this-device')).toContainText('This device writes for Bob (No. 3).');
  await expectNoAccessibilityViolations(b);
  await expectNoSidewaysScroll(b);
  await saveScreenshot(b, 'device-certified');
  // Bob records what he took part in, and nothing else: his phone's form
  // starts from him, and offers him no one else to be.
  await nav(b, 'Record');
  await b.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(b.locator('#mine-error')).toHaveText('Say whether you helped someone or someone helped you.');
  await expect(b.getByLabel('I helped someone')).toBeFocused();
  await b.getByLabel('Someone helped me').check();
  await expect(b.getByLabel('1. Who gave the help?')).toHaveCount(0);
  await expect(b.getByLabel('2. Who helped you?').getByRole('option', { name: 'Bob (No. 3)' })).toHaveCount(0);
  await expectNoAccessibilityViolations(b);
  await saveScreenshot(b, 'record-on-member-phone');
  await recordMine(b, false, 'Cora (No. 1)', 15);
  await expectSynced(b);
  await expectSynced(page);
  await nav(page, 'Sync');
  await expect(page.getByTestId('invitations')).toContainText('opened on the device with code');
  await expect(page.getByTestId('writing-devices')).toContainText('Bob (No. 3)');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'devices-coordinator');
  const before = await balances(page);
  expect(before).toContain('-1 hour 15 minutes');

  // Bob's copy of the app is modified: it writes a forged exchange into the
  // document (here on his file, by Automerge itself), which his phone then
  // takes in and syncs to everyone.
  const file = await exportFile(b, testInfo, 'bob.tally');
  const forged = testInfo.outputPath('forged.tally');
  forgeExchange(file, forged);
  await nav(b, 'Backup');
  await b.getByLabel('Timebank file').setInputFiles(forged);
  await expect(b.getByRole('status').filter({ hasText: 'Added' })).toContainText('1 exchange,');
  await expectSynced(b);
  await expectSynced(page);

  // The coordinator's balances do not move; the forgery waits for them.
  await nav(page, 'Coordinator');
  await expect(page.getByRole('main')).toContainText(
    'An exchange is not signed by the device that recorded it, so it does not count.',
    { timeout: 20_000 },
  );
  await saveScreenshot(page, 'forgery-flagged');
  expect(await balances(page)).toBe(before);
  expect(await balances(b)).toBe(before);
  await phone.context.close();
  expect(problems.filter((p) => /closure|uncaught|panicked|RuntimeError/.test(p))).toEqual([]);
});

test('a withdrawn invite lets no one write, and a revoked phone can no longer write', async ({ browser, page }) => {
  test.setTimeout(180_000);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await shareTimebank(page);
  // The founding device is the only coordinator's device: the page says
  // what losing it would mean.
  await nav(page, 'Sync');
  await expect(page.getByTestId('only-coordinator-device')).toContainText('only coordinator\'s device');
  const spare = await createInvite(page, 'Spare phone', { member: 'Ann (No. 2)' });
  const link = await createInvite(page, 'Bob’s phone', { member: 'Bob (No. 3)' });

  // The link for Ann went to the wrong address: the coordinator withdraws it.
  await nav(page, 'Sync');
  await page.getByRole('button', { name: 'Withdraw the invite for Ann (No. 2)' }).click();
  await expect(page.getByTestId('invitations')).toContainText('Ann (No. 2) withdrawn');
  await expectSynced(page);
  // Its relay token was revoked in the same step: whoever opens the link
  // gets nothing at all.
  await expect(page.getByRole('status').filter({ hasText: 'Withdrawn:' }))
    .toContainText('Its access to the sync server is withdrawn too.', { timeout: 20_000 });
  const stranger = await newPhone(browser);
  await stranger.page.goto(spare);
  await expect(stranger.page.getByRole('alert')).toContainText(
    'This invite was revoked. Ask a coordinator for a new one.', { timeout: 20_000 });

  // Bob's phone joins, then is lost: the coordinator revokes it.
  const phone = await newPhone(browser);
  const b = phone.page;
  await joinByInvite(b, link);
  await expectSynced(page);
  // The phone named itself to the relay as the device using its token, so
  // that revoking the device revokes the token however it reached it.
  const fragment = new URLSearchParams(new URL(link).hash.slice(1));
  await expect.poll(async () => {
    const answer = await fetch(`${fragment.get('r')}/api/access`, {
      headers: { Authorization: `Bearer ${fragment.get('t')}` },
    });
    return (await answer.json()).device;
  }, { timeout: 20_000 }).toMatch(/^[0-9a-f]{32}$/);
  await nav(page, 'Sync');
  await expect(page.getByRole('list', { name: 'Devices that can sync' }).getByRole('listitem')
    .filter({ hasText: 'Bob’s phone' })).toContainText('used by Bob (No. 3)’s device');
  await expect(page.getByTestId('writing-devices')).toContainText('Bob (No. 3)');
  await page.getByLabel('Why (optional)').fill('Lost on the bus');
  await page.getByRole('button', { name: 'Revoke Bob (No. 3)\'s device' }).click();
  // It asks first, naming the person and the device's code; "keep it"
  // changes nothing.
  const question = page.getByRole('group', { name: /^Revoke the device of Bob \(No\. 3\) with code [0-9a-f]{4}-[0-9a-f]{4}\?/ });
  await expect(question).toContainText('What it writes from now on waits for a coordinator');
  const yes = question.getByRole('button', { name: 'Yes, revoke it' });
  await expect(yes).toBeFocused();
  // The focus ring is blue, not the red of errors.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await yes.evaluate((button) => getComputedStyle(button).outlineColor)).toBe('rgb(26, 95, 180)');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'revoke-question');
  await question.getByRole('button', { name: 'No, keep it' }).click();
  await expect(page.getByTestId('writing-devices').getByRole('listitem').filter({ hasText: 'Bob (No. 3)' }))
    .not.toContainText('revoked');
  await page.getByRole('button', { name: 'Revoke Bob (No. 3)\'s device' }).click();
  await page.getByRole('button', { name: 'Yes, revoke it' }).click();
  // In the same step, the relay token that went with Bob's invite is revoked.
  await expect(page.getByRole('status').filter({ hasText: 'Revoked:' }))
    .toContainText('Its access to the sync server is withdrawn too.', { timeout: 20_000 });
  await expect(page.getByTestId('writing-devices').getByRole('listitem').filter({ hasText: 'Bob (No. 3)' }))
    .toContainText('revoked');
  await expect(page.getByRole('list', { name: 'Devices that can sync' }).getByRole('listitem')
    .filter({ hasText: 'Bob’s phone' })).toContainText('revoked');
  await saveScreenshot(page, 'device-revoked');

  // The phone hears of it (the revocation reached the relay before its
  // token was revoked): it says so, writes nothing more, and syncs no more.
  await nav(b, 'Home');
  await expect(b.getByTestId('device-notice')).toContainText('A coordinator revoked this device', { timeout: 20_000 });
  await expect(syncStatus(b)).toHaveText('Not syncing: a coordinator revoked this device\'s access', { timeout: 20_000 });
  await expectNoAccessibilityViolations(b);
  await recordMine(b, false, 'Cora (No. 1)', 30, { expectSaved: false });
  await expect(b.getByRole('alert').filter({ hasText: 'A coordinator revoked this device' })).toBeVisible();
  // A second coordinator's device joins: the warning goes.
  const officeLink = await createInvite(page, 'Office laptop', { coordinator: true, member: 'Cora (No. 1)' });
  const office = await newPhone(browser);
  await joinByInvite(office.page, officeLink);
  await expectSynced(page);
  await nav(page, 'Sync');
  await expect(page.getByTestId('only-coordinator-device')).toHaveCount(0, { timeout: 20_000 });
  await stranger.context.close();
  await phone.context.close();
  await office.context.close();
});
