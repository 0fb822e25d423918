import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../support/browser.js';
import { scratchDir, startRelay } from '../support/sync.js';
const out = {};
for (const [name, dist] of [['now', process.env.TALLY_DIST], ['today', process.env.TALLY_PREVIOUS_DIST]]) {
  const server = await startRelay({ dist });
  const context = await chromium.launchPersistentContext(scratchDir('diag-'), { ...chromiumLaunchOptions(), viewport: { width: 390, height: 844 }, baseURL: server.url });
  context.setDefaultTimeout(600000);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/open');
  await page.getByLabel('Timebank file').setInputFiles(process.env.TALLY_LARGE);
  await page.getByRole('button', { name: 'Coordinator (No. 1)' }).click();
  await page.getByTestId('my-balance').waitFor();
  await page.waitForTimeout(8000);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await server.stop('SIGKILL');
  const bare = await context.newPage();
  await bare.goto('about:blank');
  await bare.addScriptTag({ path: 'node_modules/@automerge/automerge/dist/iife/iife.js' });
  await bare.evaluate((b64) => { window.__bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)); }, readFileSync(process.env.TALLY_LARGE).toString('base64'));
  out[name] = [];
  for (let i = 0; i < 3; i++) {
    const floor = await bare.evaluate(() => { const s = performance.now(); const d = window.Automerge.load(window.__bytes); const t = performance.now() - s; window.Automerge.free(d); return t; });
    await page.goto('about:blank');
    await page.goto('/');
    await page.waitForFunction(() => performance.getEntriesByName('tally-document-loaded').length > 0, null, { polling: 200 });
    const loaded = await page.evaluate(() => performance.getEntriesByName('tally-document-loaded')[0].startTime);
    out[name].push([Math.round(floor), Math.round(loaded), (loaded / floor).toFixed(2)]);
    console.log(name, out[name].at(-1));
    await page.waitForTimeout(1500);
  }
  await context.close();
}
