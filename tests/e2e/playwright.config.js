// Playwright runs against the release build served by the relay; `cargo xtask
// test` builds it, starts the relay on a free port and sets TALLY_URL.
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser.js';

if (!process.env.TALLY_URL) {
  throw new Error('TALLY_URL is not set: run these tests with `cargo xtask test`');
}

export default defineConfig({
  testDir: './specs',
  outputDir: '../../target/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.TALLY_URL,
    trace: 'off',
  },
  projects: [
    {
      name: 'phone',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
