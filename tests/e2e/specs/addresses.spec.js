// Every page address of the app, opened and then reloaded, shows that page:
// never the relay's answer to a program, never "Page not found". The sync
// endpoint's address (/sync), once also the sync page's, opened as a page
// leads to the sync page.
import { test, expect } from '@playwright/test';
import { createTimebank, addMember, record, everyAddress } from '../support/flows.js';

/** What must not be on any page: the relay's JSON, or the not-found page. */
async function expectThePage(page, path) {
  await expect(page.getByRole('heading', { level: 1 }).first(), `${path} has its heading`).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), `${path} is a page`).toHaveCount(0);
  const text = await page.locator('body').innerText();
  expect(text, `${path} is not the relay's answer`).not.toMatch(/"code"\s*:/);
}

test('every page address shows its page when opened and when reloaded', async ({ page }) => {
  test.setTimeout(180_000);
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 45);

  // Ids for the addresses that name a record, read from the app's own links.
  await page.goto('/');
  const exchangeLink = page.locator('main a[href^="/exchanges/"]').first();
  await expect(exchangeLink).toBeVisible();
  const exchange = await exchangeLink.getAttribute('href');
  await page.goto('/members');
  const memberLink = page.locator('main a[href^="/members/"]').filter({ hasText: 'Ann' }).first();
  await expect(memberLink).toBeVisible();
  const member = await memberLink.getAttribute('href');

  for (const path of everyAddress(member, exchange)) {
    await page.goto(path);
    await expectThePage(page, path);
    const heading = await page.getByRole('heading', { level: 1 }).first().innerText();
    await page.reload();
    await expectThePage(page, path);
    await expect(page, `${path} stays where it was`).toHaveURL(new RegExp(`${path.replace(/[/]/g, '\\/')}$`));
    await expect(page.getByRole('heading', { level: 1 }).first(), `${path} reloads to the same page`).toHaveText(heading);
  }

  // "Who is using this device?" is not offered on a device certified for
  // its member (here the founder's): its address leads home.
  await page.goto('/who');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('my-balance')).toBeVisible();

  // The sync page, by its link, and by the address it had before.
  await page.goto('/more');
  await page.getByRole('main').getByRole('link', { name: 'Sync between devices' }).click();
  await expect(page).toHaveURL(/\/devices$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync between devices' })).toBeVisible();
  for (let visit = 0; visit < 2; visit += 1) {
    // Once as the server answers it, once with the service worker in charge.
    await page.goto('/sync');
    await expect(page).toHaveURL(/\/devices$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sync between devices' })).toBeVisible();
    await expectThePage(page, '/sync');
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
});
