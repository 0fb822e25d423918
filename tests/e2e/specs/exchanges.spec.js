// A coordinator finds any exchange, at 360 px: every exchange newest first,
// a page at a time; narrowed down by member, dates, category, status, how
// it was recorded, paper slip number and words; the filter kept in the
// address (reloaded, it is still there); each line leads to its exchange,
// whose people lead to their pages. A member sees only their own.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  expectTapTargets,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank } from '../support/flows.js';

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

const MEMBERS = [
  'name,number,status',
  'Ann Baker,10,active',
  'Bob Carter,11,active',
  'Cat Dunn,13,active',
].join('\n');

// 60 garden mornings Ann gave Bob, one a day back from 30 October; a meal
// Cat cooked for Ann on paper slip S-7; a hem Cat took up for Bob on S-8.
const GARDEN = Array.from({ length: 60 }, (_, k) => {
  const day = new Date(Date.UTC(2026, 9, 30 - k)).toISOString().slice(0, 10);
  return `${day},11,10,1,Garden morning ${k + 1},,`;
});
const EXCHANGES = [
  'date,received_by,given_by,hours,description,category,slip',
  ...GARDEN,
  '2026-10-31,10,13,2,Cooked a meal,Cooking,S-7',
  '2026-11-02,11,13,0.5,Took up a hem,,S-8',
].join('\n');

const list = (page) => page.locator('table.exchanges-table').getByRole('row');
const summary = (page) => page.getByTestId('exchanges-summary');

async function checkScreen(page, name) {
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await expectTapTargets(page);
  await saveScreenshot(page, name);
}

test('a coordinator finds any exchange by member, date, slip or words, a page at a time, and the address keeps it', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  await nav(page, 'Spreadsheets');
  await page.getByRole('region', { name: 'Bring in members' }).getByLabel('Choose a CSV file')
    .setInputFiles(csv('members.csv', MEMBERS));
  await expect(page.getByRole('region', { name: 'Bring in members' }).getByRole('status')).toContainText('Added 3');
  const exchanges = page.getByRole('region', { name: 'Bring in exchanges' });
  await exchanges.getByLabel('Choose a CSV file').setInputFiles(csv('exchanges.csv', EXCHANGES));
  await expect(exchanges.getByRole('status')).toContainText('62');

  // Reached from More, and from the coordinator's sub-menu.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Exchanges' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchanges' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Coordinator' }).getByRole('link', { name: 'Exchanges' }))
    .toHaveAttribute('aria-current', 'page');

  // Newest first, fifty to a page.
  await expect(summary(page)).toHaveText('Exchanges 1 to 50 of 62.');
  await expect(list(page)).toHaveCount(51);
  await expect(list(page).nth(1)).toContainText('Took up a hem');
  await expect(list(page).nth(2)).toContainText('Cooked a meal');
  await expect(list(page).nth(3)).toContainText('Garden morning 1');
  await checkScreen(page, 'exchanges-all');
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/exchanges\?page=2$/);
  await expect(summary(page)).toHaveText('Exchanges 51 to 62 of 62.');
  await expect(list(page)).toHaveCount(13);
  await expect(list(page).last()).toContainText('Garden morning 60');
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(summary(page)).toHaveText('Exchanges 1 to 50 of 62.');

  // One member's exchanges: the address keeps the choice, a reload too.
  await page.getByLabel('Member who gave or received').selectOption({ label: 'Cat Dunn (No. 13)' });
  await page.getByRole('button', { name: 'Show exchanges' }).click();
  await expect(page).toHaveURL(/\/exchanges\?member=[0-9a-f]+$/);
  await expect(summary(page)).toHaveText('Exchanges 1 to 2 of 2.');
  for (const row of await list(page).all()) {
    if (await row.getByRole('cell').count()) await expect(row).toContainText('Cat Dunn');
  }
  const address = page.url();
  await page.reload();
  await expect(summary(page)).toHaveText('Exchanges 1 to 2 of 2.');
  await expect(page.getByLabel('Member who gave or received')).toHaveValue(/^[0-9a-f]+$/);
  await checkScreen(page, 'exchanges-by-member');

  // Dates, both included, with a category: October's cooking.
  await page.getByLabel('From (date)').fill('2026-10-01');
  await page.getByLabel('To (date)').fill('2026-10-31');
  await page.getByLabel('Category').selectOption({ label: 'Cooking' });
  await page.getByRole('button', { name: 'Show exchanges' }).click();
  await expect(summary(page)).toHaveText('Exchanges 1 to 1 of 1.');
  await expect(list(page).nth(1)).toContainText('Cooked a meal');

  // Start again; a slip number finds its exchange, which the line leads to.
  await page.getByRole('link', { name: 'Clear the filter' }).click();
  await expect(page).toHaveURL(/\/exchanges$/);
  await expect(summary(page)).toHaveText('Exchanges 1 to 50 of 62.');
  await page.getByLabel('Paper slip number').fill('S-8');
  await page.getByLabel('Paper slip number').press('Enter');
  await expect(page).toHaveURL(/\/exchanges\?slip=S-8$/);
  await expect(summary(page)).toHaveText('Exchanges 1 to 1 of 1.');
  await list(page).nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Took up a hem');
  await page.getByRole('main').getByRole('link', { name: 'Cat Dunn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cat Dunn (No. 13)' })).toBeVisible();
  // A member's page leads to all of their exchanges.
  await page.getByRole('link', { name: 'Every exchange of Cat Dunn' }).click();
  await expect(page).toHaveURL(address);
  await expect(summary(page)).toHaveText('Exchanges 1 to 2 of 2.');

  // Words in the description, any case; how it was recorded; where it stands.
  await page.goto('/exchanges?q=GARDEN%20MORNING%201');
  await expect(summary(page)).toHaveText('Exchanges 1 to 11 of 11.');
  await page.goto('/exchanges?channel=slip&status=confirmed');
  await expect(summary(page)).toHaveText('Exchanges 1 to 2 of 2.');
  await expect(page.getByLabel('How it was recorded')).toHaveValue('slip');
  await page.goto('/exchanges?status=pending');
  await expect(summary(page)).toHaveText('No exchange matches. Try fewer filters.');

  // An address with a date that cannot be read says so and shows the rest.
  await page.goto('/exchanges?from=2026-13-45&slip=S-7');
  await expect(page.getByRole('alert').filter({ hasText: 'The “from” date could not be read' })).toBeVisible();
  await expect(summary(page)).toHaveText('Exchanges 1 to 1 of 1.');
  expect(problems).toEqual([]);
});
