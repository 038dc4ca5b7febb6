import { parse } from 'csv-parse/sync';
import { describe, expect, test } from '#test/support/fixtures';
import {
  contributionForm,
  reviewBody,
  type ServiceClient,
  sendAndConfirmContribution,
} from '#test/support/service-client';

/** Each test's service holds the review `europe-c`, open to contributions. */
const it = test.extend('review', { auto: true }, async ({ api }) => {
  expect((await api.putReview('europe-c', reviewBody(await api.now(), 120))).status).toBe(201);
});

/** Sends the form, then the emailed link's button, as a person would; answers the confirmed page. */
const contribute = (api: ServiceClient, email: string, extra: Record<string, string | string[]> = {}) =>
  sendAndConfirmContribution(api, 'europe-c', email, extra);

const listed = async (api: ServiceClient) =>
  (await api.request('GET', '/admin/reviews/europe-c/contributions')).body;

describe('a written contribution', () => {
  it('is sent by the emailed link’s button, and only then reaches the secretariat', async ({ api }) => {
    expect((await api.request('GET', '/contribute/europe-c?lang=fr')).text).toContain(
      '<h1>Contribuer\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe</h1>',
    );
    const sent = await api.request('POST', '/contribute/europe-c', {
      form: contributionForm('amina@example.org'),
    });
    expect(sent.text).toContain('Check your email');
    expect((await listed(api)).contributions).toEqual([]);

    const [message] = await api.outbox('amina@example.org');
    expect(message?.subject).toBe('Send your contribution: GCM regional review: Europe');
    const link = /(http\S+\/contributions\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
    const page = await fetch(link);
    expect(await page.text()).toContain(
      'Press the button to send your contribution “Pathways for care workers”',
    );
    expect((await listed(api)).contributions).toEqual([]);

    const token = new URL(link).searchParams.get('token') as string;
    const received = await api.request('POST', '/contributions/confirm', { form: { token } });
    expect(received.text).toContain(
      'the secretariat has received your contribution “Pathways for care workers”',
    );
    const again = await api.request('POST', '/contributions/confirm', { form: { token } });
    expect(again.text).toContain('was already sent');
    const { contributions } = await listed(api);
    expect(contributions).toEqual([
      expect.objectContaining({
        title: 'Pathways for care workers',
        status: 'received',
        objectives: [5, 22],
        publishable: true,
        stakeholderGroup: 'migrant-diaspora',
      }),
    ]);
    expect(contributions[0]).not.toHaveProperty('confirmNonce');
  });

  it('names each field to mend: no text and no link, no objective, a link that is not one', async ({
    api,
  }) => {
    const answer = await api.request('POST', '/contribute/europe-c', {
      form: contributionForm('mend@example.org', {
        text: '',
        objectives: [],
        link: 'ftp://example.org/x',
        publishable: '',
      }),
    });
    expect(answer.status).toBe(422);
    for (const field of ['#link', '#objectives', '#publishable'])
      expect(answer.text).toContain(`href="${field}"`);
    const noText = await api.request('POST', '/contribute/europe-c', {
      form: contributionForm('mend@example.org', { text: '' }),
    });
    expect(noText.status).toBe(422);
    expect(noText.text).toContain('href="#text"');
    expect(await api.outbox('mend@example.org')).toEqual([]);
  });

  it('takes 20,000 characters of Arabic, and no more', async ({ api }) => {
    const text = 'ب'.repeat(20_000);
    expect((await contribute(api, 'long@example.org', { text, language: 'ar' })).status).toBe(200);
    const tooLong = await api.request('POST', '/contribute/europe-c', {
      form: contributionForm('longer@example.org', { text: `${text}ب` }),
    });
    expect(tooLong.status).toBe(422);
  });
});

describe('the secretariat', () => {
  it('accepts or rejects with a reason, and the sender is told in their language', async ({ api }) => {
    await contribute(api, 'yes@example.org');
    await contribute(api, 'no@example.org', {
      language: 'fr',
      objectives: ['5'],
      stakeholderGroup: 'academia',
    });
    const [yes, no] = (await listed(api)).contributions;
    const decide = (id: string, decision: unknown) =>
      api.request('PUT', `/admin/reviews/europe-c/contributions/${id}`, { json: decision });
    expect((await decide(yes.contributionId, { decision: 'accept' })).body.status).toBe('accepted');
    const rejected = await decide(no.contributionId, {
      decision: 'reject',
      reason: 'Hors du champ de l’examen.',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Hors du champ de l’examen.',
    });
    expect((await decide(no.contributionId, { decision: 'maybe' })).status).toBe(422);
    expect((await decide('nothing', { decision: 'accept' })).status).toBe(404);

    expect((await api.outbox('yes@example.org')).at(-1)?.subject).toBe(
      'Your contribution was accepted: GCM regional review: Europe',
    );
    const [told] = (await api.outbox('no@example.org')).slice(-1);
    expect(told?.subject).toBe(
      'À propos de votre contribution\u00a0: Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    );
    expect(told?.text).toContain('Hors du champ de l’examen.');

    const report = await listed(api);
    expect(report).toMatchObject({ total: 2, byStatus: { accepted: 1, rejected: 1 } });
    expect(report.byObjective).toMatchObject({ 5: 1, 22: 1, 1: 0 });
    expect(report.byStakeholderGroup).toEqual({ 'migrant-diaspora': 1 });
  });

  it('exports the accepted ones for the analytical paper, as JSON and as CSV', async ({ api }) => {
    await contribute(api, 'kept@example.org', { title: 'Données, «\u00a0data\u00a0», 数据', language: 'zh' });
    await contribute(api, 'left@example.org');
    const { contributions } = await listed(api);
    const kept = contributions.find((c: { email: string }) => c.email === 'kept@example.org');
    await api.request('PUT', `/admin/reviews/europe-c/contributions/${kept.contributionId}`, {
      json: { decision: 'accept' },
    });

    const json = await api.request('GET', '/admin/reviews/europe-c/contributions/accepted');
    expect(json.body.contributions.map((c: { email: string }) => c.email)).toEqual(['kept@example.org']);
    const csv = await api.request('GET', '/admin/reviews/europe-c/contributions/accepted?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        email: 'kept@example.org',
        title: 'Données, «\u00a0data\u00a0», 数据',
        objectives: '5 22',
      }),
    ]);
  });
});
