import {
  accessibilityViolations,
  browserTest,
  hasChromium,
  pageSummary,
  SCREENSHOTS,
  submit,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

/** One Chromium for the file; each test's service holds the review `africa-c`. */
const it = browserTest.extend('review', { auto: true }, async ({ api }) => {
  const review = reviewBody(await api.now(), 120, { region: 'africa', timeZone: 'Africa/Addis_Ababa' });
  expect((await api.putReview('africa-c', review)).status).toBe(201);
});

describe.skipIf(!hasChromium)('a written contribution in Chromium', () => {
  it.for([
    ['ar', 'المساهمة: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أفريقيا', 'تم استلام المساهمة'],
    [
      'fr',
      'Contribuer\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Afrique',
      'Contribution reçue',
    ],
  ] as const)(
    'is written and sent in %s, each page without an accessibility violation',
    async ([language, heading, received], { api, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        await page.goto(new URL(`/contribute/africa-c?lang=${language}`, api.baseUrl).toString());
        expect(await pageSummary(page)).toEqual({
          lang: language,
          dir: language === 'ar' ? 'rtl' : 'ltr',
          h1: heading,
          overflow: 0,
        });
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/contribute-${language}.png`, fullPage: true });

        const email = `${language}@example.org`;
        await page.fill('#name', 'Fatou Diallo');
        await page.fill('#email', email);
        await page.selectOption('#stakeholderGroup', 'civil-society');
        await page.fill('#title', 'Travail décent');
        await page.fill('#text', 'Les voies régulières doivent garantir un travail décent.');
        await page.check('input[name="objectives"][value="6"]');
        await page.check('#publishable');
        await page.check('#consent');
        expect((await submit(page, page.locator('form button[type="submit"]'))).status()).toBe(200);

        const [message] = await api.outbox(email);
        const link = /(http\S+\/contributions\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
        await page.goto(link);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect((await submit(page, page.locator('main form button'))).status()).toBe(200);
        expect((await pageSummary(page)).h1).toBe(received);
      } finally {
        await context.close();
      }
    },
  );
});
