// A coordinator changes the timebank's rules; the app follows them.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test('a coordinator raises the lowest balance and the record screen warns from the new limit', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('storage-used')).toHaveText(/Riverside Timebank takes [\d.]+ KB\./);
  await expect(page.getByLabel('Lowest balance a member may reach, in hours')).toHaveValue('-10');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'settings');

  // Bad input is refused plainly and changes nothing.
  await page.getByLabel('Lowest balance a member may reach, in hours').fill('lots');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write a number here.' })).toBeVisible();
  await page.getByLabel('Lowest balance a member may reach, in hours').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'lowest balance must be zero or below' })).toBeVisible();

  await page.getByLabel('Lowest balance a member may reach, in hours').fill('-2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Lowest balance a member may reach, in hours')).toHaveValue('-2');

  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Cora (No. 1)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Ann (No. 2)' });
  await page.getByLabel('How long, in hours').fill('180 min');
  await expect(page.getByText('This takes Ann below their lowest balance.')).toBeVisible();
});

test('a coordinator adds a category of help and it is offered when recording', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Coordinator');
  await page.getByRole('link', { name: 'Settings' }).click();
  const categories = page.getByLabel('Categories of help, one per line');
  await expect(categories).toHaveValue(/Home and garden/);
  await categories.fill('Home and garden\n\nPet care\nhome and garden\n');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Categories of help, one per line')).toHaveValue('Home and garden\nPet care');
  await nav(page, 'Record');
  await expect(page.getByLabel('Category').getByRole('option')).toHaveText(['No category', 'Home and garden', 'Pet care']);
});

test('settings say whether the browser keeps the data, and can ask again', async ({ page }) => {
  await createTimebank(page);
  await page.goto('/settings');
  const kept = page.getByTestId('persisted');
  const answers = /^(This browser keeps Tally's data until you delete it\.|This browser may delete Tally's data if the device runs short of space\. .*)$/;
  await expect(kept).toHaveText(answers);
  if ((await kept.innerText()).startsWith('This browser may delete')) {
    await page.getByRole('button', { name: 'Ask the browser to keep Tally\'s data' }).click();
    await expect(kept).toHaveText(answers);
  }
  await expect(page.getByText(/^There is plenty of room for Tally on this device: .* used of about .*\.$/)).toBeVisible();
});

test('a coordinator renames the timebank, counts cash in euros, and a new device opens it in French', async ({ browser, page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  await addMember(page, 'Ann');
  await page.goto('/settings');
  const details = page.getByRole('form', { name: 'The timebank' });
  await details.getByLabel('Name of the timebank').fill('');
  await details.getByRole('button', { name: 'Save the changes' }).click();
  await expect(details.getByRole('alert')).toHaveText('The name cannot be empty.');
  await expect(details.getByLabel('Name of the timebank')).toBeFocused();
  await details.getByLabel('Name of the timebank').fill('Banque du Quartier');
  await details.getByLabel('Currency of cash amounts').selectOption({ label: 'euros (€)' });
  await details.getByLabel('Language of a new device (until its user chooses one)').selectOption({ label: 'Français' });
  await details.getByRole('button', { name: 'Save the changes' }).click();
  // Nobody chose a language on this device: it follows the timebank's.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('form', { name: 'La banque de temps' }).getByRole('status')).toHaveText('C’est fait.');
  // Once its person chooses English, their choice stands.
  await page.locator('#language-picker').selectOption({ label: 'English' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Value of an hour for reports, in euros')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await nav(page, 'Home');
  await expect(page.getByRole('heading', { level: 1, name: 'Banque du Quartier' })).toBeVisible();

  // Cash is counted in euros.
  await page.goto('/fund');
  const buy = page.getByRole('region', { name: 'Hours bought with cash' });
  await buy.getByLabel('For which member').selectOption({ label: 'Ann (No. 2)' });
  await buy.getByLabel('How long, in hours').fill('1');
  await buy.getByLabel('Amount paid, in euros').fill('8,50 €');
  await buy.getByLabel('Receipt number').fill('R-1');
  await buy.getByRole('button', { name: 'Save the purchase' }).click();
  await expect(buy.getByRole('status')).toHaveText('Done. Ann has 1 hour more, bought for €8.50 (receipt R-1).');

  // A new device with no language chosen opens it in French.
  await nav(page, 'Backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the timebank file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Banque-du-Quartier/);
  const file = testInfo.outputPath('quartier.tally');
  await download.saveAs(file);
  const other = await browser.newContext({ baseURL: process.env.TALLY_URL, viewport: { width: 360, height: 780 } });
  const b = await other.newPage();
  await b.goto('/open');
  await b.getByLabel('Timebank file').setInputFiles(file);
  await expect(b.getByRole('heading', { level: 1, name: 'Qui utilise cet appareil\u00a0?' })).toBeVisible();
  await expect(b.locator('html')).toHaveAttribute('lang', 'fr');
  await other.close();
});
