import type { Page } from 'playwright-core';
import type { Language } from '#i18n/languages';
import {
  accessibilityViolations,
  browserTest,
  hasChromium,
  pageSummary,
  SCREENSHOTS,
  submit,
} from '#test/support/browser';
import { describe, expect } from '#test/support/fixtures';
import { confirmationLink, reviewBody, type ServiceClient } from '#test/support/service-client';

/**
 * A stakeholder's whole journey in a real Chromium: the form, the emailed links, the manage page. The pages on
 * the way are checked with axe-core as the browser renders them, with their styles and in their language.
 */
const REVIEW = 'browser';

/**
 * One Chromium for the file; for each test, its own service holding the review, and fresh browser profiles as
 * the reader in `language` has them: their browser asks for that language, which is what the emailed
 * confirmation link, carrying no language of its own, is shown in.
 */
const it = browserTest
  .extend('review', { auto: true }, async ({ api }) => {
    expect((await api.putReview(REVIEW, reviewBody(await api.now(), 120))).status).toBe(201);
  })
  .extend('newPage', ({ browser }, { onCleanup }) => async (language: Language): Promise<Page> => {
    const context = await browser.newContext({ locale: language });
    onCleanup(() => context.close());
    return context.newPage();
  });

/**
 * axe-core audits the Arabic and English pages, every public page between them. The French pages are the same
 * templates with other words, and each audit costs about a second.
 */
const AUDITED: Language[] = ['ar', 'en'];

