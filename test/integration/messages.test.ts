import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const africa = reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' });
  expect((await api.putReview('africa-m', africa)).status).toBe(201);
  expect((await api.putReview('europe-m', reviewBody(start, 120))).status).toBe(201);
  await api.registerAndConfirm('africa-m', 'amina@example.org', 'Amina', 'fr');
  await api.registerAndConfirm('africa-m', 'kofi@example.org', 'Kofi', 'en');
  await api.registerAndConfirm('africa-m', 'li@example.org', 'Li', 'zh');
  return start;
});

const MESSAGE = {
  'subject-en': 'Venue changed',
  'body-en': 'The consultation moves to room XVII.\n\nThe time stays the same.',
  'subject-fr': 'Changement de salle',
  'body-fr': 'La consultation a lieu en salle XVII.',
  defaultLanguage: 'en',
};

const subjectsOf = async (api: ServiceClient, email: string) =>
  (await api.outbox(email)).map((e) => e.subject).filter((s) => /Venue|salle/.test(s));

async function signedIn(api: ServiceClient, email: string, groups: string[]) {
  const browser = new Browser(api.baseUrl);
  await browser.signIn(email, groups);
  return browser;
}

describe('a one-off message from the console', () => {
  it('is previewed in each language it goes out in, sends nothing until sent, then reaches each reader once', async ({
    api,
  }) => {
    const browser = await signedIn(api, 'africa-focal@example.org', ['region-africa']);
    const form = await (await browser.go('/console/reviews/africa-m/messages/new')).text();
    expect(form).toContain('name="subject-ar"');
    const csrf = csrfOf(form);

    const previewed = await browser.post('/console/reviews/africa-m/messages', {
      ...MESSAGE,
      csrf,
      intent: 'preview',
    });
    expect(previewed.status).toBe(200);
    const preview = await previewed.text();
    expect(preview).toContain('2 registrants get it in English (1 of them in place of their own language)');
    expect(preview).toContain('1 registrant gets it in français');
    expect(preview).toMatch(
      /Changement de salle \(Examen régional du Pacte mondial sur les migrations\s:\sAfrique\)/,
    );
    expect(preview).toContain('The consultation moves to room XVII.');
    expect(preview).toContain('Send to 3 registrants');
    expect(preview).toContain('value="Venue changed"');
    await api.moveClock({ advanceBy: 'PT3M' });
    expect(await subjectsOf(api, 'kofi@example.org')).toEqual([]);

    const sent = await browser.post('/console/reviews/africa-m/messages', {
      ...MESSAGE,
      csrf,
      intent: 'send',
    });
    expect(sent.status).toBe(303);
    const location = sent.headers.get('location') as string;
    const messageId = new URL(location, api.baseUrl).searchParams.get('sent');
    expect(messageId).toMatch(/^message-[0-9a-z]{10}$/);
    await api.moveClock({ advanceBy: 'PT3M' });
    expect(await subjectsOf(api, 'kofi@example.org')).toEqual([
      'Venue changed (GCM regional review: Africa)',
    ]);
    expect(await subjectsOf(api, 'li@example.org')).toEqual(['Venue changed (GCM regional review: Africa)']);
    expect(await subjectsOf(api, 'amina@example.org')).toEqual([
      expect.stringMatching(
        /^Changement de salle \(Examen régional du Pacte mondial sur les migrations\s:\sAfrique\)$/,
      ),
    ]);

    await api.moveClock({ advanceBy: 'PT2H' });
    for (const email of ['kofi@example.org', 'li@example.org', 'amina@example.org'])
      expect(await subjectsOf(api, email)).toHaveLength(1);

    const messages = await (await browser.go(location)).text();
    expect(messages).toContain('The message is on its way');
    expect(messages).toContain(`announce.${messageId}`);
    const rounds = await api.request('GET', '/admin/reviews/africa-m/rounds');
    const round = rounds.body.rounds.find(
      (r: { milestoneId: string }) => r.milestoneId === `announce.${messageId}`,
    );
    expect(round).toMatchObject({ at: 'once', total: 3, counts: { sent: 3 } });
    const detail = await (
      await browser.go(`/console/reviews/africa-m/messages/round?milestone=announce.${messageId}&at=once`)
    ).text();
    for (const email of ['kofi@example.org', 'li@example.org', 'amina@example.org'])
      expect(detail).toContain(email);
    expect(detail).toContain('Download the delivery report (CSV)');
    const report = await browser.go(
      `/console/reviews/africa-m/messages/round?milestone=announce.${messageId}&at=once&format=csv`,
    );
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await report.text()).trim().split('\n')).toHaveLength(4);

    const audit = await api.request('GET', '/admin/reviews/africa-m/audit');
    expect(audit.body.entries[0]).toMatchObject({
      actor: { email: 'africa-focal@example.org' },
      action: 'POST /console/reviews/{reviewId}/messages',
    });
  });

  it('goes only to the registrants the filters let through', async ({ api }) => {
    const answer = await api.request('POST', '/admin/reviews/africa-m/messages', {
      json: {
        filter: { language: 'fr' },
        texts: { en: { subject: 'Venue changed', body: 'Room XVII.' } },
        defaultLanguage: 'en',
      },
    });
    expect(answer.status).toBe(202);
    await api.moveClock({ advanceBy: 'PT3M' });
    expect(await subjectsOf(api, 'amina@example.org')).toEqual([
      'Venue changed (GCM regional review: Africa)',
    ]);
    expect(await subjectsOf(api, 'kofi@example.org')).toEqual([]);
  });

  it('is refused with the field and the reason, and a reader whose address bounced is listed as suppressed', async ({
    api,
  }) => {
    const refused = await api.request('POST', '/admin/reviews/africa-m/messages', {
      json: { texts: { fr: { subject: 'Salle', body: 'XVII' } }, defaultLanguage: 'en' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([
      { field: 'defaultLanguage', message: 'must be a language the message is written in' },
    ]);
    const browser = await signedIn(api, 'secretariat@example.org', ['secretariat']);
    const csrf = csrfOf(await (await browser.go('/console/reviews/africa-m/messages/new')).text());
    const empty = await browser.post('/console/reviews/africa-m/messages', { csrf, intent: 'preview' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('texts: write the message in one language at least');

    await browser.post('/console/reviews/africa-m/messages', { ...MESSAGE, csrf, intent: 'send' });
    await api.moveClock({ advanceBy: 'PT3M' });
    const [message] = (await api.outbox('kofi@example.org')).filter((e) => e.subject.startsWith('Venue'));
    const bounce = {
      eventType: 'Bounce',
      mail: {
        timestamp: new Date().toISOString(),
        messageId: message?.messageId,
        destination: ['kofi@example.org'],
      },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: 'kofi@example.org', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        ],
        timestamp: new Date().toISOString(),
      },
    };
    expect((await api.request('POST', '/_local/ses-events', { json: bounce })).status).toBe(200);
    const page = await (await browser.go('/console/reviews/africa-m/messages')).text();
    expect(page).toMatch(
      /kofi@example\.org<\/span><\/th><td>Permanent bounce<\/td><td><span dir="ltr">Permanent\/General: smtp; 550 5\.1\.1 user unknown/,
    );
    const { rounds } = (await api.request('GET', '/admin/reviews/africa-m/rounds')).body;
    expect(rounds.find((r: { at: string }) => r.at === 'once').counts).toEqual({ sent: 2, bounced: 1 });
  });

  it('is another region’s to send: refused to a focal point elsewhere, and without the session’s token', async ({
    api,
  }) => {
    const europe = await signedIn(api, 'europe-focal@example.org', ['region-europe']);
    expect((await europe.go('/console/reviews/africa-m/messages')).status).toBe(403);
    expect((await europe.go('/console/reviews/africa-m/messages/new')).status).toBe(403);
    const csrf = csrfOf(await (await europe.go('/console/reviews/europe-m/messages/new')).text());
    const elsewhere = await europe.post('/console/reviews/africa-m/messages', {
      ...MESSAGE,
      csrf,
      intent: 'send',
    });
    expect(elsewhere.status).toBe(403);
    const africa = await signedIn(api, 'africa-focal@example.org', ['region-africa']);
    const forged = await africa.post('/console/reviews/africa-m/messages', { ...MESSAGE, intent: 'send' });
    expect(forged.status).toBe(403);
    await api.moveClock({ advanceBy: 'PT3M' });
    expect(await subjectsOf(api, 'kofi@example.org')).toEqual([]);
  });
});
