// A coordinator plans a trading day; members say they are coming.
import { test, expect } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, saveScreenshot } from '../support/page-checks.js';

import { nav, createTimebank } from '../support/flows.js';

test('plan a trading day, see it coming up and in the calendar, say you are coming', async ({ page }) => {
  await createTimebank(page);
  await nav(page, 'Events');
  await expect(page.getByText('No events are planned.')).toBeVisible();

  const day = new Date(Date.now() + 3 * 86400000);
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Kind').selectOption({ label: 'Trading day' });
  await page.getByLabel('Title').fill('December trading day');
  await page.getByLabel('Place').fill('Village hall');
  await page.getByLabel('Day').fill(iso);
  await page.getByLabel('Starts at').fill('10:00');
  await page.getByLabel('Ends at').fill('13:00');
  await page.getByRole('button', { name: 'Plan it' }).click();

  const event = page.getByRole('listitem').filter({ hasText: 'December trading day' });
  await expect(event).toContainText('10:00–13:00');
  await expect(event).toContainText('0 coming');
  await event.getByRole('button', { name: 'I’m coming' }).click();
  await expect(event).toContainText('1 coming');
  await expect(event.getByRole('button', { name: 'I’m coming' })).toHaveAttribute('aria-pressed', 'true');

  if (day.getMonth() !== new Date().getMonth()) {
    await page.getByRole('button', { name: 'Next month' }).click();
  }
  await expect(page.getByRole('table').getByText('December trading day')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'events');

  // An event that ends before it starts is refused.
  await page.getByLabel('Title').fill('Backwards');
  await page.getByLabel('Ends at').fill('09:00');
  await page.getByRole('button', { name: 'Plan it' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'must end after it starts' })).toBeVisible();

  // Home lists it under "Coming up".
  await nav(page, 'Home');
  const comingUp = page.getByRole('region', { name: 'Coming up' });
  await expect(comingUp.getByRole('listitem')).toHaveCount(1);
  await expect(comingUp).toContainText('December trading day');
  await expect(comingUp).toContainText('Village hall');
});
