// The relay's answers tell the browser to run only the app's own code: a
// Content-Security-Policy (inline scripts only by their hashes, no plugins,
// no framing by other sites), `nosniff` and no referrer. Every screen of
// the app runs under it without one violation, at the largest text size,
// with the home screen painted from what was kept, and with the service
// worker answering.
import { test, expect } from '@playwright/test';
import { createTimebank, addMember, record, everyAddress } from '../support/flows.js';
import { shareTimebank, createInvite } from '../support/sync.js';

/** Collects every Content-Security-Policy violation the page reports,
 * from its documents and from its service worker's messages to the
 * console; `check(where)` fails if there is any. */
async function watchPolicy(page) {
  const logged = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    window.tallyViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.tallyViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return async (where) => {
    const reported = await page.evaluate(() => window.tallyViolations || []);
    expect([...logged, ...reported], `policy violations on ${where}`).toEqual([]);
  };
}

test('every answer carries the security headers, and the API names the headers other sites may send', async ({ page, request }) => {
  await page.goto('/');
  const script = await page.locator('link[rel="modulepreload"]').getAttribute('href');
  for (const path of ['/', '/members', script, '/sw.js', '/manifest.webmanifest', '/api/access', '/api/nothing']) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers['content-security-policy'] || '';
    const parts = policy.split(';').map((part) => part.trim());
    expect(parts, `${path}: no framing by other sites`).toContain("frame-ancestors 'none'");
    expect(parts, `${path}: no plugins`).toContain("object-src 'none'");
    expect(parts, `${path}: scripts from the relay only`).toContainEqual(expect.stringMatching(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*$/));
    expect(policy, `${path}: nothing inline without its hash`).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
  // The page names its two inline scripts (the app's start, the first paint).
  const page_policy = (await request.get('/')).headers()['content-security-policy'];
  expect(page_policy.match(/'sha256-/g)).toHaveLength(2);

  const preflight = await request.fetch('/api/access', {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://another-relay.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
  const allowed = (preflight.headers()['access-control-allow-headers'] || '').toLowerCase();
  expect(allowed.split(',').map((h) => h.trim())).toEqual(expect.arrayContaining(['authorization', 'content-type']));
});

test('every screen runs under the policy with no violation', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const check = await watchPolicy(page);
  await createTimebank(page);
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  await addMember(page, 'Ann');
  await record(page, 'Ann (No. 2)', 'Cora (No. 1)', 45);
  // The sync page with an invite's QR code.
  await shareTimebank(page);
  await createInvite(page, 'Ann’s phone', { member: 'Ann (No. 2)' });
  await expect(page.getByRole('img', { name: /QR/ }).first()).toBeVisible();
  await check('the sync page with an invite');

  await page.goto('/');
  const exchange = await page.locator('main a[href^="/exchanges/"]').first().getAttribute('href');
  await page.goto('/members');
  const member = await page.locator('main a[href^="/members/"]').filter({ hasText: 'Ann' }).first().getAttribute('href');
  for (const path of everyAddress(member, exchange)) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await check(path);
  }
  // The home screen painted from what was kept, at the largest text size,
  // before the app starts; then with the service worker answering.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto('/');
  await expect(page.getByTestId('my-balance')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('150%');
  await page.reload();
  await expect(page.getByTestId('my-balance')).toBeVisible();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await check('the home screen, kept and through the service worker');

  // Another site cannot show the app in a frame.
  await page.setContent(`<iframe src="${baseURL}/" title="framed"></iframe>`);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  await expect.poll(() => framed.url()).toMatch(/^chrome-error:/);
});
