// Members post what they offer and need, and find each other's listings.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank, addMember } from '../support/flows.js';

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

  // The withdrawn one waits under "no longer show", one tap from showing again.
  const notShowing = page.getByRole('region', { name: 'Your listings that no longer show' });
  await expect(notShowing.getByRole('listitem')).toContainText('Withdrawn');
  await notShowing.getByRole('button', { name: 'Put it up again for 90 days (Lift to the surgery)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Lift to the surgery' })).toBeVisible();
  await expect(notShowing).toHaveCount(0);
});

test('the owner edits a listing; a last day in the past is refused and nothing changes', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Offers');
  await page.getByLabel('Title').fill('Hedge trimming');
  await page.getByRole('button', { name: 'Post it' }).click();
  await page.getByRole('link', { name: 'Edit Hedge trimming' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit a listing' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Hedge trimming');
  await page.getByLabel('Title').fill('Hedge and lawn trimming');
  await page.getByLabel('Show until').fill('2020-01-01');
  await page.getByRole('button', { name: 'Save the listing' }).click();
  const lastDay = page.getByLabel('Show until');
  await expect(lastDay).toHaveAttribute('aria-invalid', 'true');
  await expect(lastDay).toBeFocused();
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'edit-listing');
  await page.getByRole('link', { name: 'Back to offers and requests' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Hedge trimming' })).toBeVisible();

  await page.getByRole('link', { name: 'Edit Hedge trimming' }).click();
  await page.getByLabel('Title').fill('Hedge and lawn trimming');
  await page.getByLabel('Category').selectOption('Home and garden');
  await page.getByRole('button', { name: 'Save the listing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offers and requests' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Hedge and lawn trimming' })).toContainText('Home and garden');
});

test('one search finds posted offers and what members offer on their profiles, at the largest text', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  for (const [name, offers] of [['Ann', 'Gardening, hedge trimming'], ['Bob', 'Vegetable gardening'], ['Dev', 'Computer help']]) {
    await addMember(page, name);
    await page.getByRole('main').getByRole('link', { name }).click();
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page.getByLabel('What they can offer').fill(offers);
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${name} \\(No\\. \\d\\)$`) })).toBeVisible();
  }
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  await nav(page, 'Offers');
  await page.getByLabel('Search offers and requests').fill('gardening');
  const found = page.getByTestId('profile-matches').getByRole('listitem');
  await expect(page.getByRole('heading', { level: 2, name: 'On members’ profiles' })).toBeVisible();
  await expect(found).toHaveCount(2);
  await expect(found.nth(0)).toContainText('Gardening, hedge trimming');
  await expect(found.nth(1)).toContainText('Vegetable gardening');
  await expect(page.getByText('Nothing matches.')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await saveScreenshot(page, 'offers-profiles-found');
  // Each leads to the member; requests are what profiles say people need.
  await page.getByLabel('Kind').selectOption({ label: 'Request' });
  await expect(page.getByTestId('profile-matches')).toHaveCount(0);
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await page.getByLabel('Kind').selectOption({ index: 0 });
  await found.nth(1).getByRole('link', { name: 'Bob' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bob (No. 3)' })).toBeVisible();
});
