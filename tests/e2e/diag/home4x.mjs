import { chromium } from '@playwright/test';
import { startTrace } from '../bench/main-thread.mjs';
import { writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../support/browser.js';
import { scratchDir, startRelay } from '../support/sync.js';
const server = await startRelay({ dist: process.env.TALLY_DIST });
const context = await chromium.launchPersistentContext(scratchDir('diag-'), { ...chromiumLaunchOptions(), viewport: { width: 390, height: 844 }, baseURL: server.url });
context.setDefaultTimeout(600000);
const page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(() => {
  new MutationObserver((_, o) => { const b = document.querySelector('[data-testid=my-balance]'); if (b) { window.__homeAt = performance.now(); window.__early = b.closest('#tally-first-paint') !== null; o.disconnect(); } }).observe(document, { childList: true, subtree: true });
});
await page.goto('/open');
await page.getByLabel('Timebank file').setInputFiles(process.env.TALLY_LARGE);
await page.getByRole('button', { name: 'Coordinator (No. 1)' }).click();
await page.getByTestId('my-balance').waitFor();
await page.waitForTimeout(5000);
await page.evaluate(() => navigator.serviceWorker.ready);
const sizes = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k).length]));
console.log(sizes);
await server.stop('SIGKILL');
const cdp = await context.newCDPSession(page);
import { readFileSync } from 'node:fs';
const bare = await context.newPage();
await bare.goto('about:blank');
await bare.addScriptTag({ path: 'node_modules/@automerge/automerge/dist/iife/iife.js' });
await bare.evaluate((b64) => { window.__bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)); }, readFileSync(process.env.TALLY_LARGE).toString('base64'));
const bcdp = await context.newCDPSession(bare);
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await bcdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (let i = 0; i < 4; i++) {
    
    if (i % 2 == 1) console.log('bare', Math.round(await bare.evaluate(() => { const s = performance.now(); const d = window.Automerge.load(window.__bytes); const t = performance.now() - s; window.Automerge.free(d); return t; })));
    await page.goto('about:blank');
    const stop = (rate === 4 && i === 3) ? await startTrace(cdp) : null;
    await page.goto('/');
    await page.getByTestId('my-balance').waitFor();
    const t = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return { workerStart: n.workerStart, fetchStart: n.fetchStart, responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventStart, home: window.__homeAt, early: window.__early, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, marks: performance.getEntriesByType('mark').filter(m => m.name.startsWith('fp-')).map(m => m.name.slice(3) + '@' + Math.round(m.startTime)).join(' ') }; });
    if (stop) { await page.waitForTimeout(500); writeFileSync('/tmp/nav-trace.json', JSON.stringify(await stop())); }
    console.log(rate, i, JSON.stringify(t, (k, v) => typeof v === 'number' ? Math.round(v) : v));
    await page.waitForFunction(() => performance.getEntriesByName('tally-document-loaded').length > 0, null, { polling: 500 });
    await page.waitForTimeout(1000);
  }
}
await context.close();
