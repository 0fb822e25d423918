// An exchange can name the listing it came from, and the two pages lead to
// each other; the timebank's own word for an hour shows wherever amounts do.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

test('an exchange recorded from a listing shows on the listing, and leads back to it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await nav(page, 'Offers');
  await page.getByLabel('Whose listing').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('Title').fill('Hedge trimming');
  await page.getByLabel('Details (optional)').fill('Weekday mornings');
  await page.getByRole('button', { name: /^Post/ }).click();

  // The board leads to the listing's own page.
  await page.getByRole('link', { name: 'Hedge trimming', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hedge trimming' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Weekday mornings');
  await expect(page.getByRole('main')).toContainText('No exchanges recorded for it that you can see.');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);

  // Recording from it: Ann gave (it is her offer), the title describes it.
  await page.getByRole('link', { name: 'Record an exchange for this' }).click();
  await expect(page.getByTestId('for-listing')).toHaveText(/For the listing “Hedge trimming”, posted by Ann\./);
  await expect(page.getByLabel('1. Who gave the help?')).toHaveValue(/.+/);
  await expect(page.getByLabel('1. Who gave the help?').locator('option:checked')).toHaveText('Ann (No. 2)');
  await expect(page.getByLabel('What was done (optional)')).toHaveValue('Hedge trimming');
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Bob (No. 3)' });
  await page.getByLabel('How long, in hours').fill('1.5');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await expect(page.getByTestId('for-listing')).toHaveCount(0);

  // An exchange recorded without it does not show there.
  await record(page, 'Bob (No. 3)', 'Ann (No. 2)', 30);

  await nav(page, 'Offers');
  await page.getByRole('link', { name: 'Hedge trimming', exact: true }).click();
  const list = page.getByRole('list', { name: 'Exchanges for this listing' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Ann helped Bob: 1 hour 30 minutes');
  await saveScreenshot(page, 'listing-with-exchange');
  await list.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Recorded for the listing: Hedge trimming');
  await page.getByRole('link', { name: 'Hedge trimming', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hedge trimming' })).toBeVisible();

  // Choosing "Not for this listing" records a plain exchange.
  await page.getByRole('link', { name: 'Record an exchange for this' }).click();
  await page.getByRole('button', { name: 'Not for this listing' }).click();
  await expect(page.getByTestId('for-listing')).toHaveCount(0);
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Bob (No. 3)' });
  await page.getByLabel('How long, in hours').fill('1');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('list', { name: 'Exchanges for this listing' }).getByRole('listitem')).toHaveCount(1);

  // In French.
  await page.locator('#language-picker').selectOption({ label: 'Français' });
  await expect(page.getByRole('main')).toContainText('Publiée par');
  await expect(page.getByRole('list', { name: 'Échanges pour cette annonce' })).toContainText('Ann a aidé Bob');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('link', { name: 'Enregistrer un échange pour cette annonce' }).click();
  await expect(page.getByTestId('for-listing')).toHaveText(/Pour l’annonce «\u00a0Hedge trimming\u00a0», publiée par Ann\./);
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
});

test('a timebank that counts in time credits shows them wherever hours were named', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await page.goto('/settings');
  const details = page.getByRole('form', { name: 'The timebank' });
  await expect(details.getByLabel('What you call an hour')).toHaveValue('hours');
  await details.getByLabel('What you call an hour').fill('time credits');
  await details.getByLabel('What you call one of them').fill('time credit');
  await details.getByRole('button', { name: 'Save the changes' }).click();
  await expect(details.getByRole('status')).toHaveText('Done.');
  await expectNoAccessibilityViolations(page);

  await record(page, 'Ann (No. 2)', 'Bob (No. 3)', 90);
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toContainText('Ann: 1.5 time credits.');
  await record(page, 'Bob (No. 3)', 'Ann (No. 2)', 30);
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toContainText('Ann: 1 time credit.');
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  await expect(page.getByTestId('member-balance')).toHaveText('1 time credit');
  await expect(page.getByRole('table')).toContainText('1.5 time credits');
  await expect(page.getByRole('table')).not.toContainText(/hour/);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'time-credits');

  // It reopens in time credits, from the kept home screen too.
  await page.reload();
  await nav(page, 'Home');
  await expect(page.getByTestId('my-balance')).toHaveText('0 time credits');

  // No word: hours again.
  await page.goto('/settings');
  await details.getByLabel('What you call an hour').fill('');
  await details.getByLabel('What you call one of them').fill('');
  await details.getByRole('button', { name: 'Save the changes' }).click();
  await expect(details.getByLabel('What you call an hour')).toHaveValue('hours');
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  await expect(page.getByTestId('member-balance')).toHaveText('1 hour');
});
