import { test as base, describe, expect } from '#test/support/fixtures';
import { confirmationLink, reviewBody } from '#test/support/service-client';

const people = ['p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org'];

/** Each test's service holds the review `seats`, whose hybrid meeting has two in-person places. */
const it = base
  .extend('review', { auto: true }, async ({ api }) => {
    const meetings = [
      { id: 'pre-1', kind: 'pre-consultation' },
      { id: 'hybrid', kind: 'hybrid-consultation', capacity: 2 },
    ];
    expect((await api.putReview('seats', reviewBody(await api.now(), 120, { meetings }))).status).toBe(201);
  })
  .extend('manageToken', ({ api }) => async (email: string) => {
    const texts = (await api.outbox(email)).map((e) => e.text ?? '');
    const link = texts
      .map((t) => /(http\S+\/manage\?token=\S+)/.exec(t)?.[1])
      .filter(Boolean)
      .at(-1);
    if (!link) throw new Error(`no manage link for ${email}`);
    return new URL(link).searchParams.get('token') as string;
  })
  .extend(
    'registrant',
    ({ runtime }) =>
      (email: string) =>
        runtime.dependencies.store.registrants.get('seats', email, runtime.clock.now()),
  )
  .extend(
    'seatOf',
    ({ registrant }) =>
      async (email: string) =>
        (await registrant(email))?.seat,
  )
  // All four register in person and confirm at once: two get the places, two wait in line.
  .extend('placesTaken', ({ api }) => async () => {
    const tokens = [];
    for (const email of people) {
      const answer = await api.request('POST', '/registrations', {
        json: {
          reviewId: 'seats',
          email,
          name: email.split('@')[0],
          language: 'en',
          attendanceMode: 'in-person',
        },
      });
      expect(answer.status).toBe(202);
      tokens.push(new URL(confirmationLink(await api.outbox(email))).searchParams.get('token') as string);
    }
    await Promise.all(tokens.map((token) => api.request('POST', '/confirm', { form: { token } })));
  })
  // The first of the holders, in the order of `people`, gives up their place.
  .extend('placeGivenUp', ({ api, placesTaken, seatOf, manageToken }) => async () => {
    await placesTaken();
    const seats = await Promise.all(people.map(seatOf));
    const holder = people[seats.indexOf('seat')] as string;
    const cancelled = await api.request('POST', '/manage/cancel', {
      form: { token: await manageToken(holder) },
    });
    expect(cancelled.status).toBe(200);
  });

