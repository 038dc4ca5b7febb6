import type { Page } from 'playwright-core';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import {
  accessibilityViolations,
  browserTest,
  hasChromium,
  SCREENSHOTS,
  submit,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';
import { reviewBody, ServiceClient } from '#test/support/service-client';

/**
 * The service as seen from one network address, the browser's and the test's alike (`localhost` may resolve to
 * IPv6 for one and IPv4 for the other), whose hour's registrations without a challenge are already sent.
 */
const it = browserTest.extend('office', { auto: true }, async ({ api }) => {
  const office = new ServiceClient(api.baseUrl.replace('localhost', '127.0.0.1'));
  expect((await office.putReview('busy', reviewBody(await office.now(), 120))).status).toBe(201);
  for (let i = 0; i < PROOF_AFTER_PER_CLIENT; i++) {
    const answer = await office.request('POST', '/registrations', {
      json: { reviewId: 'busy', email: `staff${i}@example.org`, name: `Staff ${i}` },
    });
    expect(answer.status).toBe(202);
  }
  return office;
});

/**
 * Presses the form's button: the form comes back refused, its page's own script solves the challenge and says so
 * (naming the button to press again), and the page passes axe. Answers the button.
 */
async function refusedThenSolved(page: Page) {
  const button = page.locator('main form button[type="submit"]');
  expect((await submit(page, button)).status()).toBe(429);
  await page.waitForFunction(() => (document.getElementById('proof') as HTMLInputElement).value !== '');
  const status = page.locator('#proof-status');
  expect(await status.textContent()).toBe(await status.getAttribute('data-done'));
  expect(await status.textContent()).toContain(await button.textContent());
  expect(await accessibilityViolations(page)).toEqual([]);
  return button;
}

describe.skipIf(!hasChromium)('the proof of work in Chromium', () => {
  it.for(['ar', 'en'] as const)(
    'keeps what was typed in %s, solves the challenge with the page’s own script, and registers on the next press',
    async (language, { office, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        await page.goto(new URL(`/register/busy?lang=${language}`, office.baseUrl).toString());
        await page.fill('#name', 'Layla Haddad');
        await page.fill('#email', `layla-${language}@example.org`);
        await page.fill('#organisation', 'Migrant Rights Network');
        await page.selectOption('#stakeholderGroup', 'migrant-diaspora');
        await page.selectOption('#country', 'JO');
        await page.check('#consent');
        const button = await refusedThenSolved(page);
        expect(await page.inputValue('#name')).toBe('Layla Haddad');
        await page.screenshot({ path: `${SCREENSHOTS}/proof-of-work-${language}.png`, fullPage: true });

        expect((await submit(page, button)).status()).toBe(200);
        expect((await office.outbox(`layla-${language}@example.org`)).length).toBe(1);
      } finally {
        await context.close();
      }
    },
  );

  it('keeps a long contribution, counted with the network’s registrations, and sends it on the next press', async ({
    office,
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'fr' });
    try {
      const page = await context.newPage();
      await page.goto(new URL('/contribute/busy?lang=fr', office.baseUrl).toString());
      const text = Array.from({ length: 200 }, (_, i) => `Paragraphe ${i + 1} : un travail décent.`).join(
        '\n',
      );
      await page.fill('#name', 'Fatou Diallo');
      await page.fill('#email', 'fatou@example.org');
      await page.selectOption('#stakeholderGroup', 'civil-society');
      await page.fill('#title', 'Travail décent');
      await page.fill('#text', text);
      await page.check('input[name="objectives"][value="6"]');
      await page.check('#publishable');
      await page.check('#consent');
      const button = await refusedThenSolved(page);
      expect(await page.inputValue('#text')).toBe(text);
      expect(await page.isChecked('input[name="objectives"][value="6"]')).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/proof-of-work-contribution-fr.png`, fullPage: true });

      expect((await submit(page, button)).status()).toBe(200);
      expect((await office.outbox('fatou@example.org')).length).toBe(1);
    } finally {
      await context.close();
    }
  });
});
