// Prints the app's download size and its load time in headless Chromium.
// Run by `cargo xtask bench`, which builds the release app, starts the relay
// and sets TALLY_URL and TALLY_DIST.
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromiumLaunchOptions } from '../support/browser.js';
import { printTable, median } from './table.mjs';

const url = process.env.TALLY_URL;
const dist = process.env.TALLY_DIST;
if (!url || !dist) throw new Error('run this with `cargo xtask bench`');

const LOADS = 5;

function sizes() {
  const rows = [];
  for (const name of readdirSync(dist).sort()) {
    if (!/\.(wasm|js)$/.test(name)) continue;
    const bytes = readFileSync(path.join(dist, name));
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    });
    rows.push([name, kib(bytes.length), kib(brotli.length)]);
  }
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
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Tally' }).waitFor();
  const at = await page.evaluate(() => window.__firstRunAt);
  await context.close();
  return at;
}

const browser = await chromium.launch(chromiumLaunchOptions());
const loads = [];
for (const slowdown of [1, 4]) {
  const times = [];
  for (let i = 0; i < LOADS; i++) times.push(await timeToFirstRun(browser, slowdown));
  loads.push([
    slowdown === 1 ? 'plain' : `${slowdown}x CPU throttling`,
    `${median(times).toFixed(0)} ms`,
    `${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)} ms`,
  ]);
}
await browser.close();

printTable('Release build size', ['file', 'raw', 'brotli'], sizes());
printTable(
  `Navigation to first-run screen (cold cache, median of ${LOADS} loads)`,
  ['CPU', 'median', 'range'],
  loads,
);
