// Checks shared by every screen: no console errors, no accessibility
// violations, nothing wider than the screen, and a saved screenshot.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

/** Collects console errors and warnings and uncaught exceptions of a page. */
export function watchConsole(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** Fails on any WCAG 2.2 A or AA violation that axe-core finds. */
export async function expectNoAccessibilityViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'accessibility violations').toEqual([]);
}

/** Fails when the page scrolls sideways, i.e. something is wider than the screen. */
export async function expectNoSidewaysScroll(page) {
  const { overflow, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements that reach past the screen's edge, to say which.
    const past = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 0.5));
    return {
      overflow: document.documentElement.scrollWidth - width,
      widest: past.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.trim().slice(0, 40)}"`),
    };
  });
  expect(overflow, `page is wider than the screen by this many pixels (${widest.join('; ')})`).toBeLessThanOrEqual(0);
}

/** Saves a full-page screenshot under target/screenshots for review. */
export async function saveScreenshot(page, name) {
  const dir = process.env.TALLY_SCREENSHOTS || '../../target/screenshots';
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Fails when a visible control (link, button, field, disclosure) is less
 * than 24 by 24 px to tap, naming each one. */
export async function expectTapTargets(page, least = 24) {
  const small = await page.evaluate((least) => [...document.querySelectorAll('a, button, select, input, textarea, summary')]
    .filter((element) => element.checkVisibility() && !element.closest('.visually-hidden, .skip-link'))
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ element, box }) => {
      // A check box or radio counts with its label, as a tap on either works.
      const label = element.labels?.[0]?.getBoundingClientRect();
      const height = Math.max(box.height, label?.height ?? 0);
      return height < least - 0.5 || Math.max(box.width, label?.width ?? 0) < least - 0.5;
    })
    .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`), least);
  expect(small, `controls smaller than ${least} by ${least} px`).toEqual([]);
}

/** The height of the header with its navigation, as a share of the screen's. */
export async function headerShare(page) {
  return page.evaluate(() => document.querySelector('.shell-header').getBoundingClientRect().height / window.innerHeight);
}
