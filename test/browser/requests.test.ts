import {
  accessibilityViolations,
  hasChromium,
  browserTest as it,
  pageSummary,
  SCREENSHOTS,
  submit,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';

const inDays = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

describe.skipIf(!hasChromium)('briefing requests and GCM Talks in Chromium', () => {
  it.for([
    ['ar', 'طلب إحاطة'],
    ['ru', 'Запросить брифинг'],
  ] as const)(
    'a network asks for a briefing in %s, each page without an accessibility violation',
    async ([language, heading], { api, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        await page.goto(new URL(`/briefings/request?lang=${language}`, api.baseUrl).toString());
        expect(await pageSummary(page)).toEqual({
          lang: language,
          dir: language === 'ar' ? 'rtl' : 'ltr',
          h1: heading,
          overflow: 0,
        });
        expect(await accessibilityViolations(page)).toEqual([]);

        // Sent without its region and topic: the errors are shown, accessible, and what was typed is kept.
        await page.fill('#network', 'شبكة المهاجرين');
        await page.check('input[name="scope"][value="regional"]');
        expect((await submit(page, page.locator('form button[type="submit"]'))).status()).toBe(422);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.inputValue('#network')).toBe('شبكة المهاجرين');
        await page.screenshot({ path: `${SCREENSHOTS}/briefing-errors-${language}.png`, fullPage: true });

        const email = `network-${language}@example.org`;
        await page.check('input[name="regions"][value="arab"]');
        await page.fill('#topic', 'Preparing the Arab regional review');
        await page.fill('#preferredDates', 'May 2027');
        await page.check('input[name="languages"][value="ar"]');
        await page.fill('#expectedParticipants', '35');
        await page.fill('#name', 'Layla Haddad');
        await page.fill('#email', email);
        await page.check('#consent');
        expect((await submit(page, page.locator('form button[type="submit"]'))).status()).toBe(200);

        const [message] = await api.outbox(email);
        const link = /(http\S+\/requests\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
        await page.goto(link);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect((await submit(page, page.locator('main form button'))).status()).toBe(200);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/briefing-received-${language}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    },
  );

  it.for([
    ['ar', 'اقتراح حوار'],
    ['es', 'Proponer'],
  ] as const)(
    'a GCM Talk is proposed, accepted and listed in %s, without an accessibility violation',
    async ([language, headingStart], { api, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        await page.goto(new URL(`/talks/propose?lang=${language}`, api.baseUrl).toString());
        const summary = await pageSummary(page);
        expect(summary).toMatchObject({
          lang: language,
          dir: language === 'ar' ? 'rtl' : 'ltr',
          overflow: 0,
        });
        expect(summary.h1?.startsWith(headingStart)).toBe(true);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/talk-propose-${language}.png`, fullPage: true });

        const email = `talk-${language}@example.org`;
        await page.fill('#title', 'Cities that welcome');
        await page.fill('#organisers', 'Mayors Migration Council');
        await page.check('input[name="level"][value="regional"]');
        await page.fill('#themes', 'Local inclusion of migrants.');
        await page.check('input[name="objectives"][value="16"]');
        await page.fill('#proposedDate', inDays(await api.now(), 40));
        await page.check('input[name="format"][value="hybrid"]');
        await page.check('input[name="interpretationLanguages"][value="ar"]');
        await page.fill('#audience', 'Local authorities');
        await page.fill('#name', 'Lucía Gómez');
        await page.fill('#email', email);
        await page.check('#consent');
        expect((await submit(page, page.locator('form button[type="submit"]'))).status()).toBe(200);
        const [message] = await api.outbox(email);
        const link = /(http\S+\/requests\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
        await page.goto(link);
        await submit(page, page.locator('main form button'));

        const [request] = (await api.request('GET', '/admin/requests')).body.requests;
        const decision = {
          decision: 'accept',
          reviewId: `talk-${language}`,
          timeZone: 'Asia/Beirut',
          venue: 'UN House, Beirut',
        };
        expect(
          (await api.request('PUT', `/admin/requests/${request.requestId}`, { json: decision })).status,
        ).toBe(200);

        await page.goto(new URL(`/talks?lang=${language}`, api.baseUrl).toString());
        expect(await pageSummary(page)).toMatchObject({ lang: language, overflow: 0 });
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.locator(`a[href="/register/talk-${language}?lang=${language}"]`).count()).toBe(1);
        await page.screenshot({ path: `${SCREENSHOTS}/talks-${language}.png`, fullPage: true });

        await page.goto(new URL(`/?lang=${language}`, api.baseUrl).toString());
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.locator('a[href^="/talks/propose"]').count()).toBe(1);
      } finally {
        await context.close();
      }
    },
  );
});
