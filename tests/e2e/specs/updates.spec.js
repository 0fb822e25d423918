// A new build arrives while a member is using the app: it is offered, never
// forced; what they were typing stays; after the update everything is there.
// (That Chromium reads the manifest without errors: first-run.spec.js.)
import { test, expect } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { untilServedOffline } from '../support/browser.js';
import { saveScreenshot, expectNoAccessibilityViolations } from '../support/page-checks.js';
import { nav, createTimebank, addMember } from '../support/flows.js';
import { scratchDir, startRelay } from '../support/sync.js';

/** Rewrites the build in `dist` as a new one, the way a deploy would: a changed
 * index.html, and sw.js written again by the same generator Trunk runs. */
function deployNewBuild(dist) {
  const index = join(dist, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="tally-build" content="B">'));
  execFileSync('cargo', ['xtask', 'precache'], {
    cwd: resolve(process.env.TALLY_DIST, '..'),
    env: { ...process.env, TRUNK_STAGING_DIR: dist },
    stdio: 'ignore',
  });
}

test('a new version is offered, taken only on a tap, and keeps what was being typed', async ({ browser }) => {
  test.setTimeout(180_000);
  const dist = scratchDir('tally-dist-');
  cpSync(process.env.TALLY_DIST, dist, { recursive: true });
  const relay = await startRelay({ dist });
  const context = await browser.newContext({ baseURL: relay.url, viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await createTimebank(page);
    await addMember(page, 'Ann');
    await untilServedOffline(page);
    // A page whose loading began while the worker activated is controlled
    // from its next load (see untilServedOffline).
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // Half-way through recording an exchange, build B is deployed.
    await nav(page, 'Record');
    await page.getByLabel('1. Who gave the help?').selectOption({ label: 'Ann (No. 2)' });
    await page.getByLabel('2. Who received it?').selectOption({ label: 'Cora (No. 1)' });
    await page.getByLabel('How long, in hours').fill('75 min');
    deployNewBuild(dist);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Tally is ready.' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'update-ready');
    // Nothing was reloaded under the member's hands.
    await expect(page.getByLabel('How long, in hours')).toHaveValue('75 min');
    await page.getByRole('button', { name: 'Save the exchange' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Done.' })).toBeVisible();

    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      banner.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await expect(page.locator('meta[name="tally-build"]')).toHaveAttribute('content', 'B');
    // Build A's cache went when B's worker took over.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('tally-')).length)).toBe(1);
    await nav(page, 'Home');
    await expect(page.getByTestId('my-balance')).toHaveText('-1 hour 15 minutes');
    await expect(banner).toHaveCount(0);
  } finally {
    await context.close();
    await relay.stop();
  }
});

