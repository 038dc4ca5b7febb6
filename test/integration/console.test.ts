import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { confirmedBriefingRequest, reviewBody } from '#test/support/service-client';

const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  expect((await api.putReview('europe-c', reviewBody(start, 120))).status).toBe(201);
  expect(
    (
      await api.putReview(
        'africa-c',
        reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' }),
      )
    ).status,
  ).toBe(201);
  await api.registerAndConfirm('africa-c', 'amina@example.org', 'Amina', 'fr');
  await api.registerAndConfirm('africa-c', 'kofi@example.org', 'Kofi', 'en');
  return start;
});

describe('the console', () => {
  it('sends whoever is not signed in to sign in, and keeps no session for who is not staff', async ({
    api,
  }) => {
    const browser = new Browser(api.baseUrl);
    const first = await browser.go('/console/reviews/africa-c');
    expect([first.status, first.headers.get('location')]).toEqual([302, '/console/sign-in?lang=en']);
    const refused = await browser.signIn('visitor@example.org', []);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('neither to the secretariat nor');
    expect(browser.cookies.has('console-session')).toBe(false);
  });

  it('shows a focal point their region’s reviews and registrants only', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    const landed = await browser.signIn('africa-focal@example.org', ['region-africa']);
    expect([landed.status, landed.headers.get('location')]).toEqual([302, '/console?lang=en']);
    const session = browser.cookies.get('console-session') as string;
    expect(session.split('.')).toHaveLength(3);
    const dashboard = await (await browser.go('/console')).text();
    expect(dashboard).toContain('href="/console/reviews/africa-c?lang=en"');
    expect(dashboard).not.toContain('europe-c');
    expect(dashboard).toMatch(/<svg role="img" aria-label="The reviews and their meetings on a time line/);
    const chart = /<svg role="img"[\s\S]*?<\/svg>/.exec(dashboard)?.[0] ?? '';
    expect(chart.match(/<rect [^>]*fill="#b35c00"/g)).toHaveLength(1);
    const theirs = await browser.go('/console/reviews/europe-c');
    expect(theirs.status).toBe(403);
    expect(await theirs.text()).toContain('<h1>Not yours to see</h1>');
    expect((await browser.go('/console/reviews/nowhere')).status).toBe(404);

    const review = await (await browser.go('/console/reviews/africa-c')).text();
    expect(review).toContain('pre-1.invitation');
    expect(review).toContain('Scheduled');
    const all = await (await browser.go('/console/reviews/africa-c/registrants')).text();
    expect(all).toContain('2 of 2 registrations');
    const french = await (await browser.go('/console/reviews/africa-c/registrants?language=fr')).text();
    expect(french).toContain('1 of 2 registrations');
    expect(french).toContain('amina@example.org');
    expect(french).not.toContain('kofi@example.org');
    expect(french).toContain(
      'href="/console/reviews/africa-c/registrants?language=fr&amp;lang=en&amp;format=csv"',
    );
    const csv = await browser.go('/console/reviews/africa-c/registrants?language=fr&lang=fr&format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Nom complet,Adresse électronique,/);
    expect(lines[1]).toMatch(/^Amina,amina@example.org,,,,français,En ligne,pre-1 hybrid,Confirmée,/);
  });

  it('refuses a form without the session’s own token, and decides a request with it', async ({
    api,
    runtime,
  }) => {
    const requestId = await confirmedBriefingRequest(api);
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const page = await (await browser.go('/console/requests')).text();
    expect(page).toContain('West African Migrant Network');
    const decline = { decision: 'decline', reason: 'Covered by the regional briefing.' };
    const forged = await browser.post(`/console/requests/${requestId}`, { ...decline, csrf: 'guessed' });
    expect(forged.status).toBe(403);
    const done = await browser.post(`/console/requests/${requestId}`, { ...decline, csrf: csrfOf(page) });
    expect([done.status, done.headers.get('location')]).toEqual([303, '/console/requests?lang=en']);
    expect((await api.request('GET', `/admin/requests/${requestId}`)).body.status).toBe('declined');
    expect((await api.outbox('awa@example.org')).at(-1)?.text).toContain('Covered by the regional briefing.');
    const [logged] = await runtime.dependencies.store.audit.list(`request:${requestId}`);
    expect(logged).toMatchObject({
      actor: { email: 'africa-focal@example.org' },
      action: 'POST /console/requests/{requestId}',
      before: { status: 'received' },
      after: { status: 'declined', declineReason: 'Covered by the regional briefing.' },
    });

    const other = new Browser(api.baseUrl);
    await other.signIn('europe-focal@example.org', ['region-europe']);
    const europePage = await (await other.go('/console/requests')).text();
    expect(europePage).not.toContain('West African Migrant Network');
    const notTheirs = await other.post(`/console/requests/${requestId}`, {
      ...decline,
      csrf: csrfOf(europePage),
    });
    expect(notTheirs.status).toBe(403);
  });

  it('acts on a registration on its holder’s behalf, each action in its history', async ({
    api,
    runtime,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const list = await (await browser.go('/console/reviews/africa-c/registrants')).text();
    expect(list).toContain('href="/console/reviews/africa-c/registrants/amina%40example.org?lang=en"');
    const path = '/console/reviews/africa-c/registrants/amina%40example.org';
    const page = await (await browser.go(path)).text();
    expect(page).toContain('<h1>Amina: GCM regional review: Africa</h1>');
    const csrf = csrfOf(page);

    const sentBefore = (await api.outbox('amina@example.org')).length;
    const resent = await browser.post(path, { csrf, action: 'resend' });
    expect([resent.status, resent.headers.get('location')]).toEqual([303, `${path}?lang=en&done=resend`]);
    const emails = await api.outbox('amina@example.org');
    expect(emails).toHaveLength(sentBefore + 1);
    expect(emails.at(-1)?.text).toContain('/manage?token=');

    const noPlace = await browser.post(path, { csrf, action: 'place' });
    expect(noPlace.status).toBe(422);
    expect(await noPlace.text()).toContain('only a registrant on the waiting list can be given a place');

    const statusOf = async () =>
      (await runtime.dependencies.store.registrants.get('africa-c', 'amina@example.org', runtime.clock.now()))
        ?.status;
    // A misclick cancels nothing: the cancel button only asks, and the answer's own form cancels.
    const asked = await browser.post(path, { csrf, action: 'cancel' });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('<h2 id="confirm-cancel">Cancel this registration?</h2>');
    expect(question).toContain('<input type="hidden" name="confirm" value="yes"/>');
    expect(question).toContain(`<a href="${path}?lang=en">No, keep the registration</a>`);
    expect(question).not.toContain('Send the link again');
    expect(await statusOf()).toBe('confirmed');
    expect((await browser.post(path, { csrf, action: 'cancel', confirm: 'no' })).status).toBe(200);
    expect(await statusOf()).toBe('confirmed');
    expect((await browser.post(path, { csrf, action: 'cancel', confirm: 'yes' })).status).toBe(303);
    expect(await statusOf()).toBe('cancelled');
    const history = await (await browser.go(path)).text();
    expect(history).toContain('status: &quot;confirmed&quot;');
    expect(history).toContain('status: &quot;cancelled&quot;');
    expect(history.match(/<span dir="ltr">africa-focal@example\.org<\/span>/g)).toHaveLength(2);

    const other = new Browser(api.baseUrl);
    await other.signIn('europe-focal@example.org', ['region-europe']);
    expect((await other.go(path)).status).toBe(403);
  });

  it('gives a waiting registrant a place once there is a free one', async ({
    api,
    runtime,
    records: start,
  }) => {
    const seats = (capacity: number) =>
      reviewBody(start, 120, {
        region: 'africa',
        timeZone: 'Africa/Nairobi',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation' },
          { id: 'hybrid', kind: 'hybrid-consultation', capacity },
        ],
      });
    expect((await api.putReview('africa-s', seats(1))).status).toBe(201);
    for (const email of ['first@example.org', 'second@example.org']) {
      await api.request('POST', '/registrations', {
        json: { reviewId: 'africa-s', email, name: email, attendanceMode: 'in-person' },
      });
      const link = (await api.outbox(email))
        .at(-1)
        ?.text?.match(/(http\S+\/confirm\?token=\S+)/)?.[1] as string;
      await api.request('POST', '/confirm', {
        form: { token: new URL(link).searchParams.get('token') as string },
      });
    }
    const seatOf = async (email: string) =>
      (await runtime.dependencies.store.registrants.get('africa-s', email, runtime.clock.now()))?.seat;
    expect(await seatOf('second@example.org')).toBe('waitlisted');

    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const path = '/console/reviews/africa-s/registrants/second%40example.org';
    const csrf = csrfOf(await (await browser.go(path)).text());
    const full = await browser.post(path, { csrf, action: 'place' });
    expect(full.status).toBe(422);
    expect(await full.text()).toContain('every one of the 1 places is taken: raise the capacity first');

    expect((await api.putReview('africa-s', seats(2))).status).toBe(200);
    expect((await browser.post(path, { csrf, action: 'place' })).status).toBe(303);
    expect(await seatOf('second@example.org')).toBe('seat');
    expect((await api.outbox('second@example.org')).at(-1)?.subject).toMatch(/place/i);
  });

  it('moderates the written contributions of a focal point’s own region', async ({ api }) => {
    await api.request('POST', '/contribute/africa-c', {
      form: {
        name: 'Fatou Diallo',
        email: 'fatou@example.org',
        stakeholderGroup: 'civil-society',
        language: 'fr',
        title: 'Travail décent',
        text: 'Les voies régulières doivent garantir un travail décent.',
        objectives: ['6'],
        publishable: 'yes',
        consent: 'yes',
      },
    });
    const [message] = await api.outbox('fatou@example.org');
    const link = /(http\S+\/contributions\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
    await api.request('POST', '/contributions/confirm', {
      form: { token: new URL(link).searchParams.get('token') as string },
    });

    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const page = await (await browser.go('/console/reviews/africa-c/contributions')).text();
    expect(page).toContain('Travail décent');
    const [, contributionId] = /contributions\/([0-9a-z]+)\?lang=en/.exec(page) ?? [];
    const path = `/console/reviews/africa-c/contributions/${contributionId}`;
    const unexplained = await browser.post(path, { csrf: csrfOf(page), decision: 'reject' });
    expect(unexplained.status).toBe(422);
    expect(await unexplained.text()).toContain('reason: ');
    expect((await browser.post(path, { csrf: csrfOf(page), decision: 'accept' })).status).toBe(303);
    const { contributions } = (await api.request('GET', '/admin/reviews/africa-c/contributions/accepted'))
      .body;
    expect(contributions.map((c: { title: string }) => c.title)).toEqual(['Travail décent']);
    expect((await api.outbox('fatou@example.org')).at(-1)?.text).toContain('Travail décent');

    const other = new Browser(api.baseUrl);
    await other.signIn('europe-focal@example.org', ['region-europe']);
    expect((await other.go('/console/reviews/africa-c/contributions')).status).toBe(403);
  });

  it('signs out: the session cookie goes, and the console asks to sign in again', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const page = await (await browser.go('/console')).text();
    expect(page).toContain('europe-c');
    const out = await browser.post('/console/sign-out', { csrf: csrfOf(page) });
    expect(out.status).toBe(303);
    expect(browser.cookies.has('console-session')).toBe(false);
    const back = await browser.go(out.headers.get('location') as string);
    expect(back.headers.get('location')).toMatch(/\/console\/signed-out$/);
    expect((await browser.go('/console')).status).toBe(302);
  });
});