describe('in-person places', () => {
  it('are never kept by a registration a crash cancelled before giving its place back: the next request frees it for the first in line', async ({
    api,
    placesTaken,
    seatOf,
    runtime,
  }) => {
    await placesTaken();
    const { seats, registrants } = runtime.dependencies.store;
    const before = await Promise.all(people.map(seatOf));
    const holder = people[before.indexOf('seat')] as string;
    const firstWaiting = (await seats.firstWaiting('seats', 'hybrid'))?.email as string;
    // The cancellation's first write, and then the crash: the place is still held in that registration's name.
    expect(await registrants.cancel('seats', holder, runtime.clock.now())).toBe(true);
    expect(await seats.holders('seats', 'hybrid')).toContain(holder);

    const newcomer = 'p5@example.org';
    await api.request('POST', '/registrations', {
      json: { reviewId: 'seats', email: newcomer, name: 'p5', language: 'en', attendanceMode: 'in-person' },
    });
    const token = new URL(confirmationLink(await api.outbox(newcomer))).searchParams.get('token') as string;
    expect((await api.request('POST', '/confirm', { form: { token } })).status).toBe(200);

    expect(await seats.holders('seats', 'hybrid')).not.toContain(holder);
    expect(await seats.taken('seats', 'hybrid')).toBe(2);
    expect(await seatOf(firstWaiting)).toBe('seat');
    expect(await seatOf(newcomer)).toBe('waitlisted');
    expect((await api.outbox(firstWaiting)).map((e) => e.subject)).toContain(
      'An in-person place for you: GCM regional review: Europe',
    );
  });

  it('are counted exactly when registrants confirm all at once: the rest wait in line', async ({
    api,
    placesTaken,
    seatOf,
    runtime,
  }) => {
    await placesTaken();

    expect(await runtime.dependencies.store.seats.taken('seats', 'hybrid')).toBe(2);
    const seats = await Promise.all(people.map(seatOf));
    expect(seats.filter((s) => s === 'seat')).toHaveLength(2);
    expect(seats.filter((s) => s === 'waitlisted')).toHaveLength(2);

    const waiting = people.filter((_, i) => seats[i] === 'waitlisted');
    for (const email of waiting) {
      const [, confirmed] = await api.outbox(email);
      expect(confirmed?.subject).toMatch(/^Registration confirmed/);
      expect(confirmed?.text).toMatch(/number [12] on the waiting list/);
    }
  });

  it('go to the first in line when a place is given up, who is told by email', async ({
    api,
    placesTaken,
    seatOf,
    runtime,
    registrant,
    manageToken,
  }) => {
    await placesTaken();
    const seats = await Promise.all(people.map(seatOf));
    const holder = people[seats.indexOf('seat')] as string;
    const waiting = people.filter((_, i) => seats[i] === 'waitlisted');
    const first = (
      await Promise.all(
        waiting.map(async (email) => ({
          email,
          at: (await registrant(email))?.waitlistedAt,
        })),
      )
    ).sort((a, b) => String(a.at).localeCompare(String(b.at)))[0]?.email as string;

    const cancelled = await api.request('POST', '/manage/cancel', {
      form: { token: await manageToken(holder) },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('Registration cancelled');
    expect((await api.outbox(holder)).at(-1)?.subject).toMatch(/^Registration cancelled/);

    expect(await seatOf(first)).toBe('seat');
    expect((await api.outbox(first)).at(-1)?.subject).toMatch(/^An in-person place for you/);
    expect(await runtime.dependencies.store.seats.taken('seats', 'hybrid')).toBe(2);
  });

  it('free up when a registrant switches to online, and the change is confirmed by email in the new language', async ({
    api,
    placeGivenUp,
    seatOf,
    runtime,
    manageToken,
  }) => {
    await placeGivenUp();
    const seats = await Promise.all(people.map(seatOf));
    const holder = people.find((_, i) => seats[i] === 'seat') as string;
    const lastWaiting = people.find((_, i) => seats[i] === 'waitlisted') as string;
    const token = await manageToken(holder);

    const page = await api.request('GET', `/manage?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You have an in-person place.');

    const saved = await api.request('POST', '/manage', {
      form: { token, meetings: ['pre-1', 'hybrid'], attendanceMode: 'online', language: 'fr' },
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('<html lang="fr"');
    const changed = (await api.outbox(holder)).at(-1);
    expect(changed?.subject).toMatch(/inscription/i);
    expect(changed?.html).toContain('<html lang="fr" dir="ltr">');

    expect(await seatOf(holder)).toBeUndefined();
    expect(await seatOf(lastWaiting)).toBe('seat');
    expect(await runtime.dependencies.store.seats.taken('seats', 'hybrid')).toBe(2);
  });

  it('refuses a change naming a meeting the review does not have, and a cancelled registration’s link', async ({
    api,
    placeGivenUp,
    registrant,
    manageToken,
  }) => {
    await placeGivenUp();
    const registrants = await Promise.all(people.map(async (e) => ({ e, r: await registrant(e) })));
    const current = registrants.find(({ r }) => r?.status === 'confirmed')?.e as string;
    const token = await manageToken(current);
    const bad = await api.request('POST', '/manage', {
      form: { token, meetings: ['elsewhere'], attendanceMode: 'online', language: 'en' },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="meetings-error"');

    const cancelledHolder = (
      await Promise.all(people.map(async (e) => ({ e, r: await registrant(e) })))
    ).find(({ r }) => r?.status === 'cancelled')?.e as string;
    const stale = await api.request(
      'GET',
      `/manage?token=${encodeURIComponent(await manageToken(cancelledHolder))}`,
    );
    expect(stale.status).toBe(404);
  });
});
