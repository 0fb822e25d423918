// Syncing phones in tests: relays started and killed by the test, sharing a
// timebank, invites, and waiting for the sync status.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { nav } from './flows.js';

/** A scratch folder, removed when the test process exits. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts a relay of our own (the binary `cargo xtask test` built) on
 * 127.0.0.1, on the given port or one the system picks, with its own data
 * folder. Stopped by its process id.
 */
export async function startRelay({ port = 0, data, dist = process.env.TALLY_DIST } = {}) {
  const binary = process.env.TALLY_RELAY;
  if (!binary) throw new Error('TALLY_RELAY is not set: run these tests with `cargo xtask test`');
  const folder = data || scratchDir('tally-relay-');
  const child = spawn(binary, [
    '--listen', `127.0.0.1:${port}`,
    '--dist', dist,
    '--data', folder,
    '--heartbeat-seconds', '2',
  ], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/served on (http:\/\/[0-9.:]+)\//);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`the relay stopped (${code}) before serving: ${seen}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    data: folder,
    /** Ctrl-C (SIGINT) or a crash (SIGKILL); resolves once it has exited. */
    stop(signal = 'SIGINT') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill(signal);
      });
    },
  };
}

/** The sync status in the header. */
export function syncStatus(page) {
  return page.getByRole('banner').locator('.sync-status');
}

export async function expectSynced(page, timeout = 20_000) {
  await expect(syncStatus(page)).toHaveText(/Synced at \d\d:\d\d/, { timeout });
}

/** A coordinator brings the open timebank to a relay (by default the one the app came from). */
export async function shareTimebank(page, relayUrl, deviceName = 'Cora’s phone') {
  await nav(page, 'Sync');
  if (relayUrl) await page.getByLabel('Relay address').fill(relayUrl);
  await page.getByLabel('Name of this device').fill(deviceName);
  await page.getByRole('button', { name: 'Share this timebank through the relay' }).click();
  await expectSynced(page);
}

/** Creates an invite on the sync page for `member` (as the member list
 * names them), as a coordinator's device if `coordinator`; returns its link. */
export async function createInvite(page, label, { coordinator = false, member } = {}) {
  await nav(page, 'Sync');
  if (member) await page.getByLabel('Who is the invite for?').selectOption({ label: member });
  await page.getByLabel('Who or which device is it for?').fill(label);
  if (coordinator) await page.getByLabel(/It is for a coordinator/).check();
  await page.getByRole('button', { name: 'Create invite' }).click();
  const link = page.getByRole('textbox', { name: 'Invite link' });
  await expect(link).toHaveValue(/\/join#r=/);
  return link.inputValue();
}

/** Opens an invite on a fresh phone: an invite for a member certifies the
 * phone for them, so it lands on their home screen with no choice offered. */
export async function joinByInvite(page, link) {
  await page.goto(link);
  await expect(page.getByTestId('my-balance')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using this device?' })).toHaveCount(0);
  await expectSynced(page);
}

/** A second phone: a fresh browser profile at phone size. */
export async function newPhone(browser) {
  const context = await browser.newContext({
    baseURL: process.env.TALLY_URL,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  return { context, page };
}
