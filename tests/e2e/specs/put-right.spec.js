// A member puts their own mistake right from their phone, at 360 px with
// the largest text: their home says in words what happened and where each
// exchange stands (waiting, rejected, withdrawn), they withdraw what nobody
// has confirmed yet, and say in their words when something is wrong with
// one; the coordinator finds those words in the attention queue, and each
// of the coordinator's buttons on an exchange says what it does.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot, watchConsole } from '../support/page-checks.js';
import { nav, createTimebank, addMember, recordMine } from '../support/flows.js';
import { shareTimebank, createInvite, joinByInvite, newPhone, expectSynced } from '../support/sync.js';

const recent = (page) => page.getByTestId('recent').getByRole('listitem');

async function checkScreen(page, name) {
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, name);
}

test('a member withdraws a mistake, sees a rejection, and tells a coordinator what is wrong', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await shareTimebank(page);
  const link = await createInvite(page, 'Bob’s phone', { member: 'Bob (No. 3)' });

  const phone = await newPhone(browser);
  const b = phone.page;
  await b.setViewportSize({ width: 360, height: 780 });
  await joinByInvite(b, link);
  await b.getByLabel('Text size').selectOption({ label: 'Largest' });

  // Bob means an hour of Ann's help and types 10 hours.
  await recordMine(b, false, 'Ann (No. 2)', 600);
  await nav(b, 'Home');
  await expect(b.getByTestId('using-as')).toHaveText('This device is used by Bob.');
  await expect(b.getByRole('link', { name: 'My statement' })).toHaveAttribute('href', /^\/members\/[0-9a-f]+$/);
  await expect(recent(b).first()).toContainText('Ann helped you');
  await expect(recent(b).first()).toContainText('10 hours');
  await expect(recent(b).first()).toContainText('waits for confirmation');
  await checkScreen(b, 'member-home-waiting');

  // Nobody has confirmed it: he takes it back, after being asked.
  await recent(b).first().getByRole('link', { name: 'Details' }).click();
  await expect(b.getByTestId('exchange-status')).toHaveText('waiting for confirmation');
  await expect(b.getByText('Nobody has confirmed it yet, so you can take it back')).toBeVisible();
  await b.getByRole('button', { name: 'Withdraw this exchange' }).click();
  const question = b.getByRole('group', { name: /^Withdraw this exchange\? It will no longer count\./ });
  await expect(question.getByRole('button', { name: 'Yes, withdraw it' })).toBeFocused();
  await checkScreen(b, 'withdraw-question');
  await question.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(b.getByTestId('exchange-done')).toContainText('Withdrawn: it no longer counts.');
  await expect(b.getByTestId('exchange-status')).toHaveText('withdrawn by the person who recorded it');
  await expect(b.locator('.history')).toContainText('Bob withdrew it');
  await expect(b.getByRole('button', { name: 'Withdraw this exchange' })).toHaveCount(0);
  await checkScreen(b, 'exchange-withdrawn');

  // It does not count, and does not vanish from his home either.
  await b.getByTestId('exchange-done').getByRole('link', { name: 'Record it again' }).click();
  await expect(b.getByLabel('I helped someone')).toBeVisible();
  await recordMine(b, false, 'Ann (No. 2)', 60);
  // And he records an hour he gave Ann that she will say never happened.
  await recordMine(b, true, 'Ann (No. 2)', 30);
  await expectSynced(b);

  // The coordinator finds them on Bob's statement (each line leads to its
  // exchange), and rejects the half hour for Ann; the buttons say what
  // they do. Her device may be used by someone else (a shared tablet).
  await nav(page, 'Home');
  await expect(page.getByTestId('using-as')).toHaveText('This device is used by Cora. Not you?');
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Bob/ }).first().click();
  const statement = page.getByRole('region', { name: 'Statement' });
  await expect(statement.getByRole('row')).toHaveCount(3, { timeout: 20_000 });
  await statement.getByRole('row').nth(2).getByRole('link').click();
  // It waits for Ann, not for her: she decides as coordinator, with a
  // reason both members read.
  await expect(page.getByRole('heading', { name: 'Decide as coordinator' })).toBeVisible();
  await expect(page.getByText('It counts: the hours move as recorded, whatever the members said.')).toBeVisible();
  await expect(page.getByText('It does not count: no hours move, and it stays on record, marked rejected.')).toBeVisible();
  await expect(page.getByText('Reverse: records the same time back the other way')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'coordinator-buttons-explained');
  await page.getByRole('button', { name: 'It does not count' }).click();
  await expect(page.getByRole('alert')).toHaveText('Say why you decide this: both members see it on the exchange.');
  await expect(page.getByLabel('Why you decide (both members see it)')).toBeFocused();
  await expect(page.getByTestId('exchange-status')).toHaveText('waiting for confirmation');
  await page.getByLabel('Why you decide (both members see it)').fill('Ann says it never happened');
  await page.getByRole('button', { name: 'It does not count' }).click();
  await expect(page.getByTestId('exchange-status')).toHaveText('rejected');
  await expect(page.locator('.history')).toContainText(/Cora \(coordinator\) rejected it on \d+ \w+ \d{4}: “Ann says it never happened”/);
  // Both people lead to their pages.
  await expect(page.getByRole('main').getByRole('link', { name: 'Bob', exact: true })).toHaveAttribute('href', /^\/members\//);
  await expect(page.getByRole('main').getByRole('link', { name: 'Ann', exact: true })).toHaveAttribute('href', /^\/members\//);

  await nav(b, 'Home');
  await expect(b.getByTestId('my-balance')).toHaveText('-1 hour', { timeout: 20_000 });
  const rejected = recent(b).filter({ hasText: 'You helped Ann' });
  await expect(rejected).toContainText('rejected: does not count', { timeout: 20_000 });
  await expect(recent(b).filter({ hasText: 'withdrawn: does not count' })).toContainText('10 hours');
  await checkScreen(b, 'member-home-marks');

  // The hour was in fact 45 minutes: Bob says so, in his words.
  await recent(b).filter({ hasText: '1 hour' }).filter({ hasNotText: 'withdrawn' })
    .getByRole('link', { name: 'Details' }).click();
  await b.getByText('Something is wrong with this exchange').click();
  const words = b.getByLabel('What is wrong? A coordinator will read your words.');
  await expect(words).toBeVisible();
  await b.getByRole('button', { name: 'Tell a coordinator' }).click();
  await expect(b.getByRole('alert')).toHaveText('Say in a few words what is wrong, so a coordinator knows what to look into.');
  await words.fill('It was 45 minutes, not an hour');
  await b.getByRole('button', { name: 'Tell a coordinator' }).click();
  await expect(b.getByTestId('exchange-done')).toHaveText('Sent: a coordinator will look into it and may contact you.');
  await expect(b.locator('.history')).toContainText('Bob said something is wrong');
  await checkScreen(b, 'something-is-wrong-sent');
  await expectSynced(b);

  // The coordinator reads his words in the attention queue, with the way to the exchange.
  await nav(page, 'Coordinator');
  const item = page.getByRole('listitem').filter({ hasText: 'Bob says something is wrong with an exchange' });
  await expect(item).toContainText('“It was 45 minutes, not an hour”', { timeout: 20_000 });
  // Her decision settled the half hour: nothing waits about it.
  await expect(page.getByRole('listitem').filter({ hasText: 'rejected an exchange' })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'attention-member-words');
  // She talks to Bob and marks it dealt with: it stays readable, folded away.
  await item.getByLabel('What was done (optional)').fill('Changed to 45 minutes with Bob');
  await item.getByRole('button', { name: 'Mark as dealt with' }).click();
  await expect(page.getByText('Nothing needs attention.')).toBeVisible();
  await page.getByText('Dealt with (1)').click();
  const dealt = page.locator('.dealt-with').getByRole('listitem');
  await expect(dealt).toContainText('Bob says something is wrong with an exchange');
  await expect(dealt).toContainText(/Dealt with by Cora on .*: “Changed to 45 minutes with Bob”/);
  await expect(dealt.getByRole('link', { name: 'Details' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  expect(problems).toEqual([]);
  await phone.context.close();
});
