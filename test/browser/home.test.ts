import { SEED_ROUND } from '#local/seed/roadmap-2023-2024';
import {
  accessibilityViolations,
  browserTest,
  hasChromium,
  pageSummary,
  SCREENSHOTS,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';

/** One Chromium for the file; each test's service holds the seed's round, as `npm run seed:roadmap` loads it. */
const it = browserTest.extend('seeded', { auto: true }, async ({ api }) => {
  for (const { reviewId, review } of SEED_ROUND)
    expect((await api.putReview(reviewId, review)).status).toBe(201);
});

describe.skipIf(!hasChromium)('the public home in Chromium', () => {
  it.for([
    ['ar', 'مشاركة أصحاب المصلحة في الاستعراضات الإقليمية للاتفاق العالمي من أجل الهجرة', 1280],
    ['en', 'Stakeholder engagement in the GCM regional reviews', 1280],
    [
      'es',
      'Participación de las partes interesadas en los exámenes regionales del Pacto Mundial para la Migración',
      390,
    ],
  ] as const)(
    'shows the seed’s table in %s (a window %s… wide), without an accessibility violation',
    async ([language, h1, width], { api, browser }) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(new URL(`/?lang=${language}`, api.baseUrl).toString());
        expect(await pageSummary(page)).toEqual({
          lang: language,
          dir: language === 'ar' ? 'rtl' : 'ltr',
          h1,
          overflow: 0,
        });
        // Five regions, each a row; the two global consultations below.
        expect(await page.locator('tbody tr').count()).toBe(5);
        expect(await page.locator('main ul li a[href^="/register/global-"]').count()).toBe(2);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/home-${language}.png`, fullPage: true });
      } finally {
        await page.close();
      }
    },
  );
});
