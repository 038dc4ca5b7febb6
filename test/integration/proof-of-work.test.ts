import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import { describe, expect, test } from '#test/support/fixtures';
import { briefingForm, registrationForm, reviewBody, type ServiceClient } from '#test/support/service-client';

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

/** Text as a page shows it, back to what was typed. */
const unescaped = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, entity: string) =>
    entity === 'lt' ? '<' : entity === 'gt' ? '>' : entity === 'quot' ? '"' : entity === '#39' ? "'" : '&',
  );

/** A refused form's page: the challenge its script solves, and the proof of work it then sends. */
async function solvedProofIn(page: string) {
  const challenge = JSON.parse(unescaped(/data-challenge="([^"]+)"/.exec(page)?.[1] ?? 'null'));
  return proofOf(challenge, await solveChallenge({ challenge, deriveKey }));
}

/** A long contribution in Arabic, its line breaks and the characters a page escapes included. */
const LONG_TEXT = Array.from(
  { length: 300 },
  (_, i) => `الفقرة ${i + 1}: العمل اللائق <للجميع> & "الآن" للعمال المهاجرين`,
).join('\n');

/** Every other public form, filled in, with what its page must show again when refused. */
const FORMS = [
  {
    path: '/contribute/busy',
    form: (email: string) => ({
      name: 'Amina Haddad',
      email,
      stakeholderGroup: 'migrant-diaspora',
      language: 'ar',
      title: 'Pathways for care workers',
      text: LONG_TEXT,
      link: 'https://example.org/care-workers.pdf',
      objectives: ['5', '22'],
      publishable: 'yes',
      consent: 'yes',
    }),
    kept: (page: string) => {
      expect(unescaped(/<textarea id="text"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1] ?? '')).toBe(LONG_TEXT);
      expect(page).toContain('value="https://example.org/care-workers.pdf"');
      expect(page).toMatch(/value="22" checked/);
    },
  },
  {
    path: '/briefings/request',
    form: briefingForm,
    kept: (page: string) => {
      expect(page).toContain('value="West African Migrant Network"');
      expect(page).toContain('value="after our assembly in the spring"');
      expect(page).toMatch(/value="africa" checked/);
    },
  },
  {
    path: '/talks/propose',
    form: (email: string) => ({
      title: 'Cities that welcome',
      organisers: 'Mayors Migration Council',
      level: 'global',
      themes: 'How local authorities include migrants in services.',
      objectives: ['15', '16'],
      proposedDate: 'in the autumn',
      format: 'online',
      audience: 'Local authorities',
      name: 'Lucía Gómez',
      email,
      language: 'es',
      consent: 'yes',
    }),
    kept: (page: string) => {
      expect(page).toContain('value="Cities that welcome"');
      expect(page).toContain('How local authorities include migrants in services.</textarea>');
    },
  },
];

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
    const page = await api.request('POST', '/register/busy', { form: registrationForm('amina@example.org') });
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

describe('the other public forms, sent from a network that registered many in the hour', () => {
  it.for(FORMS)(
    '$path asks for a proof of work, keeps what was typed, and lets one through per solved challenge',
    async ({ path, form, kept }, { api }) => {
      // The network's hour counts every public form: its registrations brought it past the threshold.
      const asked = await api.request('POST', path, { form: form('sender@example.org') });
      expect(asked.status).toBe(429);
      kept(asked.text);
      expect(asked.text).toContain('<script src="/proof-of-work.js" defer></script>');
      expect(await api.outbox('sender@example.org')).toEqual([]);

      const proof = await solvedProofIn(asked.text);
      const sent = await api.request('POST', path, { form: { ...form('sender@example.org'), proof } });
      expect(sent.status).toBe(200);
      expect(sent.text).toContain('Check your email');
      expect(await api.outbox('sender@example.org')).toHaveLength(1);

      const replayed = await api.request('POST', path, { form: { ...form('other@example.org'), proof } });
      expect(replayed.status).toBe(429);
      kept(replayed.text);
      expect(await api.outbox('other@example.org')).toEqual([]);
    },
  );
});

describe('the limit per email address', () => {
  test('stays for a request: the fourth in an hour for one address gets the page saying so', async ({
    api,
  }) => {
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        await api.request('POST', '/briefings/request', { form: briefingForm('awa@example.org') }),
      );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[3]?.text).toContain('Too many forms were sent for this email address in the last hour.');
  });
});
