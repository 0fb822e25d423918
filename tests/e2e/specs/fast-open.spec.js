// Opening paints the home screen from the view kept last time, before the
// whole document is read; the kept view is never trusted over the document.
import { test, expect } from '@playwright/test';
import { createTimebank, addMember, record } from '../support/flows.js';

async function marks(page) {
  return page.evaluate(() => Object.fromEntries(
    ['tally-cached-view', 'tally-document-loaded']
      .map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null]),
  ));
}

test('the kept home screen paints first, then the document loads and agrees', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  await page.goto('/');
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();
  await expect.poll(async () => (await marks(page))['tally-document-loaded']).not.toBeNull();
  const { 'tally-cached-view': cached, 'tally-document-loaded': loaded } = await marks(page);
  expect(cached).not.toBeNull();
  expect(cached).toBeLessThan(loaded);
  await expect(page.getByTestId('my-balance')).toHaveText('-1 hour');
  await expect(page.locator('[data-view="cached"]')).toHaveCount(0);
});

test('a kept view that is wrong is replaced by the document, and written again', async ({ page }) => {
  await createTimebank(page);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 30);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith('.view')));
  expect(key).toBeTruthy();
  // The app's storage keeps each value as a JSON string.
  const readView = (key) => JSON.parse(JSON.parse(localStorage.getItem(key)));
  await page.evaluate(([key, read]) => {
    const view = eval(read)(key);
    view.name = 'Wrong Timebank';
    view.my_balance = 999;
    localStorage.setItem(key, JSON.stringify(JSON.stringify(view)));
  }, [key, readView.toString()]);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Timebank' })).toBeVisible();
  await expect(page.getByTestId('my-balance')).toHaveText('-30 minutes');
  await expect(page.getByText('Wrong Timebank')).toHaveCount(0);
  await expect.poll(() => page.evaluate(([key, read]) => eval(read)(key).my_balance, [key, readView.toString()])).toBe(-30);
});

test('the kept view holds the members directory as the page shows it', async ({ page }) => {
  await createTimebank(page);
  for (const name of ['Ann', 'Bob']) await addMember(page, name);
  await record(page, 'Ann (No. 2)', 'Bob (No. 3)', 90);
  await page.goto('/members');
  // Notes the names the members page shows from the kept directory (before
  // the document is loaded).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const names = [...document.querySelectorAll('[data-view=cached] .member-list .name')];
      if (names.length === 0) return;
      window.__keptNames = names.map((n) => n.textContent);
      window.__keptBeforeLoad = performance.getEntriesByName('tally-document-loaded').length === 0;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect.poll(async () => (await marks(page))['tally-document-loaded']).not.toBeNull();
  expect(await page.evaluate(() => [window.__keptNames, window.__keptBeforeLoad])).toEqual([['Ann', 'Bob', 'Cora'], true]);
  const shown = await page.locator('main .member-list > li').allInnerTexts();
  // Kept beside the documents (IndexedDB), not in localStorage, which the
  // browser reads whole before the first paint.
  const kept = await page.evaluate(async () => {
    const view = Object.keys(localStorage).find((k) => k.endsWith('.view'));
    if (JSON.parse(JSON.parse(localStorage.getItem(view))).members) return 'in localStorage';
    const id = view.split('.')[2];
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('tally');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const value = await new Promise((resolve, reject) => {
      const request = db.transaction('records').objectStore('records').get(`tally.directory.${id}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.parse(new TextDecoder().decode(value));
  });
  expect(kept.map((m) => m.name)).toEqual(['Ann', 'Bob', 'Cora']);
  expect(kept.find((m) => m.name === 'Bob').balance).toBe(-90);
  expect(shown.map((line) => line.split('\n')[0])).toEqual(kept.map((m) => m.name));
});

// What the page shows first: noted by a script that runs before the page's
// own, when a balance first appears (painted by `index.html` before the
// app's code loaded, or by the app).
async function notePaints(page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const balance = document.querySelector('[data-testid=my-balance]');
      if (!balance) return;
      const early = balance.closest('#tally-first-paint');
      window.__firstBalance = {
        beforeApp: early !== null,
        inert: early?.inert ?? false,
        text: balance.textContent,
        heading: document.querySelector('h1')?.textContent,
        lang: document.documentElement.lang,
        current: document.querySelector('nav [aria-current=page]')?.getAttribute('href') ?? null,
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

const firstBalance = (page) => page.evaluate(() => window.__firstBalance);
const loaded = (page) => expect.poll(async () => (await marks(page))['tally-document-loaded']).not.toBeNull();

test('before the app has loaded, the home screen is painted as the kept view paints it, then the app takes over', async ({ page }) => {
  await notePaints(page);
  // A name with markup in it is shown as text.
  const name = 'River <b>side</b> & Co';
  await createTimebank(page, name);
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
  // Left from the record page: the kept page is the home screen all the same.
  await page.goto('/');
  await loaded(page);
  await page.reload();
  expect(await firstBalance(page)).toEqual({
    beforeApp: true,
    inert: true,
    text: '-1 hour',
    heading: name,
    lang: 'en',
    current: '/',
  });
  await loaded(page);
  await expect(page.getByTestId('my-balance')).toHaveCount(1);
  await expect(page.locator('#tally-first-paint')).toHaveCount(0);
  await expect(page.locator('b')).toHaveCount(0);
  // Any other address waits for the app.
  await page.goto('/members');
  await loaded(page);
  await page.goto('/');
  expect((await firstBalance(page)).beforeApp).toBe(true);
});

// Each change to what the kept page was painted for: it is not shown, the
// app paints, and keeps a page for next time.
for (const [change, apply, expected] of [
  ['another language chosen', () => localStorage.setItem('tally.language', 'fr'), { text: '-1 heure', lang: 'fr' }],
  ['a larger text size chosen', () => localStorage.setItem('tally.text-size', '150%'), { text: '-1 hour', lang: 'en' }],
  ['someone else using the device', () => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('.me'));
    localStorage.setItem(key, JSON.stringify('somebody-else'));
  }, null],
]) {
  test(`the kept page is not shown once ${change}`, async ({ page }) => {
    await notePaints(page);
    await createTimebank(page);
    await addMember(page, 'Ann');
    await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 60);
    await page.goto('/');
    await loaded(page);
    await page.evaluate(apply);
    await page.reload();
    await loaded(page);
    const first = await firstBalance(page);
    if (expected === null) {
      // Nobody chosen: the home screen asks who is using the device.
      expect(first?.beforeApp ?? false).toBe(false);
      return;
    }
    expect(first).toMatchObject({ beforeApp: false, ...expected });
    await page.reload();
    await loaded(page);
    expect(await firstBalance(page)).toMatchObject({ beforeApp: true, ...expected });
  });
}
