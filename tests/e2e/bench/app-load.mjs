// Prints the app's download size and its load time in headless Chromium.
// Run by `cargo xtask bench`, which builds the release app, starts the relay
// and sets TALLY_URL and TALLY_DIST.
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumLaunchOptions } from '../support/browser.js';
import { printTable, median } from './table.mjs';

const url = process.env.TALLY_URL;
const dist = process.env.TALLY_DIST;
if (!url || !dist) throw new Error('run this with `cargo xtask bench`');

const LOADS = 5;

/** Every file of the build as the relay sends it to a browser that accepts
 * brotli: its `.br` copy (written by `cargo xtask precache`) where there is
 * one, else as it is (the icons, PNG already). */
function sizes() {
  const rows = [];
  let raw = 0;
  let sent = 0;
  const walk = (dir) => {
    for (const name of readdirSync(path.join(dist, dir), { withFileTypes: true })) {
      const relative = path.join(dir, name.name);
      if (name.isDirectory()) {
        walk(relative);
        continue;
      }
      if (/\.(br|gz)$/.test(name.name)) continue;
      const bytes = readFileSync(path.join(dist, relative)).length;
      const compressed = path.join(dist, `${relative}.br`);
      const goes = existsSync(compressed) ? readFileSync(compressed).length : bytes;
      raw += bytes;
      sent += goes;
      rows.push([relative, kib(bytes), existsSync(compressed) ? `${kib(goes)} (brotli)` : `${kib(goes)} (as it is)`]);
    }
  };
  walk('');
  rows.push(['all of it', kib(raw), `${kib(sent)}`]);
  return rows;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// Milliseconds from navigation start until the first-run heading is in the page.
async function timeToFirstRun(browser, cpuSlowdown) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main h1')) {
        window.__firstRunAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  // What the page's requests took over the network, as sent (compressed).
  let transferred = 0;
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (event) => {
    transferred += event.encodedDataLength;
  });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Tally' }).waitFor();
  const at = await page.evaluate(() => window.__firstRunAt);
  await context.close();
  return { at, transferred };
}

const browser = await chromium.launch(chromiumLaunchOptions());
const loads = [];
const transfers = [];
for (const slowdown of [1, 4]) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const load = await timeToFirstRun(browser, slowdown);
    times.push(load.at);
    transfers.push(load.transferred);
  }
  loads.push([
    slowdown === 1 ? 'plain' : `${slowdown}x CPU throttling`,
    `${median(times).toFixed(0)} ms`,
    `${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)} ms`,
  ]);
}
await browser.close();

printTable('Release build size, and as the relay sends it', ['file', 'raw', 'sent'], sizes());
const firstVisit = median(transfers);
printTable(
  `A first visit over the network (the page's requests as transferred, headers included; median of ${transfers.length})`,
  ['measure', 'figure', 'goal'],
  [['transferred until the first-run screen', kib(firstVisit), `≤ 500 KiB: ${firstVisit <= 500 * 1024 ? 'met' : 'MISSED'}`]],
);
printTable(
  `Navigation to first-run screen (cold cache, median of ${LOADS} loads)`,
  ['CPU', 'median', 'range'],
  loads,
);
