// Coordinator mode on a shared tablet: changes wait for the device PIN.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test('a shared tablet asks for the PIN before any change, and locks again after a reload', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  const tablet = page.getByRole('region', { name: 'Shared tablet' });
  await tablet.getByLabel('New PIN (4 to 8 digits)').fill('24');
  await tablet.getByRole('button', { name: 'Ask for this PIN' }).click();
  await expect(tablet.getByText('A PIN is 4 to 8 digits.')).toBeVisible();
  await tablet.getByLabel('New PIN (4 to 8 digits)').fill('2468');
  await tablet.getByLabel('The same PIN again').fill('2469');
  await tablet.getByRole('button', { name: 'Ask for this PIN' }).click();
  await expect(tablet.getByText('The two PINs are not the same.')).toBeVisible();
  await tablet.getByLabel('The same PIN again').fill('2468');
  await tablet.getByRole('button', { name: 'Ask for this PIN' }).click();
  await expect(tablet.getByRole('status')).toHaveText('This tablet now asks for the PIN before changes.');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Lock now' }).click();

  // Locked: coordinator pages are out of reach and a change is refused.
  await expect(page.getByText('This is a shared tablet: changes wait for the coordinator’s PIN.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Needs attention' })).toHaveCount(0);
  // Pages offer no coordinator's action that would then be refused.
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann (No. 2)' })).toBeVisible();
  await expect(page.getByLabel('Membership')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Every exchange of Ann' })).toHaveCount(0);
  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('How long, in hours').fill('30 min');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Only a coordinator' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'shared-tablet-locked');

  await page.getByLabel('Coordinator PIN').fill('1111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That PIN is not right.' })).toBeVisible();
  await page.getByLabel('Coordinator PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Coordinator mode is unlocked on this shared tablet.')).toBeVisible();
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

  await page.reload();
  await expect(page.getByText('This is a shared tablet: changes wait for the coordinator’s PIN.')).toBeVisible();
  // The PIN itself is nowhere in storage.
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
  expect(stored).not.toContain('2468');
});

test('five wrong PINs make the tablet wait', async ({ page }) => {
  await createTimebank(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  const tablet = page.getByRole('region', { name: 'Shared tablet' });
  await tablet.getByLabel('New PIN (4 to 8 digits)').fill('9876');
  await tablet.getByLabel('The same PIN again').fill('9876');
  await tablet.getByRole('button', { name: 'Ask for this PIN' }).click();
  await page.getByRole('button', { name: 'Lock now' }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Coordinator PIN').fill('0000');
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Too many wrong PINs: try again in 30 seconds.' })).toBeVisible();
  // Even the right PIN waits now.
  await page.getByLabel('Coordinator PIN').fill('9876');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' })).toBeVisible();
  await expect(page.getByText('This is a shared tablet: changes wait for the coordinator’s PIN.')).toBeVisible();
});
