// The community fund, at 360 px: a coordinator records hours bought with
// cash (how long, the amount, the receipt, who paid), the fund gives an
// hour to each of two members through the record form, and a member leaves
// with a balance that the fund takes; the fund's balance and statement say
// all of it, in English and in French.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  expectTapTargets,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

const balance = (page) => page.getByTestId('fund-balance');
const statement = (page) => page.getByRole('region', { name: 'The fund’s statement' }).getByRole('row');

async function toFund(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Community fund' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community fund' })).toBeVisible();
}

test('hours bought with cash, given by the fund to a group, and settled when a member leaves, add up in the fund', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  for (const name of ['Ann', 'Bob', 'Cat']) await addMember(page, name);
  await toFund(page);
  await expect(balance(page)).toHaveText('0 minutes');
  await expect(page.getByText('Nothing has gone through the fund yet.')).toBeVisible();

  // Each mistake is said next to what to fix, and nothing is saved.
  const buy = page.getByRole('region', { name: 'Hours bought with cash' });
  await buy.getByRole('button', { name: 'Save the purchase' }).click();
  await expect(buy.getByRole('alert')).toHaveText('Choose a member');
  await expect(buy.getByLabel('For which member')).toBeFocused();
  await buy.getByLabel('For which member').selectOption({ label: 'Ann (No. 2)' });
  await buy.getByLabel('How long, in hours').fill('3');
  await buy.getByLabel('Amount paid, in pounds').fill('fifteen');
  await buy.getByRole('button', { name: 'Save the purchase' }).click();
  await expect(buy.getByRole('alert')).toHaveText('Write the amount paid in pounds, like 12.50.');
  await expect(buy.getByLabel('Amount paid, in pounds')).toBeFocused();
  await buy.getByLabel('Amount paid, in pounds').fill('£15');
  await buy.getByRole('button', { name: 'Save the purchase' }).click();
  await expect(buy.getByRole('alert')).toHaveText('Write the receipt\'s number, so the cash can be matched to these hours.');
  await expect(buy.getByLabel('Receipt number')).toBeFocused();
  await expect(balance(page)).toHaveText('0 minutes');
  await buy.getByLabel('Receipt number').fill('R-101');
  await buy.getByLabel('Paid by, if someone else paid (optional)').fill('Ann’s daughter');
  await buy.getByRole('button', { name: 'Save the purchase' }).click();
  await expect(buy.getByRole('status')).toHaveText('Done. Ann has 3 hours more, bought for £15.00 (receipt R-101).');
  await expect(balance(page)).toHaveText('-3 hours');
  await expect(statement(page)).toHaveCount(2);
  await expect(statement(page).nth(1)).toContainText('Hours bought for £15.00 by Ann’s daughter, receipt R-101');

  // The fund pays an hour to each of two members who helped at a litter
  // pick, from the record form: they gave the help, the fund received it.
  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Bob (No. 3)' });
  await page.getByRole('button', { name: 'Add another person who gave' }).click();
  await page.getByLabel('Also gave the help (2)').selectOption({ label: 'Cat (No. 4)' });
  await page.getByLabel('2. Who received it?').selectOption({ label: 'Community fund' });
  await page.getByLabel('How long, in hours').fill('1');
  await page.getByLabel('What was done (optional)').fill('Litter pick');
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

  // Cat gives half an hour back to the fund (she has no phone: the
  // coordinator records it).
  await toFund(page);
  await expect(balance(page)).toHaveText('-5 hours');
  const give = page.getByRole('region', { name: 'A member gives hours to the fund' });
  await give.getByLabel('Who gives them').selectOption({ label: 'Cat (No. 4)' });
  await give.getByLabel('How long, in hours').fill('0:30');
  await give.getByRole('button', { name: 'Give the hours' }).click();
  await expect(give.getByRole('status')).toHaveText('Done. Cat gave 30 minutes to the community fund.');
  await expect(balance(page)).toHaveText('-4 hours 30 minutes');

  // Ann leaves with her 3 hours: asked first, they go to the fund.
  await nav(page, 'Members');
  await page.getByRole('main').getByRole('link', { name: /^Ann/ }).first().click();
  await page.getByLabel('Membership').selectOption({ label: 'Left' });
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await expect(page.getByText('Ann has 3 hours. Leaving gives them to the community fund, and Ann is marked as left. Go ahead?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yes, mark as left' })).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Yes, mark as left' }).click();
  await expect(page.getByTestId('member-balance')).toHaveText('0 minutes');
  await expect(page.getByLabel('Membership')).toHaveValue('left');

  await toFund(page);
  // -3 (bought) -2 (paid) +0:30 (given) +3 (Ann's, on leaving).
  await expect(balance(page)).toHaveText('-1 hour 30 minutes');
  await expect(statement(page)).toHaveCount(6);
  await expect(statement(page).nth(1)).toContainText('Given to the community fund');
  await expect(statement(page).nth(1)).toContainText('Ann');
  await expect(statement(page).filter({ hasText: 'Litter pick' })).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await expectTapTargets(page);
  await saveScreenshot(page, 'fund');

  // In French, what the ledger keeps as facts is said in French.
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await expect(page.getByRole('heading', { level: 1, name: 'Fonds commun' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Relevé du fonds' })).toContainText('Heures achetées pour 15,00\u00a0£ par Ann’s daughter, reçu R-101');
  await expect(page.getByRole('region', { name: 'Relevé du fonds' })).toContainText('Donné au fonds commun');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'fund-fr');
  expect(problems).toEqual([]);
});
