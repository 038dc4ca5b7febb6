import { describe, expect, test as it } from '#test/support/fixtures';
import { briefingForm, type ServiceClient } from '#test/support/service-client';

const SECRETARIAT = 'secretariat@example.org';

/** A day `days` after the service's clock, in the secretariat's own words ("12 March 2027"). */
const dayInWords = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const talkForm = (email: string, proposedDate: string, extra: Record<string, string | string[]> = {}) => ({
  title: 'Cities that welcome',
  organisers: 'Mayors Migration Council',
  level: 'global',
  themes: 'How local authorities include migrants in services.',
  objectives: ['15', '16'],
  proposedDate,
  format: 'online',
  interpretationLanguages: ['en', 'fr', 'es'],
  audience: 'Local authorities and migrant-led organisations',
  name: 'Lucía Gómez',
  email,
  language: 'es',
  consent: 'yes',
  ...extra,
});

/** The link of the latest request confirmation in someone's outbox. */
async function requestLink(api: ServiceClient, email: string) {
  const messages = await api.outbox(email);
  const link = messages
    .map((m) => /(http\S+\/requests\/confirm\?token=\S+)/.exec(m.text ?? '')?.[1])
    .filter(Boolean)
    .at(-1);
  if (!link) throw new Error(`no request link for ${email}`);
  return link;
}

/** Sends a form, then presses the emailed link's button; answers the request's id as the secretariat sees it. */
async function sendAndConfirm(api: ServiceClient, path: string, form: Record<string, string | string[]>) {
  expect((await api.request('POST', path, { form })).text).toContain('Check your email');
  const token = new URL(await requestLink(api, form.email as string)).searchParams.get('token') as string;
  const confirmed = await api.request('POST', '/requests/confirm', { form: { token } });
  expect(confirmed.status).toBe(200);
  const listed = (await api.request('GET', '/admin/requests')).body.requests;
  return { requestId: listed[0].requestId as string, confirmed, token };
}

