import { issueToken } from '#domain/tokens';
import { test as base, describe, expect } from '#test/support/fixtures';
import { confirmationLink, reviewBody } from '#test/support/service-client';

/** Each test's service holds the review `europe-r`, four months ahead, and registers people for it. */
const it = base
  .extend('review', { auto: true }, async ({ api }) => {
    const answer = await api.putReview('europe-r', reviewBody(await api.now(), 120));
    expect(answer.status).toBe(201);
    return answer.body;
  })
  .extend(
    'register',
    ({ api }) =>
      (email: string, extra: Record<string, unknown> = {}) =>
        api.request('POST', '/registrations', {
          json: { reviewId: 'europe-r', email, name: 'Nadia Haddad', language: 'en', ...extra },
        }),
  );

describe('registration by email link', () => {
  it('answers 202 and emails a confirmation link; opening the link confirms nothing, its button does', async ({
    api,
    runtime,
    register,
  }) => {
    const answer = await register('new@example.org');
    expect(answer.status).toBe(202);
    const link = confirmationLink(await api.outbox('new@example.org'));
    expect(link.startsWith(`${runtime.apiUrl}/confirm?token=`)).toBe(true);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('is confirmed');
    expect(html).toContain('<form method="post" action="/confirm?lang=en">');

    const token = new URL(link).searchParams.get('token') as string;
    const confirmed = await api.request('POST', '/confirm', { form: { token } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('is confirmed');
    const again = await api.request('POST', '/confirm', { form: { token } });
    expect(again.text).toContain('already confirmed');
  });

  it('answers the same whether the address is new, pending or confirmed, and tells the owner by email', async ({
    api,
    register,
  }) => {
    const fresh = await register('same@example.org');
    const pending = await register('SAME@example.org');
    await api.registerAndConfirm('europe-r', 'same@example.org');
    const known = await register('same@example.org');
    expect([fresh, pending, known].map((a) => [a.status, a.text])).toEqual([
      [fresh.status, fresh.text],
      [fresh.status, fresh.text],
      [fresh.status, fresh.text],
    ]);
    const subjects = (await api.outbox('same@example.org')).map((e) => e.subject);
    expect(subjects.filter((s) => s.startsWith('Confirm your registration'))).toHaveLength(3);
    expect(subjects.at(-1)).toMatch(/^Your registration: /);
  });

  it('shows a clear page, and confirms nothing, for a forged or expired link', async ({
    api,
    runtime,
    register,
  }) => {
    await register('forged@example.org');
    const link = confirmationLink(await api.outbox('forged@example.org'));
    const token = new URL(link).searchParams.get('token') as string;
    const forged = await api.request('POST', '/confirm', { form: { token: `${token.slice(0, -2)}xx` } });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('This link is not valid');

    const now = await api.now();
    const expired = issueToken(
      {
        purpose: 'confirm-registration',
        reviewId: 'europe-r',
        email: 'forged@example.org',
        exp: now.getTime() / 1000 - 1,
      },
      runtime.signingKey,
    );
    const late = await api.request('POST', '/confirm', { form: { token: expired } });
    expect(late.status).toBe(400);
    expect(late.text).toContain('has expired');

    const missing = await fetch(new URL('/confirm', runtime.apiUrl));
    expect(missing.status).toBe(400);
  });

  it('lets a pending registration lapse after 48 hours', async ({ api, register }) => {
    await register('slow@example.org');
    const link = confirmationLink(await api.outbox('slow@example.org'));
    await api.moveClock({ advanceBy: 'PT49H' });
    const token = new URL(link).searchParams.get('token') as string;
    const late = await api.request('POST', '/confirm', { form: { token } });
    expect(late.text).toContain('has expired');
  });

  it('names each invalid field, and keeps a name with line breaks or markup harmless', async ({
    api,
    register,
  }) => {
    const invalid = await api.request('POST', '/registrations', {
      json: {
        reviewId: 'europe-r',
        email: 'not-an-address',
        name: 'Eve\r\nBcc: x@example.org',
        language: 'xx',
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues.map((i: { field: string }) => i.field)).toEqual(['email', 'name', 'language']);

    const unknownReview = await api.request('POST', '/registrations', {
      json: { reviewId: 'nowhere', email: 'x@example.org', name: 'X' },
    });
    expect(unknownReview.status).toBe(422);
    expect(unknownReview.body.issues[0].field).toBe('reviewId');

    await register('markup@example.org', { name: '<script>alert(1)</script>' });
    const [email] = await api.outbox('markup@example.org');
    expect(email?.html).toContain('&lt;script>');
    expect(email?.html).not.toContain('<script>');
  });
});
