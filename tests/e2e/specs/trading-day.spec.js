// Trading-day mode: a coordinator enters ten paper slips in a row by member
// number, each saved on Enter, and checks the end-of-day summary against
// the paper tally.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

// Slip number, who gave (member number), who received, hours as written.
const SLIPS = [
  ['101', 2, 3, '1'],
  ['102', 3, 4, '1.5'],
  ['103', 4, 2, '0:30'],
  ['104', 2, 4, '2'],
  ['105', 3, 2, '1'],
  ['106', 4, 3, '0.25'],
  ['107', 2, 3, '1:15'],
  ['108', 3, 4, '3'],
  ['109', 4, 2, '1'],
  ['110', 2, 3, '0.5'],
];

/** Types one slip by keyboard from the slip number field, and saves it with Enter. */
async function typeSlip(page, [number, giver, receiver, hours]) {
  await page.keyboard.type(number);
  for (const value of [giver, receiver, hours]) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(value));
  }
  await page.keyboard.press('Enter');
}

/** Minutes of an hours text as the paper shows it. */
function minutes(hours) {
  if (hours.includes(':')) {
    const [h, m] = hours.split(':').map(Number);
    return h * 60 + m;
  }
  return Math.round(Number(hours) * 60);
}

test('ten slips entered one after another add up to the paper tally', async ({ page }) => {
  const problems = watchConsole(page);
  await createTimebank(page);
  for (const name of ['Ann', 'Bob', 'Cat']) await addMember(page, name);
  await nav(page, 'Trading day');
  await expect(page.getByRole('heading', { level: 1, name: 'Trading day' })).toBeVisible();

  // Keyboard only: type each slip's fields, Enter saves, focus returns to
  // the slip number for the next one.
  await page.getByLabel('Slip number (optional)').focus();
  for (const slip of SLIPS) {
    await expect(page.getByLabel('Slip number (optional)')).toBeFocused();
    await typeSlip(page, slip);
    await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toBeVisible();
  }

  const total = SLIPS.reduce((sum, slip) => sum + minutes(slip[3]), 0);
  expect(total).toBe(12 * 60);
  const summary = page.getByRole('region', { name: 'End of day summary' });
  await expect(summary).toContainText('Slips counted: 10');
  await expect(summary).toContainText('Total time: 12 hours');

  // Per member, given and received, worked out here from the slips.
  const names = { 2: 'Ann', 3: 'Bob', 4: 'Cat' };
  const perMember = page.getByRole('region', { name: 'Totals per member' });
  for (const [number, name] of Object.entries(names)) {
    const given = SLIPS.filter((s) => s[1] === Number(number)).reduce((a, s) => a + minutes(s[3]), 0);
    const received = SLIPS.filter((s) => s[2] === Number(number)).reduce((a, s) => a + minutes(s[3]), 0);
    const row = perMember.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(words(given));
    await expect(row.getByRole('cell').nth(1)).toHaveText(words(received));
  }
  const list = page.getByRole('region', { name: 'Slips entered' });
  await expect(list.getByRole('row')).toHaveCount(11);
  await expect(list.getByRole('row').nth(1)).toContainText('110');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'trading-day');

  // Still there after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'End of day summary' })).toContainText('Slips counted: 10');
  expect(problems).toEqual([]);
});

test('a slip naming an unknown member or no hours is refused next to the field and saves nothing', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await nav(page, 'Trading day');
  await page.getByLabel('Who gave: member number').fill('2');
  await page.getByLabel('Who received: member number').fill('99');
  await page.getByLabel('How long, in hours').fill('');
  await page.getByRole('button', { name: 'Save slip' }).click();
  const receiver = page.getByLabel('Who received: member number');
  await expect(receiver).toHaveAttribute('aria-invalid', 'true');
  await expect(receiver).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'No active member has number 99.' })).toBeVisible();
  // The number typed for who gave shows whose it is, before saving.
  await expect(page.getByText('Ann', { exact: true })).toBeVisible();
  await expect(page.getByLabel('How long, in hours')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No slips for this day yet.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'trading-day-errors');
});

