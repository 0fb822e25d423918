// Choosing a language changes every text and is remembered.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';
import { nav, addMember, record } from '../support/flows.js';

test('a person switches to French and it stays French after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: 'Français' });

  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Tally' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Créer une banque de temps' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'first-run-french');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Tally' })).toBeVisible();
  await page.getByRole('link', { name: 'À propos' }).click();
  await expect(page).toHaveTitle('À propos · Tally');

  await page.getByLabel('Langue').selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { level: 1, name: 'About Tally' })).toBeVisible();
});

test('a browser set to French opens in French', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR', baseURL: process.env.TALLY_URL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Tally' })).toBeVisible();
  await context.close();
});

test('a timebank created in French speaks French: its categories, "no category" in reports and one spelling of événements', async ({ page }) => {
  await page.goto('/create');
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.getByLabel('Nom de la banque de temps').fill('Banque du quartier');
  await page.getByLabel('Votre nom').fill('Cora');
  await page.getByRole('button', { name: 'Créer la banque de temps' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Banque du quartier' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tous les événements' })).toBeVisible();
  await expect(page.getByText(/évènement/)).toHaveCount(0);

  // Recorded in English (the flows' labels), seen again in French.
  await page.getByLabel('Langue').selectOption({ label: 'English' });
  await addMember(page, 'Ann');
  await nav(page, 'Record');
  await expect(page.getByLabel('Category').getByRole('option')).toHaveText([
    'No category', 'Administratif et informatique', 'Apprentissage', 'Autre', 'Compagnie et soins',
    'Cuisine', 'Maison et jardin', 'Réparations', 'Transport',
  ]);
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.goto('/reports');
  const byCategory = page.getByRole('region', { name: /Par catégorie/ });
  await expect(byCategory).toContainText('Sans catégorie');
  await expect(page.getByText('Uncategorised')).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'reports-french');
});
