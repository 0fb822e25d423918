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
