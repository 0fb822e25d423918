// A coordinator brings members and exchanges in from a spreadsheet, takes
// them out again, and prints the members list for people without a phone.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank } from '../support/flows.js';

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

const MEMBERS_WITH_MISTAKES = [
  'name,number,phone,neighbourhood,offers,status,balance',
  'Ann Baker,10,01632 960001,Riverside,Baking,active,2.5',
  'Bob Carter,11,,Hilltop,Lifts,active,lots',
  ',12,,,,active,',
  'Cat Dunn,13,,Riverside,Sewing,sleeping,',
].join('\n');

const MEMBERS = [
  'name,number,phone,neighbourhood,offers,status,balance',
  'Ann Baker,10,01632 960001,Riverside,Baking,active,2.5',
  'Bob Carter,11,,Hilltop,Lifts,active,-1:30',
  'Cat Dunn,13,,Riverside,Sewing,active,',
].join('\n');

const EXCHANGES = [
  'date,received_by,given_by,hours,description',
  '2026-11-01,11,10,1.5,Bread for the week',
  '2026-11-02,10,13,1,Took up a hem',
].join('\n');

test('a spreadsheet with mistakes is refused line by line; once fixed everything comes in', async ({ page }) => {
  const problems = watchConsole(page);
  await createTimebank(page);
  await nav(page, 'Spreadsheets');
  await expect(page.getByRole('heading', { level: 1, name: 'Spreadsheets' })).toBeVisible();

  const members = page.getByRole('region', { name: 'Bring in members' });
  await members.getByLabel('Choose a CSV file').setInputFiles(csv('members.csv', MEMBERS_WITH_MISTAKES));
  const refusal = members.getByRole('alert');
  await expect(refusal).toContainText('Nothing was imported: 3 lines need fixing first.');
  await expect(refusal.getByRole('listitem')).toHaveCount(3);
  await expect(refusal.getByRole('listitem').nth(0)).toContainText('Line 3:');
  await expect(refusal.getByRole('listitem').nth(2)).toContainText('Line 5:');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'spreadsheets-import-refused');
  await nav(page, 'Members');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);

  await nav(page, 'Spreadsheets');
  await members.getByLabel('Choose a CSV file').setInputFiles(csv('members.csv', MEMBERS));
  await expect(members.getByRole('status')).toHaveText('Added 3 members, with 2 opening balances.');
  const exchanges = page.getByRole('region', { name: 'Bring in exchanges' });
  await exchanges.getByLabel('Choose a CSV file').setInputFiles(csv('exchanges.csv', EXCHANGES));
  await expect(exchanges.getByRole('status')).toHaveText('Added 2 exchanges.');

  // Balances: opening balance plus what was exchanged.
  await nav(page, 'Members');
  const row = (name) => page.getByRole('main').getByRole('listitem').filter({ hasText: name });
  await expect(row('Ann Baker')).toContainText('3 hours');
  await expect(row('Bob Carter')).toContainText('-3 hours');
  await expect(row('Cat Dunn')).toContainText('1 hour');

  // Out again: the exchanges file lists both, by member number.
  await nav(page, 'Spreadsheets');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the exchanges (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Riverside-Timebank-exchanges-\d{4}-\d\d-\d\d\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text).toContain('Bread for the week');
  expect(text).toContain('Took up a hem');
  expect(problems).toEqual([]);
});

test('the printable members list has everyone active, by number, and prints without the app around it', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Spreadsheets');
  await page.getByRole('region', { name: 'Bring in members' })
    .getByLabel('Choose a CSV file').setInputFiles(csv('members.csv', MEMBERS));
  await nav(page, 'Members');
  await page.getByRole('link', { name: 'Printable members list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members list' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('Cora');
  await expect(rows.nth(2)).toContainText('Ann Baker');
  await expect(rows.nth(2)).toContainText('01632 960001');
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print this list' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await saveScreenshot(page, 'members-list-print');
});

test('in French, every bad line of an import is explained in French', async ({ page }) => {
  await createTimebank(page);
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.goto('/spreadsheets');
  const members = page.getByRole('region', { name: 'Importer des membres' });
  await members.getByLabel('Choisir un fichier CSV').setInputFiles(csv('membres.csv', MEMBERS_WITH_MISTAKES));
  const refusal = members.getByRole('alert');
  await expect(refusal).toContainText('Rien n’a été importé : 3 lignes doivent d’abord être corrigées.');
  await expect(refusal.getByRole('listitem').nth(0)).toHaveText(
    'Ligne 3 : « lots » n’est pas un solde en heures : écrivez 2,5, -1,25 ou 1:30.',
  );
  await expect(refusal.getByRole('listitem').nth(2)).toHaveText(
    'Ligne 5 : « sleeping » n’est pas un statut : utilisez active, applicant, away ou left.',
  );
  await expectNoAccessibilityViolations(page);
});
