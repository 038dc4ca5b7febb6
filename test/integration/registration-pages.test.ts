import { verifyToken } from '#domain/tokens';
import { test as base, describe, expect } from '#test/support/fixtures';
import { confirmationLink, reviewBody } from '#test/support/service-client';

/** Each test's service holds the review `pages`, four months ahead, whose form the tests fill in. */
const it = base.extend('review', { auto: true }, async ({ api }) => {
  expect((await api.putReview('pages', reviewBody(await api.now(), 120))).status).toBe(201);
});

const validForm = (email: string, extra: Record<string, string | string[]> = {}) => ({
  name: 'Ana Pérez',
  email,
  organisation: 'Red de Migrantes',
  stakeholderGroup: 'migrant-diaspora',
  country: 'MX',
  meetings: ['pre-1', 'hybrid'],
  attendanceMode: 'online',
  language: 'es',
  accessibilityNeeds: '',
  consent: 'yes',
  ...extra,
});

const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string;

describe('the registration form', () => {
  it('speaks the browser’s language, is right to left in Arabic, and lets the reader switch', async ({
    api,
  }) => {
    const french = await api.request('GET', '/register/pages', {
      headers: { 'accept-language': 'fr-CH,fr;q=0.9' },
    });
    expect(french.status).toBe(200);
    expect(french.text).toContain('<html lang="fr" dir="ltr">');
    const arabic = await api.request('GET', '/register/pages?lang=ar', {
      headers: { 'accept-language': 'fr' },
    });
    expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain('href="/register/pages?lang=zh"');
    const fallback = await api.request('GET', '/register/pages', { headers: { 'accept-language': 'de' } });
    expect(fallback.text).toContain('<html lang="en" dir="ltr">');
    for (const field of [
      'name',
      'email',
      'organisation',
      'stakeholderGroup',
      'country',
      'accessibilityNeeds',
    ])
      expect(arabic.text).toContain(`id="${field}"`);
    expect(arabic.text).toContain('name="meetings" value="hybrid"');
    expect(arabic.text).toContain('name="attendanceMode" value="in-person"');
    expect(arabic.text).toContain('href="/privacy?lang=ar"');
  });

  it('names each invalid field on the page, keeping what was typed', async ({ api }) => {
    const answer = await api.request('POST', '/register/pages?lang=en', {
      form: { name: 'Ana <b>Pérez</b>', email: 'nope', meetings: [], language: 'en' },
    });
    expect(answer.status).toBe(422);
    for (const field of ['email', 'stakeholderGroup', 'country', 'meetings', 'consent'])
      expect(answer.text).toContain(`id="${field}-error"`);
    expect(answer.text).toContain('value="Ana &lt;b>Pérez&lt;/b>"');
    expect(answer.text).not.toContain('<b>Pérez</b>');
  });

  it('registers from the form and emails the link in the chosen language', async ({ api }) => {
    const answer = await api.request('POST', '/register/pages?lang=es', {
      form: validForm('ana@example.org'),
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<html lang="es"');
    const [email] = await api.outbox('ana@example.org');
    expect(email?.html).toContain('<html lang="es" dir="ltr">');
    const link = confirmationLink(await api.outbox('ana@example.org'));
    const confirmed = await api.request('POST', '/confirm', { form: { token: tokenOf(link) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('<html lang="es"');
  });

  it('gives a bot that fills the trap field the same answer, and records nothing', async ({ api }) => {
    const answer = await api.request('POST', '/register/pages?lang=en', {
      form: validForm('bot@example.org', { website: 'http://spam.example.org' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Check your email');
    expect(await api.outbox('bot@example.org')).toEqual([]);
  });

  it('refuses an oversized body before reading it', async ({ api }) => {
    const answer = await api.request('POST', '/register/pages', {
      form: validForm('big@example.org', { name: 'x'.repeat(20_000) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: 'the body is larger than 16384 bytes' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });
});

describe('no enumeration, no duplicates', () => {
  it('keeps one registration per address under concurrent submissions, all links confirming that one', async ({
    api,
    runtime,
  }) => {
    const submissions = Array.from({ length: 4 }, () =>
      api.request('POST', '/registrations', {
        json: { reviewId: 'pages', email: 'race@example.org', name: 'Race Condition' },
      }),
    );
    const answers = await Promise.all(submissions);
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    const emails = await api.outbox('race@example.org');
    expect(emails).toHaveLength(4);
    const nonces = emails.map((e) => {
      const token = /token=([^\s&]+)/.exec(e.text ?? '')?.[1] as string;
      const check = verifyToken(token, 'confirm-registration', runtime.signingKey, runtime.clock.now());
      return check.ok ? check.claims.nonce : undefined;
    });
    expect(nonces[0]).toEqual(expect.any(String));
    expect(new Set(nonces).size).toBe(1);
  });

  it('answers a known address like a new one, and emails it a manage link instead', async ({ api }) => {
    await api.registerAndConfirm('pages', 'known@example.org');
    const known = await api.request('POST', '/registrations', {
      json: { reviewId: 'pages', email: 'known@example.org', name: 'Someone Else', language: 'fr' },
    });
    const fresh = await api.request('POST', '/registrations', {
      json: { reviewId: 'pages', email: 'fresh@example.org', name: 'Someone Else', language: 'fr' },
    });
    expect([known.status, known.text]).toEqual([fresh.status, fresh.text]);
    const last = (await api.outbox('known@example.org')).at(-1);
    expect(last?.subject).toMatch(/^Your registration: /);
    expect(last?.text).toContain('/manage?token=');
  });

  it('limits attempts per address', async ({ api }) => {
    const attempt = () =>
      api.request('POST', '/registrations', {
        json: { reviewId: 'pages', email: 'limit@example.org', name: 'L' },
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('a confirmation link', () => {
  it('is single use: a second POST changes nothing and says it was done', async ({ api }) => {
    await api.request('POST', '/registrations', {
      json: { reviewId: 'pages', email: 'once@example.org', name: 'O' },
    });
    const token = tokenOf(confirmationLink(await api.outbox('once@example.org')));
    expect((await api.request('POST', '/confirm', { form: { token } })).text).toContain('is confirmed');
    expect((await api.request('POST', '/confirm', { form: { token } })).text).toContain('already confirmed');
  });
});
