// What a person does again and again, written once: move between pages,
// set up a timebank, add members, record an exchange.
import { expect } from '@playwright/test';

// Pages reached through "More" rather than the main navigation, by the name
// of their link there.
const UNDER_MORE = {
  Backup: 'Backup and sharing',
  Coordinator: 'Needs attention',
  'Trading day': 'Trading day',
  Spreadsheets: 'Spreadsheets',
  Sync: 'Sync between devices',
};

/** Goes to a page by the main navigation (through "More" for the rest). */
export async function nav(page, name) {
  const main = page.getByRole('navigation', { name: 'Main' });
  if (UNDER_MORE[name]) {
    await main.getByRole('link', { name: 'More' }).click();
    await page.getByRole('main').getByRole('link', { name: UNDER_MORE[name] }).click();
  } else {
    await main.getByRole('link', { name }).click();
  }
}

/** Creates a timebank from the start page; its founder uses this device. */
export async function createTimebank(page, name = 'Riverside Timebank', founder = 'Cora') {
  await page.goto('/create');
  await page.getByLabel('Name of the timebank').fill(name);
  await page.getByLabel('Your name').fill(founder);
  await page.getByRole('button', { name: 'Create the timebank' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Adds an active member from the members page. */
export async function addMember(page, name) {
  await nav(page, 'Members');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Done. ${name}` })).toBeVisible();
}

/** Records that `giver` helped `receiver` for `minutes`, on `day` if given. */
export async function record(page, giver, receiver, minutes, day) {
  await nav(page, 'Record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: giver });
  await page.getByLabel('2. Who received it?').selectOption({ label: receiver });
  await page.getByLabel('How long, in hours').fill(`${minutes} min`);
  if (day) await page.getByLabel('Date of the help').fill(day);
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
}

/** On a member's own phone (the form starts from them): records that they
 * helped `other` (`helped`: true) or that `other` helped them, for `minutes`.
 * Resolves once saved, unless `expectSaved` is false. */
export async function recordMine(page, helped, other, minutes, { expectSaved = true } = {}) {
  await nav(page, 'Record');
  await page.getByLabel(helped ? 'I helped someone' : 'Someone helped me').check();
  await page.getByLabel(helped ? '2. Who did you help?' : '2. Who helped you?').selectOption({ label: other });
  await page.getByLabel('How long, in hours').fill(`${minutes} min`);
  await page.getByRole('button', { name: 'Save the exchange' }).click();
  if (expectSaved) await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
}

/** Every page address of the app, given a member's and an exchange's
 * (as the app's own links name them). */
export function everyAddress(member, exchange) {
  return [
    '/', '/members', '/members/list', member, `${member}/edit`, '/spreadsheets', '/events', '/offers',
    '/record', '/backup', '/coordinator', '/exchanges', '/fund', '/print', exchange, '/settings', '/trading-day', '/reports',
    '/devices', '/join', '/create', '/open', '/about', '/more',
  ];
}
