import { expect } from '@playwright/test';

// How the tests start Debian's Chromium: never a downloaded browser.
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium 156 loads its own omnibox popup (a WebUI page, with a few
      // hundred modules) for every new tab, which on a machine of 2 cores
      // takes the CPU from the page under test for half a second: a desktop
      // browser's own chrome, not the app's work (a phone's browser, or an
      // installed app's window, has none of it).
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  };
}

/**
 * Waits until the service worker is activated with its cache filled: from
 * then on every navigation of the site is answered by it, with the server
 * gone or not. (Whether the open page is itself controlled is another
 * matter: a page whose navigation began before the worker was activated
 * and which was not yet ready when the worker claimed its pages stays
 * uncontrolled until it is next loaded, which is what a browser does, and
 * no concern of a person's: the next opening is answered offline.) Fails
 * with the registration's state when that does not come within a minute.
 */
export async function untilServedOffline(page) {
  const state = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const names = (await caches.keys()).filter((name) => name.startsWith('tally-'));
    const files = names.length ? (await (await caches.open(names[0])).keys()).length : 0;
    return {
      installing: registration?.installing?.state ?? null,
      waiting: registration?.waiting?.state ?? null,
      active: registration?.active?.state ?? null,
      controlled: Boolean(navigator.serviceWorker.controller),
      caches: names.length,
      files,
    };
  });
  let last;
  try {
    await expect.poll(async () => {
      last = await state();
      return last.active === 'activated' && last.files > 5;
    }, { timeout: 60_000 }).toBe(true);
  } catch (error) {
    throw new Error(`the service worker did not get ready to answer offline: ${JSON.stringify(last)}\n${error.message}`);
  }
}
