import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { confirmationMessage } from '#domain/messages';
import { planReview } from '#domain/plan';
import { type Review, ReviewInput } from '#domain/review';
import { confirmFormPage, registrationFormPage } from '#html/registration-pages';
import { renderMessage } from '#mail/render-message';

const review: Review = {
  ...parseOrThrow(ReviewInput, {
    region: 'europe',
    date: '2027-06-10',
    venue: 'Palais des Nations, Geneva',
    timeZone: 'Europe/Zurich',
  }),
  reviewId: 'europe-2027',
  status: 'active',
  version: 1,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
};
const context = { review, meetings: planReview(review, new Date('2027-01-01T00:00:00Z')).meetings };

/**
 * The pages and an email in English, French and Arabic, against words copied by hand from
 * shared/i18n/catalogs (no-break spaces included), never from the translator: a wrong key, a lost value or the
 * wrong language or direction fails.
 */
const EXPECTED = {
  en: {
    html: '<html lang="en" dir="ltr">',
    register: 'Register: GCM regional review: Europe',
    name: 'Full name',
    submit: 'Register',
    confirm: 'Confirm your registration',
    confirmButton: 'Confirm my registration',
    subject: 'Confirm your registration: GCM regional review: Europe',
    greeting: 'Dear Camille,',
    link: 'Confirm my registration',
    align: 'text-align:left" dir="ltr"',
  },
  fr: {
    html: '<html lang="fr" dir="ltr">',
    register: 'Inscription\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    name: 'Nom complet',
    submit: 'S’inscrire',
    confirm: 'Confirmez votre inscription',
    confirmButton: 'Confirmer mon inscription',
    subject:
      'Confirmez votre inscription\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    greeting: 'Bonjour Camille,',
    link: 'Confirmer mon inscription',
    align: 'text-align:left" dir="ltr"',
  },
  ar: {
    html: '<html lang="ar" dir="rtl">',
    register: 'التسجيل: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    name: 'الاسم الكامل',
    submit: 'تسجيل',
    confirm: 'تأكيد التسجيل',
    confirmButton: 'تأكيد تسجيلي',
    subject: 'يُرجى تأكيد تسجيلكم: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة: أوروبا',
    greeting: 'السيد/السيدة Camille،',
    link: 'تأكيد تسجيلي',
    align: 'text-align:right" dir="rtl"',
  },
};
const LANGUAGES = ['en', 'fr', 'ar'] as const;

describe('pages and emails in each language', () => {
  it.each(LANGUAGES)('%s: the registration form', (language) => {
    const words = EXPECTED[language];
    const html = registrationFormPage(language, context, { values: {}, errors: [] });
    expect(html.startsWith(`<!doctype html>\n${words.html}`)).toBe(true);
    expect(html).toContain(`<title>${words.register}</title>`);
    expect(html).toContain(`<h1>${words.register}</h1>`);
    expect(html).toContain(`<label for="name">${words.name}</label>`);
    expect(html).toContain(`<button type="submit">${words.submit}</button>`);
  });

  it.each(LANGUAGES)('%s: the confirmation page', (language) => {
    const words = EXPECTED[language];
    const html = confirmFormPage(language, review, 'a-token');
    expect(html.startsWith(`<!doctype html>\n${words.html}`)).toBe(true);
    expect(html).toContain(`<h1>${words.confirm}</h1>`);
    expect(html).toContain('<input type="hidden" name="token" value="a-token"/>');
    expect(html).toContain(`<button type="submit">${words.confirmButton}</button>`);
  });

  it.each(LANGUAGES)('%s: the confirmation email', (language) => {
    const words = EXPECTED[language];
    const url = 'https://consultations.example.org/confirm?token=a-token';
    const email = renderMessage(confirmationMessage(review, { name: 'Camille', language }, url));
    expect(email.subject).toBe(words.subject);
    expect(email.html.startsWith(`<!doctype html>\n${words.html}`)).toBe(true);
    expect(email.html).toContain(`<title>${words.subject}</title>`);
    expect(email.html).toContain(words.align);
    expect(email.html).toContain(`<p style="margin:0 0 16px">${words.greeting}</p>`);
    expect(email.html).toContain(`<a href="${url}" style="`);
    expect(email.html).toContain(`>${words.link}</a>`);
    expect(email.text.startsWith(`${words.greeting}\n\n`)).toBe(true);
    expect(email.text.endsWith(`\n\n${words.link}: ${url}\n`)).toBe(true);
    expect(email.headers).toBeUndefined();
  });
});