test('a slip entered twice is caught before it is saved, and saved only if saved again', async ({ page }) => {
  await createTimebank(page);
  for (const name of ['Ann', 'Bob']) await addMember(page, name);
  await nav(page, 'Trading day');
  const enter = async (number, giver, receiver, hours) => {
    await page.getByLabel('Slip number (optional)').fill(number);
    await page.getByLabel('Who gave: member number').fill(giver);
    await page.getByLabel('Who received: member number').fill(receiver);
    await page.getByLabel('How long, in hours').fill(hours);
    await page.getByLabel('How long, in hours').press('Enter');
  };
  await enter('105', '2', '3', '1');
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toBeVisible();
  const slipNumber = page.getByLabel('Slip number (optional)');
  // Typing the same number says so at once...
  await slipNumber.fill('105');
  await expect(page.locator('#slip-number-hint')).toHaveText(/^Slip 105 is already entered: Ann.* gave Bob.* 1 hour on \d+ \w+ \d{4}\.$/);
  // ...and saving it asks to save again, at the field, saving nothing yet.
  await enter('105', '2', '3', '1');
  await expect(page.locator('#slip-number-error')).toContainText('Save again to enter it a second time.');
  await expect(slipNumber).toBeFocused();
  await expect(slipNumber).toHaveAttribute('aria-invalid', 'true');
  const summary = page.getByRole('region', { name: 'End of day summary' });
  await expect(summary).toContainText('Slips counted: 1');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'trading-day-slip-twice');
  // Saved again: entered a second time, and the queue says so.
  await slipNumber.press('Enter');
  await expect(summary).toContainText('Slips counted: 2');
  await nav(page, 'Coordinator');
  await expect(page.getByText('Paper slip 105 was entered 2 times, on the same device.')).toBeVisible();
  await expect(page.getByText(/different devices/)).toHaveCount(0);
  // Another number is entered at once.
  await nav(page, 'Trading day');
  await enter('106', '3', '2', '0.5');
  await expect(summary).toContainText('Slips counted: 3');
});

/** Minutes in the words the app uses. */
function words(total) {
  const h = Math.floor(total / 60);
  const m = total % 60;
  const parts = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : '0 minutes';
}

test('on a tablet in landscape, the page opens in the first field, each saved slip and the totals stay in view, and the summary says whose day it was', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await createTimebank(page);
  for (const name of ['Ann', 'Bob', 'Cat']) await addMember(page, name);
  await nav(page, 'Trading day');
  const slipNumber = page.getByLabel('Slip number (optional)');
  await expect(slipNumber).toBeFocused();
  const inView = async (locator, what) => {
    const box = await locator.boundingBox();
    expect(box, what).not.toBeNull();
    expect(box.y, `${what} starts below the top`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${what} ends within 768 px`).toBeLessThanOrEqual(768);
  };
  const summary = page.getByRole('region', { name: 'End of day summary' });
  for (const slip of SLIPS.slice(0, 4)) {
    const number = slip[0];
    await expect(slipNumber).toBeFocused();
    await typeSlip(page, slip);
    const saved = page.getByRole('status').filter({ hasText: `Saved:` });
    await expect(saved).toBeVisible();
    await expect(slipNumber).toBeFocused();
    expect(await page.evaluate(() => window.scrollY), 'the page did not scroll').toBe(0);
    await inView(saved, `slip ${number}'s confirmation`);
    await inView(summary, 'the end-of-day totals');
  }
  await expect(summary).toContainText('Slips counted: 4');
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(page.getByTestId('end-of-day-for'))
    .toHaveText(`Riverside Timebank, trading day of ${today}, slips entered by Cora`);
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'trading-day-tablet');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('end-of-day-for')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Enter a slip' })).toBeHidden();
  await saveScreenshot(page, 'trading-day-printed');
});
