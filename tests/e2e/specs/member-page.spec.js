// A coordinator looks a member up, prints their statement, and manages membership.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember, record } from '../support/flows.js';

test('a member page shows the balance and statement, and leaving asks first how the balance is settled', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  await nav(page, 'Members');
  await page.getByRole('link', { name: 'Ann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();
  await expect(page).toHaveTitle('Ann · Tally');
  await expect(page.getByTestId('member-balance')).toHaveText('1 hour');
  const statement = page.getByRole('region', { name: 'Statement' });
  await expect(statement.getByRole('row').nth(1)).toContainText('Cora');
  await expect(statement.getByRole('row').nth(1)).toContainText('1 hour');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'member');
  await page.emulateMedia({ media: 'print' });
  await saveScreenshot(page, 'member-statement-print');
  await expect(page.getByRole('button', { name: 'Print this statement' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Membership').selectOption({ label: 'Left' });
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByText('Ann has 1 hour. Leaving gives them to the community fund, and Ann is marked as left. Go ahead?')).toBeVisible();
  await page.getByRole('button', { name: 'No, keep them' }).click();
  await expect(page.getByTestId('member-balance')).toHaveText('1 hour');
  await page.getByLabel('Membership').selectOption({ label: 'Away' });
  await page.getByRole('button', { name: 'Change' }).click();
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText('away');
});

test('a coordinator edits a member’s details; a taken number is refused and nothing changes', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await addMember(page, 'Bob');
  await nav(page, 'Members');
  await page.getByRole('link', { name: 'Ann' }).click();
  await page.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Ann’s details' })).toBeVisible();
  await page.getByLabel('Phone').fill('01632 960123');
  await page.getByLabel('Neighbourhood').fill('Riverside');
  await page.getByLabel('What they can offer').fill('Gardening, dog walking');
  await page.getByLabel('Member number').fill('3');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'member-edit');
  await page.getByRole('button', { name: 'Save details' }).click();
  const number = page.getByLabel('Member number');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'Member number 3 already belongs to Bob.' })).toBeVisible();

  // Nothing was written: Ann's page is as it was.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();
  await expect(page.getByText('Gardening, dog walking')).toHaveCount(0);

  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByLabel('Phone').fill('01632 960123');
  await page.getByLabel('What they can offer').fill('Gardening, dog walking');
  await page.getByLabel('Member number').fill('12');
  await page.getByLabel('Role').selectOption({ label: 'Coordinator' });
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 12)' })).toBeVisible();
  await expect(page.getByRole('link', { name: '01632 960123' })).toBeVisible();
  await expect(page.getByText('Gardening, dog walking')).toBeVisible();
  await page.reload();
  await nav(page, 'Members');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ann' })).toContainText(/coordinator/i);
  // The directory finds her by what she offers.
  await page.getByLabel('Search by name, number or what they offer').fill('dog');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('listitem')).toContainText('Ann');
});

test('an applicant waits on the coordinator page until approved, then can take part', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Members');
  await page.getByLabel('Name', { exact: true }).fill('Dee');
  await page.getByLabel('Add as an applicant, to approve later').check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Dee' })).toContainText('applicant');
  // Not yet someone an exchange can be recorded with.
  await nav(page, 'Record');
  await expect(page.getByLabel('2. Who received it?').getByRole('option', { name: 'Dee (No. 2)' })).toHaveCount(0);

  await nav(page, 'Coordinator');
  const applicants = page.getByRole('region', { name: 'Applicants waiting for approval' });
  await expect(applicants.getByRole('listitem')).toHaveCount(1);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'applicants');
  await applicants.getByRole('button', { name: 'Approve Dee' }).click();
  await expect(applicants).toContainText('Nobody is waiting for approval.');
  await nav(page, 'Record');
  await expect(page.getByLabel('2. Who received it?').getByRole('option', { name: 'Dee (No. 2)' })).toHaveCount(1);
});
