// Choosing a language changes every text and is remembered.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, saveScreenshot } from '../support/page-checks.js';

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
