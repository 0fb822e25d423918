// A coordinator sets up a timebank on a phone, adds members, records an
// exchange, and finds everything still there after a reload.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test('creating a timebank refuses empty names next to the fields', async ({ page }) => {
  await page.goto('/create');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a timebank' })).toBeVisible();
  await page.getByRole('button', { name: 'Create the timebank' }).click();
  const name = page.getByLabel('Name of the timebank');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByText('The name cannot be empty.').first()).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'create-timebank-errors');
  // Nothing was created: the start page still offers to create one.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeVisible();
});

test('create, add members, record an exchange, reload: everything is still there', async ({ page }) => {
  const problems = watchConsole(page);
  await createTimebank(page);
  await expect(page.getByTestId('my-balance')).toHaveText('0 minutes');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'home-new-timebank');

  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('No. 2');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'members');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record an exchange' })).toBeVisible();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Bob (No. 3)' });
  // The quick buttons add up, and the field says what was understood.
  await page.getByRole('button', { name: 'Add 30 min' }).click();
  await page.getByRole('button', { name: 'Add 30 min' }).click();
  const howLong = page.getByLabel('How long, in hours');
  await expect(howLong).toHaveValue('1 h');
  await expect(page.getByText('That is 1 hour.')).toBeVisible();
  await page.getByLabel('What was done (optional)').fill('Fixed the gate');
  const preview = page.getByRole('region', { name: 'Balances after this exchange' });
  await expect(preview).toContainText('Ann: 1 hour');
  await expect(preview).toContainText('Bob: -1 hour');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'record-exchange');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toContainText(
    'Ann: 1 hour. Bob: -1 hour.',
  );

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('1 hour');
  await expect(page.getByRole('listitem').filter({ hasText: 'Bob' })).toContainText('-1 hour');
  expect(problems).toEqual([]);
});

test('recording help from a member to the same member is refused and changes nothing', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('How long, in hours').fill('45 min');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'must be different' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('0 minutes');
});

test('a coordinator reverses a mistaken exchange and the history says so', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByRole('button', { name: 'Add 2 hours' }).click();
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('my-balance')).toHaveText('-2 hours');
  await page.getByRole('link', { name: 'Details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
  await expect(page.getByTestId('exchange-status')).toHaveText('confirmed');
  // Reversing says why, and shows both balances before and after.
  await page.getByRole('button', { name: 'Reverse this exchange' }).click();
  const question = page.getByRole('group', { name: /^Reverse this exchange\?/ });
  await expect(question).toContainText('Ann: 2 hours now, 0 minutes after; Cora: -2 hours now, 0 minutes after');
  await question.getByRole('button', { name: 'Yes, reverse it' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write why it is reversed in the reason box first: both members will see it.');
  await expect(page.getByLabel('Reason (needed to reverse it)')).toBeFocused();
  await expect(page.getByTestId('exchange-status')).toHaveText('confirmed');
  await page.getByLabel('Reason (needed to reverse it)').fill('Entered twice');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'exchange');
  await page.getByRole('button', { name: 'Reverse this exchange' }).click();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'exchange-reverse-question');
  await page.getByRole('button', { name: 'Yes, reverse it' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Put right by a reversal' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reverse this exchange' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('my-balance')).toHaveText('0 minutes');
});

test('an exchange past a member\'s lowest balance warns, then waits in the attention queue', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Record' }).click();
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('How long, in hours').fill('660 min');
  await expect(page.getByText('This takes Ann below their lowest balance.')).toBeVisible();
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

  await nav(page, 'Coordinator');
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
  await expect(
    page.getByText('Ann reached -11 hours, past their lowest limit of -10 hours.'),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'attention');
  await page.getByLabel('What was done (optional)').fill('Agreed with Ann');
  await page.getByRole('button', { name: 'Mark as dealt with' }).click();
  await expect(page.getByText('Nothing needs attention.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Nothing needs attention.')).toBeVisible();
});

test('a workshop: one person taught three, recorded at once with a category', async ({ page }) => {
  const problems = watchConsole(page);
  await createTimebank(page);
  for (const name of ['Ann', 'Bob', 'Cat', 'Dan']) await addMember(page, name);
  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Bob (No. 3)' });
  await page.getByRole('button', { name: 'Add another person who received' }).click();
  await expect(page.getByLabel('Also received it (2)')).toBeFocused();
  await page.getByLabel('Also received it (2)').selectOption({ label: 'Cat (No. 4)' });
  await page.getByRole('button', { name: 'Add another person who received' }).click();
  await page.getByLabel('Also received it (3)').selectOption({ label: 'Dan (No. 5)' });
  // With several receivers there can only be one giver.
  await expect(page.getByRole('button', { name: 'Add another person who gave' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add 1 hour' }).click();
  await page.getByLabel('Category').selectOption('Learning');
  const preview = page.getByRole('region', { name: 'Balances after this exchange' });
  await expect(preview).toContainText('Ann: 3 hours');
  await expect(preview).toContainText('Dan: -1 hour');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'record-group-exchange');
  // Changed their mind about Dan.
  await page.getByRole('button', { name: 'Remove Dan' }).click();
  await expect(preview).toContainText('Ann: 2 hours');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toContainText(
    'Ann: 2 hours. Bob: -1 hour. Cat: -1 hour.',
  );
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Dan' })).toContainText('0 minutes');
  await expect(page.getByRole('listitem').filter({ hasText: 'Cat' })).toContainText('-1 hour');
  expect(problems).toEqual([]);
});
