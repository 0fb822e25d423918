// Members post what they offer and need, and find each other's listings.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank } from '../support/flows.js';

test('post an offer and a request, find them by search and kind, withdraw one', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Offers');
  await expect(page.getByRole('heading', { level: 1, name: 'Offers and requests' })).toBeVisible();

  // An empty title is refused next to the field.
  await page.getByRole('button', { name: 'Post it' }).click();
  await expect(page.getByText('The title cannot be empty.')).toBeVisible();

  await page.getByLabel('Title').fill('Hedge trimming');
  await page.getByLabel('Details (optional)').fill('Weekday mornings');
  await page.getByLabel('Category', { exact: true }).last().selectOption('Home and garden');
  await page.getByRole('button', { name: 'Post it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

  await page.getByRole('radio', { name: 'Request' }).check();
  await page.getByLabel('Title').fill('Lift to the surgery');
  await page.getByRole('button', { name: 'Post it' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Lift to the surgery' })).toBeVisible();

  await page.getByLabel('Search offers and requests').fill('hedge');
  await expect(page.getByRole('heading', { level: 2, name: 'Hedge trimming' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Lift to the surgery' })).toHaveCount(0);
  await page.getByLabel('Search offers and requests').fill('');
  await page.getByLabel('Kind', { exact: true }).first().selectOption({ label: 'Request' });
  await expect(page.getByRole('heading', { level: 2, name: 'Lift to the surgery' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Hedge trimming' })).toHaveCount(0);
  await page.getByLabel('Kind', { exact: true }).first().selectOption({ label: 'All kinds' });
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'offers');

  await page.getByRole('listitem').filter({ hasText: 'Lift to the surgery' })
    .getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Lift to the surgery' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Hedge trimming' })).toBeVisible();
});
