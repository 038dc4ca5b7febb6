import {
  accessibilityViolations,
  browserTest,
  hasChromium,
  pageSummary,
  SCREENSHOTS,
  submit,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';
import { confirmedBriefingRequest, reviewBody } from '#test/support/service-client';

/** One Chromium for the file; each test's service holds Africa's review with a registrant, and a briefing request. */
const it = browserTest.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const review = reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' });
  expect((await api.putReview('africa-c', review)).status).toBe(201);
  await api.registerAndConfirm('africa-c', 'amina@example.org', 'Amina Haddad', 'ar');
  await confirmedBriefingRequest(api);
});

describe.skipIf(!hasChromium)('the console in Chromium', () => {
  it.for(['ar', 'en'] as const)(
    'signs a focal point in and shows every page in %s without an accessibility violation',
    async (language, { api, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        await page.goto(new URL(`/console?lang=${language}`, api.baseUrl).toString());
        expect(new URL(page.url()).pathname).toBe('/_local/oauth2/authorize');
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByRole('button', { name: /africa-focal@example\.org/ }).click();
        await page.waitForURL(/\/console\?lang=/);

        const shots: [string, string][] = [
          ['dashboard', `/console?lang=${language}`],
          ['review', `/console/reviews/africa-c?lang=${language}`],
          ['registrants', `/console/reviews/africa-c/registrants?lang=${language}&language=ar`],
          ['interpretation', `/console/reviews/africa-c/interpretation?lang=${language}`],
          ['contributions', `/console/reviews/africa-c/contributions?lang=${language}`],
          ['registrant', `/console/reviews/africa-c/registrants/amina%40example.org?lang=${language}`],
          ['requests', `/console/requests?lang=${language}`],
        ];
        for (const [name, path] of shots) {
          await page.goto(new URL(path, api.baseUrl).toString());
          expect(await pageSummary(page)).toMatchObject({
            lang: language,
            dir: language === 'ar' ? 'rtl' : 'ltr',
            overflow: 0,
          });
          expect([name, await accessibilityViolations(page)]).toEqual([name, []]);
          await page.screenshot({ path: `${SCREENSHOTS}/console-${name}-${language}.png`, fullPage: true });
        }
        expect(await page.locator('main').textContent()).toContain('West African Migrant Network');

        await page.fill('input[name="reason"]', 'Covered by the regional briefing.');
        await submit(page, page.locator('button.danger'));
        expect(await page.locator('main').textContent()).not.toContain('Awa (');
        await submit(page, page.locator('nav form button'));
        expect(new URL(page.url()).pathname).toBe('/console/signed-out');
        expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
