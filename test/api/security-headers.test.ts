import { describe, expect, test as it } from '#test/support/fixtures';

describe('every answer of the API', () => {
  it('carries the security headers: a page may run only the service’s own script, load nothing, post only to the service, and is never framed', async ({
    api,
  }) => {
    const page = await api.request('GET', '/privacy?lang=ar');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'; style-src 'unsafe-inline'; script-src 'self'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    const answers = [
      page,
      await api.request('GET', '/admin/reviews'),
      await api.request('GET', '/admin/reviews/x_'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 422]);
  });
});
