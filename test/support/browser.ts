import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { test } from './fixtures';

/**
 * Real-browser tests drive the system's Chromium (Debian's package, which `.ci/run` installs) through
 * playwright-core: `npx playwright install` downloads browsers, which this project never does.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium)
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install it, or set CHROMIUM_PATH).`);

/** Where screenshots are kept as test artefacts (gitignored). */
export const SCREENSHOTS = 'test-results/screenshots';

export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // No sandbox: CI runs as root. The rest keeps a headless Chromium off the network and quiet.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Presses a form's submit button and waits until the page the POST answers with has loaded. The URL is no
 * guide (a form posts back to the address it came from), so this waits for the POST's answer and the new
 * document's load event, both set up before the click.
 */
export async function submit(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === 'POST'),
    page.waitForEvent('load'),
    button.click(),
  ]);
  return response;
}

/**
 * The page's `lang` and `dir` attributes, its main heading, and how far it overflows the window sideways (an
 * element placed off screen on the wrong side makes a right-to-left page scroll into the void), for one
 * assertion per page.
 */
export async function pageSummary(page: Page) {
  const html = page.locator('html');
  return {
    lang: await html.getAttribute('lang'),
    dir: await html.getAttribute('dir'),
    h1: (await page.locator('h1').textContent())?.trim(),
    overflow: await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  };
}

/**
 * axe-core's violations on the page, reduced to what a failing assertion should show. Legacy mode runs axe in
 * the page itself; the default opens a blank page per analysis to merge frames' results, twice as slow, and
 * these pages have no frames.
 */
export async function accessibilityViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
}

/** Tests against the service in a real browser: one Chromium for the file, beside each test's own service. */
export const browserTest = test
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  });
