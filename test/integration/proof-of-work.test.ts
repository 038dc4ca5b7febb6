import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

const it = test.extend('busyNetwork', { auto: true }, async ({ api }) => {
  expect((await api.putReview('busy', reviewBody(await api.now(), 120))).status).toBe(201);
  // An office behind one address: its first registrations go through as usual.
  for (let i = 0; i < PROOF_AFTER_PER_CLIENT; i++) {
    const answer = await api.request('POST', '/registrations', {
      json: { reviewId: 'busy', email: `staff${i}@example.org`, name: `Staff ${i}` },
    });
    expect(answer.status).toBe(202);
  }
});

const proofOf = (challenge: unknown, solution: unknown) =>
  Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');

const registerWith = (api: ServiceClient, email: string, proof?: string) =>
  api.request('POST', '/registrations', {
    json: { reviewId: 'busy', email, name: 'Next One' },
    headers: proof ? { 'x-proof-of-work': proof } : {},
  });

describe('a network that registers many in an hour', () => {
  it('is asked for a proof of work past the threshold, which lets one registration through, once', async ({
    api,
  }) => {
    const asked = await registerWith(api, 'next@example.org');
    expect(asked.status).toBe(429);
    expect(asked.body.challenge.parameters).toMatchObject({ algorithm: 'SHA-256', cost: 1 });
    const solution = await solveChallenge({ challenge: asked.body.challenge, deriveKey });
    const proof = proofOf(asked.body.challenge, solution);

    expect((await registerWith(api, 'next@example.org', proof)).status).toBe(202);
    expect((await api.outbox('next@example.org')).map((e) => e.subject)).toHaveLength(1);
    const replayed = await registerWith(api, 'other@example.org', proof);
    expect(replayed.status).toBe(429);
    expect(await api.outbox('other@example.org')).toEqual([]);
  });

  it('refuses a proof that does not solve the challenge, or a challenge the service did not sign', async ({
    api,
  }) => {
    const { challenge } = (await registerWith(api, 'next@example.org')).body;
    const solution = await solveChallenge({ challenge, deriveKey });
    // The derived key is what only the work gives: a guessed one does not pass.
    const key = solution?.derivedKey as string;
    const wrong = { ...solution, derivedKey: `${key[0] === '0' ? '1' : '0'}${key.slice(1)}` };
    expect((await registerWith(api, 'next@example.org', proofOf(challenge, wrong))).status).toBe(429);
    const forged = { ...challenge, parameters: { ...challenge.parameters, cost: 2 } };
    expect((await registerWith(api, 'next@example.org', proofOf(forged, solution))).status).toBe(429);
    expect((await registerWith(api, 'next@example.org', 'not base64 json')).status).toBe(429);
    expect(await api.outbox('next@example.org')).toEqual([]);
  });

  it('gets the form back with what was typed, the challenge and the script that solves it', async ({
    api,
  }) => {
    const page = await api.request('POST', '/register/busy', {
      form: {
        name: 'Amina Haddad',
        email: 'amina@example.org',
        organisation: 'Migrant Network',
        stakeholderGroup: 'civil-society',
        country: 'KE',
        meetings: ['pre-1', 'hybrid'],
        attendanceMode: 'online',
        language: 'en',
        consent: 'yes',
      },
    });
    expect(page.status).toBe(429);
    expect(page.text).toContain('value="Amina Haddad"');
    expect(page.text).toContain('value="Migrant Network"');
    expect(page.text).toMatch(/<p id="proof-status" role="status" data-challenge="\{&quot;parameters&quot;/);
    expect(page.text).toContain('<script src="/proof-of-work.js" defer></script>');
    const script = await api.request('GET', '/proof-of-work.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain("crypto.subtle.digest('SHA-256'");
  });
});
