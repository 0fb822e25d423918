// The large timebank (2,000 members, 50,000 exchanges, 5,000 listings) saved
// in the browser, with the server gone: time to the home screen painted from
// the kept view and to the whole document loaded, from tapping save on an
// exchange to both balances on screen, and to filter the members directory;
// plain and at 4x CPU throttling. Run by `cargo xtask bench`, which writes
// the timebank file (TALLY_LARGE) from the ledger benchmark.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../support/browser.js';
import { printTable, median } from './table.mjs';
import { startRelay } from '../support/sync.js';

const file = process.env.TALLY_LARGE;
if (!file || !process.env.TALLY_RELAY) throw new Error('run this with `cargo xtask bench`');
// A server of its own, stopped before the measures: the network is off for
// the app (every file then comes from the service worker's cache).
const server = await startRelay();
const url = server.url;

const RUNS = 3;
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: url });
const page = await context.newPage();
page.setDefaultTimeout(300_000);

// Open the file the way a coordinator would, and say who uses the device.
await page.goto('/open');
await page.getByLabel('Timebank file').setInputFiles(file);
await page.getByRole('heading', { level: 1, name: 'Who is using this device?' }).waitFor();
await page.getByRole('button', { name: 'Coordinator (No. 1)' }).click();
await page.getByTestId('my-balance').waitFor();
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
await server.stop('SIGKILL');
const stored = await page.evaluate(() => {
  let chars = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    chars += key.length + localStorage.getItem(key).length;
  }
  return chars;
});

// Notes the moment the home screen shows a balance.
await page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=my-balance]')) {
      window.__homeAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
});
const cdp = await context.newCDPSession(page);

/** Milliseconds from navigation start until the balance is on the home
 * screen (painted from the kept view), and until the whole document is
 * loaded and the home screen is drawn from it. */
async function homeLoad() {
  await page.goto('/about');
  await page.goto('/');
  await page.getByTestId('my-balance').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('tally-document-loaded').length > 0);
  return page.evaluate(() => ({
    painted: window.__homeAt,
    loaded: performance.getEntriesByName('tally-document-loaded')[0].startTime,
    cached: performance.getEntriesByName('tally-cached-view').length > 0,
  }));
}

/** Milliseconds from tapping save until both new balances are on screen. */
async function saveToBalances(run) {
  await page.goto('/record');
  await page.getByLabel('1. Who gave the help?').selectOption({ label: `Member ${run} (No. ${run + 2})` });
  await page.getByLabel('2. Who received it?').selectOption({ label: `Member ${run + 1} (No. ${run + 3})` });
  await page.getByLabel('Minutes').fill('30');
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const status = document.querySelector('main [role=status].success');
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (status.textContent.includes('Done.')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(status, { childList: true, subtree: true, characterData: true });
        [...document.querySelectorAll('button[type=submit]')].pop().click();
      }),
  );
}

/** Milliseconds from typing a search until the directory shows the one match. */
async function filterMembers() {
  await page.goto('/members');
  const search = page.getByLabel('Search by name, number or what they offer');
  await search.waitFor();
  await search.fill('');
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.getElementById('member-search');
        const list = () => document.querySelectorAll('main .member-list > li').length;
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (list() === 1) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(document.querySelector('main'), { childList: true, subtree: true });
        input.value = 'Member 1999';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
}

// The floor: a bare Automerge load of the same bytes in the same browser,
// with the npm @automerge/automerge (its IIFE build) on a blank page.
const bare = await context.newPage();
await bare.goto('about:blank');
await bare.addScriptTag({ path: 'node_modules/@automerge/automerge/dist/iife/iife.js' });
const bareCdp = await context.newCDPSession(bare);
const largeBase64 = readFileSync(file).toString('base64');
async function bareLoad() {
  return bare.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const started = performance.now();
    window.Automerge.load(bytes);
    return performance.now() - started;
  }, largeBase64);
}

const rows = [];
let run = 0;
for (const slowdown of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await bareCdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const floors = [];
  for (let i = 0; i < RUNS; i++) floors.push(await bareLoad());
  const floor = median(floors);
  const measures = { home: [], loaded: [], save: [], filter: [] };
  for (let i = 0; i < RUNS; i++) {
    const opened = await homeLoad();
    if (!opened.cached) throw new Error('the home screen was not painted from the kept view');
    measures.home.push(opened.painted);
    measures.loaded.push(opened.loaded);
    measures.save.push(await saveToBalances(run++));
    measures.filter.push(await filterMembers());
  }
  const cpu = slowdown === 1 ? 'plain' : `${slowdown}x CPU throttling`;
  const ms = (values) => `${median(values).toFixed(0)} ms`;
  const ratio = (values) => `${(median(values) / floor).toFixed(2)}x`;
  rows.push([cpu, 'bare Automerge.load of the same bytes (npm @automerge/automerge 3.5.0), the floor', `${floor.toFixed(0)} ms`, '1.00x']);
  rows.push([cpu, 'navigation to the home screen, painted from the kept view', ms(measures.home), ratio(measures.home)]);
  rows.push([cpu, 'navigation to the whole document loaded (home drawn from it)', ms(measures.loaded), ratio(measures.loaded)]);
  rows.push([cpu, 'tap save to both balances on screen', ms(measures.save), '-']);
  rows.push([cpu, 'filter 2,000 members to one', ms(measures.filter), '-']);
}
await browser.close();

printTable(
  `Large timebank in the browser, server stopped (2,000 members, 50,000 exchanges; ${(stored / 1024 / 1024).toFixed(1)} M characters in localStorage; median of ${RUNS})`,
  ['CPU', 'measure', 'time', 'ratio to the floor'],
  rows,
);
