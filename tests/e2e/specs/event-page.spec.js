// An event to the end, at 360 px: a coordinator answers for members without
// a phone, sees who is coming, records everyone's hours in one step once it
// has begun (the community fund pays those who helped), finds the event
// named on each exchange, changes the event and cancels it.
import { test, expect } from '@playwright/test';
import {
  watchConsole,
  expectNoAccessibilityViolations,
  expectNoSidewaysScroll,
  expectTapTargets,
  saveScreenshot,
} from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';

test('who came to a litter pick is paid by the fund in one step, and the event can be changed and cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await createTimebank(page);
  for (const name of ['Ann', 'Bob', 'Cat']) await addMember(page, name);

  // Planned for today, from midnight: it has begun.
  await nav(page, 'Events');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByLabel('Kind').selectOption({ label: 'Group activity' });
  await page.getByLabel('Title').fill('Litter pick');
  await page.getByLabel('Place').fill('Riverside park');
  await page.getByLabel('What it is about (optional)').fill('Bring gloves.');
  await page.getByLabel('Day').fill(today);
  await page.getByLabel('Starts at').fill('00:00');
  await page.getByLabel('Ends at').fill('23:59');
  await page.getByRole('button', { name: 'Plan it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();
  await page.getByRole('link', { name: 'Litter pick' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Litter pick' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Bring gloves.');
  await expect(page.getByRole('heading', { name: '0 coming' })).toBeVisible();

  // Nobody said they were coming: nothing to record.
  const hours = page.getByRole('region', { name: 'Record the hours of everyone who came' });
  await hours.getByLabel('How long for each person, in hours').fill('2');
  await hours.getByRole('button', { name: 'Record everyone’s hours' }).click();
  await expect(hours.getByRole('alert')).toHaveText('Nobody said they were coming: mark who came first.');

  // Ann and Bob have no phone: the coordinator answers for them; she comes too.
  for (const member of ['Ann (No. 2)', 'Bob (No. 3)']) {
    await page.getByLabel('Answer for a member (one without a phone, say)').selectOption({ label: member });
    await page.getByRole('button', { name: 'Coming', exact: true }).click();
  }
  await page.getByRole('button', { name: 'I’m coming' }).click();
  await expect(page.getByRole('heading', { name: '3 coming' })).toBeVisible();
  await expect(page.getByRole('list', { name: '3 coming' }).getByRole('listitem')).toHaveText(['Ann', 'Bob', 'Cora']);
  await expectNoSidewaysScroll(page);
  await expectNoAccessibilityViolations(page);
  await expectTapTargets(page);
  await saveScreenshot(page, 'event-page');

  // The fund pays everyone who helped, two hours each, in one step.
  await hours.getByLabel('Community fund').check();
  await hours.getByLabel('gave the help (a litter pick, say)').check();
  await hours.getByLabel('How long for each person, in hours').fill('');
  await hours.getByRole('button', { name: 'Record everyone’s hours' }).click();
  await expect(hours.getByRole('alert')).not.toBeEmpty();
  await expect(hours.getByLabel('How long for each person, in hours')).toBeFocused();
  await hours.getByLabel('How long for each person, in hours').fill('2');
  await hours.getByRole('button', { name: 'Record everyone’s hours' }).click();
  await expect(hours.getByRole('status')).toHaveText('Done: 3 exchanges recorded.');
  const recorded = page.locator('h2:has-text("Hours recorded for this event") + ul').getByRole('listitem');
  await expect(recorded).toHaveCount(3);
  await expect(recorded.first()).toContainText('helped Community fund: 2 hours');

  // Each exchange names its event and the others of its group.
  await recorded.first().getByRole('link').click();
  await expect(page.getByText('Recorded for the event:')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recorded together with' })).toBeVisible();
  await page.getByRole('link', { name: 'Litter pick' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Litter pick' })).toBeVisible();
  await nav(page, 'More');
  await page.getByRole('main').getByRole('link', { name: 'Community fund' }).click();
  await expect(page.getByTestId('fund-balance')).toHaveText('-6 hours');

  // Changed, then cancelled (asked first).
  await nav(page, 'Events');
  await page.getByRole('link', { name: 'Litter pick' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Litter pick' })).toBeVisible();
  await page.getByText('Change this event').click();
  await page.locator('#edit-place').fill('Riverside park, north gate');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByRole('main').locator('dl')).toContainText('Riverside park, north gate');
  await page.getByRole('button', { name: 'Cancel this event' }).click();
  await expect(page.getByText('Cancel “Litter pick”? Everyone sees it is cancelled')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByText('This event is cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'I’m coming' })).toHaveCount(0);
  await expect(hours).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  expect(problems).toEqual([]);
});
