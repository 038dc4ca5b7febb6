import type { Page } from 'playwright-core';
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

/**
 * A console page as its reader sees it: in their language and direction, nothing off screen sideways; then
 * photographed for the README's screenshots. axe checks the Arabic page, right to left: the English one is the
 * same markup in other words, and axe is most of this file's time.
 */
async function checkPage(page: Page, language: 'ar' | 'en', name: string) {
  expect(await pageSummary(page)).toMatchObject({
    lang: language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    overflow: 0,
  });
  if (language === 'ar') expect([name, await accessibilityViolations(page)]).toEqual([name, []]);
  await page.screenshot({ path: `${SCREENSHOTS}/console-${name}-${language}.png`, fullPage: true });
}

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
    // Seven pages, each checked by axe and photographed whole: more than the default on a busy machine.
    { timeout: 90_000 },
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
          await checkPage(page, language, name);
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

  it.for(['ar', 'en'] as const)(
    'edits a review in %s: the form on a laptop and a phone, its preview beside it, its refusal, then saved',
    // Five pages, each a long form checked by axe and photographed whole.
    { timeout: 120_000 },
    async (language, { api, browser }) => {
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        const open = async (path: string) => page.goto(new URL(path, api.baseUrl).toString());
        const check = (name: string) => checkPage(page, language, name);
        await open(`/console?lang=${language}`);
        await page.getByRole('button', { name: /africa-focal@example\.org/ }).click();
        await page.waitForURL(/\/console\?lang=/);

        await open(`/console/reviews/new?lang=${language}`);
        await check('review-new');
        await open(`/console/reviews/africa-c?lang=${language}`);
        await page.locator(`a[href="/console/reviews/africa-c/edit?lang=${language}"]`).click();
        await page.waitForURL(/\/edit\?lang=/);
        await page.setViewportSize({ width: 390, height: 844 });
        await check('review-edit-phone');
        await page.setViewportSize({ width: 1280, height: 800 });
        await check('review-edit');

        const day = new Date((await api.now()).getTime() + 60 * 86_400_000);
        expect(await page.inputValue('[name="meetings[1].id"]')).toBe('hybrid');
        await page.fill('[name="meetings[1].capacity"]', '120');
        await page.locator('details.add summary').first().click();
        await page.fill('[name="meetings[2].id"]', 'labour');
        await page.selectOption('[name="meetings[2].kind"]', 'consultation');
        await page.fill('[name="meetings[2].title"]', 'Labour migration');
        await page.fill('[name="meetings[2].date"]', day.toISOString().slice(0, 10));
        expect((await submit(page, page.locator('button[value="preview"]'))).status()).toBe(200);
        expect(await page.locator('.preview').textContent()).toContain('labour.invitation');
        await check('review-preview');

        await page.fill('[name="meetings[2].date"]', 'next spring');
        expect((await submit(page, page.locator('button[value="save"]'))).status()).toBe(422);
        expect(await page.locator('#meetings-2-date-error').textContent()).toContain('next spring');
        await check('review-invalid');

        await page.fill('[name="meetings[2].date"]', day.toISOString().slice(0, 10));
        expect((await submit(page, page.locator('button[value="save"]'))).status()).toBe(303);
        expect(new URL(page.url()).pathname).toBe('/console/reviews/africa-c');
        expect(await page.locator('main').textContent()).toContain('labour.invitation');
      } finally {
        await context.close();
      }
    },
  );

  it.for(['ar', 'en'] as const)(
    'shows in %s the round with its milestones, the invitations and their reminder, and asks before cancelling',
    { timeout: 60_000 },
    async (language, { api, browser }) => {
      const year = (await api.now()).getUTCFullYear() + 2;
      const later = {
        region: 'africa',
        cycle: 'Third round',
        date: `May ${year}`,
        timeZone: 'Africa/Addis_Ababa',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', date: `March ${year}` },
          { id: 'hybrid', kind: 'hybrid-consultation', date: `May ${year}` },
        ],
      };
      expect((await api.putReview('africa-later', later)).status).toBe(201);
      const upload = (csv: string) =>
        api.request('POST', '/admin/reviews/africa-c/invitations', { raw: { type: 'text/csv', text: csv } });
      await upload(
        'email,name,language\nkofi@example.org,Kofi Mensah,en\nnot-an-address,Nobody,fr\namina@example.org,Amina,ar\n',
      );
      await api.moveClock({ advanceBy: 'PT2M' });
      await upload('email,name,language\nfatou@example.org,Fatou Diallo,fr\n');

      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        const open = async (path: string) => page.goto(new URL(path, api.baseUrl).toString());
        const check = (name: string) => checkPage(page, language, name);
        await open(`/console?lang=${language}`);
        await page.getByRole('button', { name: /africa-focal@example\.org/ }).click();
        await page.waitForURL(/\/console\?lang=/);
        expect(await page.locator('svg[role="img"] polygon').count()).toBeGreaterThan(8);
        await check('dashboard-round');
        await page.setViewportSize({ width: 390, height: 844 });
        await check('dashboard-phone');
        await page.setViewportSize({ width: 1280, height: 800 });

        const invitations = `/console/reviews/africa-c/invitations?lang=${language}`;
        // While emails go out the page reloads itself, which axe rightly flags: checked with reloading stopped.
        await open(invitations);
        expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
        await page.locator('a[href$="follow=no"]').click();
        await page.waitForURL(/follow=no/);
        expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
        await check('invitations-sending');
        // Each upload's rows are checked a minute or two after it, its invitations sent two minutes after that.
        await api.moveClock({ advanceBy: 'PT4M' });
        await open(invitations);
        // Two bars an upload (rows checked, invitations sent).
        expect(await page.locator('progress').count()).toBe(4);
        await check('invitations');
        await submit(page, page.locator(`form[action$="/invitations/reminders?lang=${language}"] button`));
        await api.moveClock({ advanceBy: 'PT2M' });
        await open(invitations);
        expect(await page.locator('progress').count()).toBe(5);
        await check('invitations-reminded');
        await page.setViewportSize({ width: 390, height: 844 });
        await check('invitations-phone');
        await page.setViewportSize({ width: 1280, height: 800 });

        await open(`/console/reviews/africa-c/registrants/amina%40example.org?lang=${language}`);
        const cancel = page.locator('form:has(input[name="action"][value="cancel"]) button');
        expect((await submit(page, cancel)).status()).toBe(200);
        expect(await page.locator('#confirm-cancel').count()).toBe(1);
        await check('registrant-cancel');
        await page.locator('section[aria-labelledby="confirm-cancel"] a').click();
        await page.waitForLoadState('load');
        expect(await cancel.count()).toBe(1);
        expect(await page.locator('#confirm-cancel').count()).toBe(0);
      } finally {
        await context.close();
      }
    },
  );

  it.for(['ar', 'en'] as const)(
    'writes a message in %s, previews it in each language it goes out in, sends it and shows its round',
    { timeout: 60_000 },
    async (language, { api, browser }) => {
      await api.registerAndConfirm('africa-c', 'kofi@example.org', 'Kofi Mensah', 'en');
      const context = await browser.newContext({ locale: language });
      try {
        const page = await context.newPage();
        const open = async (path: string) => page.goto(new URL(path, api.baseUrl).toString());
        const check = (name: string) => checkPage(page, language, name);
        await open(`/console?lang=${language}`);
        await page.getByRole('button', { name: /africa-focal@example\.org/ }).click();
        await page.waitForURL(/\/console\?lang=/);

        await open(`/console/reviews/africa-c/messages/new?lang=${language}`);
        await check('message-new');
        await page.fill('#subject-en', 'Room changed');
        await page.fill('#body-en', 'The consultation moves to room XVII.');
        await page.fill('#subject-ar', 'تغيير القاعة');
        await page.fill('#body-ar', 'تنتقل المشاورة إلى القاعة السابعة عشرة.');
        expect((await submit(page, page.locator('button[value="preview"]'))).status()).toBe(200);
        expect(await page.locator('.email-preview').count()).toBe(2);
        await check('message-preview');
        expect((await submit(page, page.locator('button[value="send"]'))).status()).toBe(303);
        await api.moveClock({ advanceBy: 'PT3M' });
        await open(`/console/reviews/africa-c/messages?lang=${language}`);
        await check('messages');
        await page.locator('a[href*="messages/round?milestone=announce.message-"]').click();
        await page.waitForURL(/messages\/round/);
        expect(await page.locator('main').textContent()).toContain('kofi@example.org');
        await check('round');
      } finally {
        await context.close();
      }
    },
  );
});
