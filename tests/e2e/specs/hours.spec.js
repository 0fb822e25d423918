// How long, as people say and write it: the record form and trading day
// take hours as a decimal or h:mm, and minutes with "min"; the form says in
// words what it understood before anything is saved, the quick buttons add
// up, and what it cannot take is said at the field, in English and French,
// on a 360 px phone with the largest text.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test.use({ viewport: { width: 360, height: 780 } });

const understood = [
  ['1.5', 'That is 1 hour 30 minutes.'],
  ['1,5', 'That is 1 hour 30 minutes.'],
  ['1:30', 'That is 1 hour 30 minutes.'],
  ['90 min', 'That is 1 hour 30 minutes.'],
  ['1 h 30', 'That is 1 hour 30 minutes.'],
  ['1h30', 'That is 1 hour 30 minutes.'],
  ['2 hours', 'That is 2 hours.'],
  ['45 min', 'That is 45 minutes.'],
  ['0.25', 'That is 15 minutes.'],
];

async function balanceOf(page, name) {
  await nav(page, 'Members');
  return page.getByRole('main').getByRole('listitem').filter({ hasText: name }).first().innerText();
}

test('the record form takes hours as people write them and says what it understood', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  await nav(page, 'Record');
  const howLong = page.getByLabel('How long, in hours');
  const hint = page.locator('#how-long-hint');
  await expect(hint).toHaveText('For example 1.5, 1:30 or 90 min.');
  for (const [written, words] of understood) {
    await howLong.fill(written);
    await expect(hint, written).toHaveText(words);
  }
  // The quick buttons add to what is there, and show the sum.
  await howLong.fill('');
  await page.getByRole('button', { name: 'Add 1 hour' }).click();
  await page.getByRole('button', { name: 'Add 30 min' }).click();
  await expect(howLong).toHaveValue('1 h 30 min');
  await expect(hint).toHaveText('That is 1 hour 30 minutes.');
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'record-how-long');

  // A slip's "90" meant minutes: said at the field, and nothing is saved.
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await howLong.fill('90');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.locator('#how-long-error')).toHaveText('90 hours is more than a day. Did you mean 90 min?');
  await expect(howLong).toHaveAttribute('aria-invalid', 'true');
  await expect(howLong).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'record-how-long-refused');
  for (const [written, message] of [
    ['soon', 'Write how long in hours, for example 1.5 or 1:30, or in minutes, for example 90 min.'],
    ['0', 'How long must be more than nothing.'],
  ]) {
    await howLong.fill(written);
    await page.getByRole('button', { name: 'Save the exchange' }).click();
    await expect(page.locator('#how-long-error'), written).toHaveText(message);
  }
  expect(await balanceOf(page, 'Ann')).toContain('0 minutes');

  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('How long, in hours').fill('1 h 30');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toContainText('Ann: 1 hour 30 minutes.');
  expect(await balanceOf(page, 'Ann')).toContain('1 hour 30 minutes');

  // Trading day takes the same, and says so under its field.
  await nav(page, 'Trading day');
  await page.getByLabel('How long, in hours').fill('45 min');
  await expect(page.locator('#slip-hours-hint')).toHaveText('That is 45 minutes.');
  await page.getByLabel('Who gave: member number').fill('2');
  await page.getByLabel('Who received: member number').fill('1');
  await page.getByLabel('How long, in hours').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('45 minutes');
  await expectNoSidewaysScroll(page);

  // In French, with a decimal comma.
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Noter' }).click();
  await page.getByLabel('Durée, en heures').fill('1,5');
  await expect(page.locator('#how-long-hint')).toHaveText('Soit 1 heure 30 minutes.');
  await page.getByLabel('1. Qui a donné l’aide ?').selectOption({ label: 'Ann (N° 2)' });
  await page.getByLabel('2. Qui l’a reçue ?').selectOption({ label: 'Cora (N° 1)' });
  await page.getByLabel('Durée, en heures').fill('90');
  await page.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(page.locator('#how-long-error')).toHaveText(
    '90 heures, c’est plus d’une journée. Vouliez-vous dire 90 min ?');
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
});