describe('a GCM Talk proposal', () => {
  it('is confirmed by its proposer, told to the secretariat, accepted, and becomes a talk to register for', async ({
    api,
  }) => {
    expect((await api.request('GET', '/talks/propose?lang=fr')).text).toContain(
      '<h1>Proposer un GCM Talk</h1>',
    );
    const refused = await api.request('POST', '/talks/propose', {
      form: talkForm('lucia@example.org', '', {
        objectives: [],
        format: 'radio',
        title: 'Cities that welcome',
      }),
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('href="#objectives"');
    expect(refused.text).toContain('href="#proposedDate"');
    expect(refused.text).toContain('href="#format"');
    expect(refused.text).toContain('value="Cities that welcome"');
    expect(await api.outbox('lucia@example.org')).toEqual([]);

    const date = dayInWords(await api.now(), 60);
    const sent = await api.request('POST', '/talks/propose', { form: talkForm('lucia@example.org', date) });
    expect(sent.text).toContain('Check your email');
    expect((await api.request('GET', '/admin/requests')).body.requests).toEqual([]);
    const [confirmation] = await api.outbox('lucia@example.org');
    expect(confirmation?.subject).toBe('Confirme su propuesta de GCM Talk: Cities that welcome');
    const link = await requestLink(api, 'lucia@example.org');
    expect(await (await fetch(link)).text()).toContain('name="token"');
    expect(await api.outbox(SECRETARIAT)).toEqual([]);

    const token = new URL(link).searchParams.get('token') as string;
    const received = await api.request('POST', '/requests/confirm', { form: { token } });
    expect(received.text).toContain('Cities that welcome');
    const again = await api.request('POST', '/requests/confirm', { form: { token } });
    expect(again.status).toBe(200);
    const notices = await api.outbox(SECRETARIAT);
    expect(notices.map((n) => n.subject)).toEqual(['New GCM Talk proposal: Cities that welcome']);
    expect(notices[0]?.text).toContain('audience: Local authorities and migrant-led organisations');

    const [request] = (await api.request('GET', '/admin/requests?kind=gcm-talk&status=received')).body
      .requests;
    expect(request).toMatchObject({
      kind: 'gcm-talk',
      status: 'received',
      objectives: [15, 16],
      format: 'online',
    });
    expect(request).not.toHaveProperty('confirmNonce');

    const decision = {
      decision: 'accept',
      reviewId: 'talk-cities',
      timeZone: 'Europe/Zurich',
      startTime: '15:00',
    };
    const accepted = await api.request('PUT', `/admin/requests/${request.requestId}`, { json: decision });
    expect(accepted.status).toBe(200);
    expect(accepted.body.request).toMatchObject({ status: 'accepted', reviewId: 'talk-cities' });
    expect(accepted.body.review).toMatchObject({
      kind: 'gcm-talk',
      title: 'Cities that welcome',
      organisers: 'Mayors Migration Council',
      interpretationLanguages: ['en', 'fr', 'es'],
      requestId: request.requestId,
    });
    expect(
      accepted.body.plan.meetings.map((m: { id: string; status: string; mode: string }) => [
        m.id,
        m.status,
        m.mode,
      ]),
    ).toEqual([['talk', 'confirmed', 'virtual']]);
    expect(accepted.body.schedules.map((s: { milestoneId: string }) => s.milestoneId)).toContain(
      'talk.invitation',
    );
    const told = (await api.outbox('lucia@example.org')).map((m) => m.subject);
    expect(told.at(-1)).toBe('Aceptada: Cities that welcome');
    expect((await api.outbox('lucia@example.org')).at(-1)?.text).toContain('/register/talk-cities');

    const retried = await api.request('PUT', `/admin/requests/${request.requestId}`, { json: decision });
    expect(retried.status).toBe(200);
    expect(retried.body.review.version).toBe(1);
    expect(await api.outbox('lucia@example.org')).toHaveLength(told.length);

    const registration = await api.request('GET', '/register/talk-cities');
    expect(registration.text).toContain('<h1>Register: GCM Talk: Cities that welcome</h1>');
    const talks = await api.request('GET', '/talks');
    expect(talks.text).toContain('GCM Talk: Cities that welcome');
    expect(talks.text).toContain('href="/register/talk-cities?lang=en"');
    expect(talks.text).toContain('Local authorities and migrant-led organisations');
    expect((await api.request('GET', '/')).text).toContain('GCM Talk: Cities that welcome');
  });

  it('after the talk, has its summary and recording published: those registered are told once', async ({
    api,
  }) => {
    const date = dayInWords(await api.now(), 30);
    const { requestId } = await sendAndConfirm(api, '/talks/propose', talkForm('lucia@example.org', date));
    const decision = { decision: 'accept', reviewId: 'talk-cities', timeZone: 'UTC', startTime: '10:00' };
    expect((await api.request('PUT', `/admin/requests/${requestId}`, { json: decision })).status).toBe(200);
    await api.registerAndConfirm('talk-cities', 'guest@example.org');

    const outcome = {
      summaryUrl: 'https://example.org/talks/cities-summary.pdf',
      recordingUrl: 'https://example.org/talks/cities-recording',
    };
    const early = await api.request('PUT', '/admin/reviews/talk-cities/meetings/talk/outcome', {
      json: outcome,
    });
    expect(early.status).toBe(422);
    expect(early.body.issues[0].field).toBe('meetingId');

    await api.moveClock({ advanceBy: 'P31D' });
    const published = await api.request('PUT', '/admin/reviews/talk-cities/meetings/talk/outcome', {
      json: outcome,
    });
    expect(published.status).toBe(200);
    await api.moveClock({ advanceBy: 'PT3M' });
    const corrected = { ...outcome, summaryUrl: 'https://example.org/talks/cities-summary-v2.pdf' };
    await api.request('PUT', '/admin/reviews/talk-cities/meetings/talk/outcome', { json: corrected });
    await api.moveClock({ advanceBy: 'PT3M' });

    const summaries = (await api.outbox('guest@example.org')).filter((m) =>
      m.subject.startsWith('Summary and recording'),
    );
    expect(summaries.map((m) => m.subject)).toEqual(['Summary and recording: GCM Talk: Cities that welcome']);
    expect(summaries[0]?.text).toContain(outcome.recordingUrl);
    const shown = await api.request('GET', '/admin/reviews/talk-cities');
    expect(shown.body.announcements).toMatchObject([
      { id: 'outcome-talk', kind: 'meeting-outcome', told: true, summaryUrl: corrected.summaryUrl },
    ]);

    const talks = await api.request('GET', '/talks');
    expect(talks.text).toContain('Registration is closed');
    expect(talks.text).toContain(`href="${corrected.summaryUrl}"`);
    expect(talks.text).toContain(`href="${outcome.recordingUrl}"`);
  });
});

describe('a briefing request', () => {
  it('is declined with a reason, told to the network in its language', async ({ api }) => {
    const { requestId } = await sendAndConfirm(api, '/briefings/request', briefingForm('awa@example.org'));
    const declined = await api.request('PUT', `/admin/requests/${requestId}`, {
      json: { decision: 'decline', reason: 'The Africa briefing of 3 May covers this topic.' },
    });
    expect(declined.body.request).toMatchObject({ status: 'declined', declineReason: expect.any(String) });
    const last = (await api.outbox('awa@example.org')).at(-1);
    expect(last?.subject).toContain('Taking part in the Africa review');
    expect(last?.text).toContain('The Africa briefing of 3 May covers this topic.');
  });

  it('asked in words the service cannot read as a date, is accepted with the date the secretariat gives', async ({
    api,
  }) => {
    const { requestId } = await sendAndConfirm(api, '/briefings/request', briefingForm('awa@example.org'));
    const accept = { decision: 'accept', reviewId: 'brief-wamn', timeZone: 'Africa/Dakar' };
    const undated = await api.request('PUT', `/admin/requests/${requestId}`, { json: accept });
    expect(undated.status).toBe(422);
    expect(undated.body.issues).toEqual([
      {
        field: 'date',
        message:
          'the request asks for "after our assembly in the spring", which is not a date this service reads: give the date',
      },
    ]);
    const date = dayInWords(await api.now(), 45);
    const accepted = await api.request('PUT', `/admin/requests/${requestId}`, { json: { ...accept, date } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.review).toMatchObject({
      kind: 'briefing',
      regions: ['africa'],
      organisers: 'West African Migrant Network',
    });
    expect((await api.outbox('awa@example.org')).at(-1)?.subject).toBe(
      'Acceptée\u00a0: Taking part in the Africa review',
    );
  });

  it('is refused with each wrong field named, what was typed kept, and a regional network without its region', async ({
    api,
  }) => {
    const refused = await api.request('POST', '/briefings/request', {
      form: briefingForm('awa@example.org', { expectedParticipants: 'forty', network: '' }),
    });
    expect(refused.status).toBe(422);
    for (const field of ['expectedParticipants', 'network'])
      expect(refused.text).toContain(`href="#${field}"`);
    expect(refused.text).toContain('value="forty"');
    const regionless = await api.request('POST', '/briefings/request', {
      form: briefingForm('awa@example.org', { regions: [] }),
    });
    expect(regionless.status).toBe(422);
    expect(regionless.text).toContain('<a href="#regions">A regional network names its region.</a>');
    expect((await api.request('GET', '/admin/requests')).body.requests).toEqual([]);
  });

  it('sent by a bot that fills the hidden field is answered as a person is, and kept nowhere', async ({
    api,
  }) => {
    const sent = await api.request('POST', '/briefings/request', {
      form: briefingForm('bot@example.org', { website: 'https://spam.example.org' }),
    });
    expect(sent.text).toContain('Check your email');
    expect(await api.outbox('bot@example.org')).toEqual([]);
  });
});

describe('a GCM Talk held in a room', () => {
  it('counts its places and keeps a waiting list, as the hybrid consultation does', async ({
    api,
    runtime,
  }) => {
    const start = await api.now();
    const date = new Date(start.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const talk = {
      kind: 'gcm-talk',
      title: 'Cities that welcome',
      date,
      venue: 'UN House, Beirut',
      timeZone: 'Asia/Beirut',
      meetings: [
        { id: 'talk', kind: 'gcm-talk', title: 'Cities that welcome', mode: 'in-person', capacity: 1 },
      ],
    };
    expect((await api.putReview('talk-room', talk)).status).toBe(201);
    await api.registerAndConfirm('talk-room', 'first@example.org');
    const second = await api.registerAndConfirm('talk-room', 'second@example.org');
    expect(second.status).toBe(200);
    const seatOf = async (email: string) =>
      (await runtime.dependencies.store.registrants.get('talk-room', email, runtime.clock.now()))?.seat;
    expect([await seatOf('first@example.org'), await seatOf('second@example.org')]).toEqual([
      'seat',
      'waitlisted',
    ]);
  });
});