/** Asserts the page is the one headed `h1` in `language`, and that axe-core finds nothing on it. */
async function expectPage(page: Page, language: Language, h1: string) {
  expect(await pageSummary(page)).toEqual({
    lang: language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    h1,
    overflow: 0,
  });
  if (AUDITED.includes(language)) expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * The headings and subjects a reader meets on the way, copied by hand from shared/i18n/catalogs, no-break spaces
 * included: a wrong key, a missing value or the wrong language fails.
 */
const WORDS = {
  ar: {
    register: 'التسجيل: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    sent: 'يُرجى التحقق من بريدكم الإلكتروني',
    confirm: 'تأكيد التسجيل',
    confirmed: 'تم تأكيد التسجيل',
    manage: 'تسجيلكم: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    saved: 'تم حفظ التغييرات',
    cancelled: 'تم إلغاء التسجيل',
    confirmSubject: 'يُرجى تأكيد تسجيلكم: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    confirmedSubject: 'تم تأكيد التسجيل: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    changedSubject: 'تم تحديث تسجيلكم: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    cancelledSubject: 'تم إلغاء التسجيل: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    online: 'عبر الإنترنت',
  },
  fr: {
    register: 'Inscription\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    sent: 'Consultez votre messagerie',
    confirm: 'Confirmez votre inscription',
    confirmed: 'Inscription confirmée',
    manage: 'Votre inscription\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    saved: 'Modifications enregistrées',
    confirmSubject:
      'Confirmez votre inscription\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    confirmedSubject:
      'Inscription confirmée : Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    changedSubject:
      'Votre inscription a été modifiée\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    online: 'En ligne',
  },
};
type Journey = keyof typeof WORDS;

const url = (api: ServiceClient, path: string) => new URL(path, api.baseUrl).toString();

/** The manage link of the latest email: every email after the confirmation carries one. */
async function manageLink(api: ServiceClient, email: string): Promise<string> {
  const latest = (await api.outbox(email)).at(-1);
  const link = /(http\S+\/manage\?token=\S+)/.exec(latest?.text ?? '')?.[1];
  if (!link) throw new Error(`no manage link in the latest email to ${email}: ${latest?.subject}`);
  return link;
}

const latestSubject = async (api: ServiceClient, email: string) => (await api.outbox(email)).at(-1)?.subject;

/** Fills and sends the registration form as a reader would, coming in person. */
async function register(page: Page, language: Journey, who: { name: string; email: string }) {
  await page.fill('#name', who.name);
  await page.fill('#email', who.email);
  await page.fill('#organisation', 'Migrant Rights Network');
  await page.selectOption('#stakeholderGroup', 'migrant-diaspora');
  await page.selectOption('#country', 'JO');
  await page.check('input[name="meetings"][value="pre-1"]');
  await page.check('input[name="meetings"][value="hybrid"]');
  await page.check('input[name="attendanceMode"][value="in-person"]');
  await page.selectOption('#language', language);
  await page.check('#consent');
  const answer = await submit(page, page.locator('form button[type="submit"]'));
  expect(answer.status()).toBe(200);
  await expectPage(page, language, WORDS[language].sent);
}

/** Opens the emailed confirmation link, presses its button, and lands on the confirmed page. */
async function confirmByEmailedLink(api: ServiceClient, page: Page, language: Journey, email: string) {
  const [message] = await api.outbox(email);
  expect(message?.subject).toBe(WORDS[language].confirmSubject);
  await page.goto(confirmationLink(await api.outbox(email)));
  await expectPage(page, language, WORDS[language].confirm);
  const answer = await submit(page, page.locator('main form button'));
  expect(answer.status()).toBe(200);
  await expectPage(page, language, WORDS[language].confirmed);
  expect(await latestSubject(api, email)).toBe(WORDS[language].confirmedSubject);
}

/** From the latest email's manage link: switches to online attendance, saves, and checks the emailed summary. */
async function changeToOnline(api: ServiceClient, page: Page, language: Journey, email: string) {
  await page.goto(await manageLink(api, email));
  await expectPage(page, language, WORDS[language].manage);
  await page.check('input[name="attendanceMode"][value="online"]');
  const answer = await submit(page, page.locator('main form[action^="/manage?"] button[type="submit"]'));
  expect(answer.status()).toBe(200);
  await expectPage(page, language, WORDS[language].saved);
  const [changed] = (await api.outbox(email)).slice(-1);
  expect(changed?.subject).toBe(WORDS[language].changedSubject);
  expect(changed?.text).toContain(WORDS[language].online);
}

describe.skipIf(!hasChromium)('registration in Chromium', () => {
  it('registers in Arabic, right to left, confirms by the emailed link, changes attendance and cancels', async ({
    api,
    newPage,
  }) => {
    const email = 'layla@example.org';
    const page = await newPage('ar');
    await page.goto(url(api, `/register/${REVIEW}?lang=ar`));
    await expectPage(page, 'ar', WORDS.ar.register);
    await page.screenshot({ path: `${SCREENSHOTS}/register-ar.png`, fullPage: true });

    await register(page, 'ar', { name: 'ليلى حداد', email });
    await confirmByEmailedLink(api, page, 'ar', email);
    await changeToOnline(api, page, 'ar', email);

    // The manage link again: the saved change shows, and the cancel button ends the registration.
    await page.goto(await manageLink(api, email));
    expect(await page.locator('input[name="attendanceMode"]:checked').getAttribute('value')).toBe('online');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/manage-ar.png`, fullPage: true });
    const answer = await submit(page, page.locator('form[action^="/manage/cancel"] button.danger'));
    expect(answer.status()).toBe(200);
    await expectPage(page, 'ar', WORDS.ar.cancelled);
    expect(await latestSubject(api, email)).toBe(WORDS.ar.cancelledSubject);
  }, 90_000);

  it('registers in French, confirms by the emailed link and changes attendance', async ({ api, newPage }) => {
    const email = 'camille@example.org';
    const page = await newPage('fr');
    await page.goto(url(api, `/register/${REVIEW}?lang=fr`));
    await expectPage(page, 'fr', WORDS.fr.register);

    await register(page, 'fr', { name: 'Camille Dubois', email });
    await confirmByEmailedLink(api, page, 'fr', email);
    await changeToOnline(api, page, 'fr', email);
  });

  it('shows the English form, its errors, the privacy notice and a broken link without accessibility violations', async ({
    api,
    newPage,
  }) => {
    const page = await newPage('en');
    await page.goto(url(api, `/register/${REVIEW}`));
    await expectPage(page, 'en', 'Register: GCM regional review: Europe');
    await page.screenshot({ path: `${SCREENSHOTS}/register-en.png`, fullPage: true });

    // Sent empty (the meetings come ticked), the form comes back with every problem named in a summary whose
    // links each lead to their field.
    for (const box of await page.locator('input[name="meetings"]').all()) await box.uncheck();
    const answer = await submit(page, page.locator('form button[type="submit"]'));
    expect(answer.status()).toBe(422);
    await expectPage(page, 'en', 'Register: GCM regional review: Europe');
    const links = await page.locator('[role="alert"] a').all();
    const targets = await Promise.all(links.map((link) => link.getAttribute('href')));
    expect(targets).toEqual(['#name', '#email', '#stakeholderGroup', '#country', '#meetings', '#consent']);
    for (const target of targets)
      expect(await page.locator(`${target}:is(input, select, textarea)`).count()).toBe(1);

    await page.goto(url(api, '/privacy?lang=en'));
    await expectPage(page, 'en', 'Privacy notice');

    const broken = await page.goto(url(api, '/confirm?token=not-a-token'));
    expect(broken?.status()).toBe(400);
    await expectPage(page, 'en', 'This link cannot be used');
  });
});
