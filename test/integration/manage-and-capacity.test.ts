import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { getRegistrant } from '../../shared/store/registrants';
import { seatsTaken } from '../../shared/store/seats';
import { confirmationLink, reviewBody, type ServiceClient, startService } from '../support/local-service';

let runtime: LocalRuntime;
let api: ServiceClient;
let now: Date;

beforeAll(async () => {
  ({ runtime, client: api } = await startService());
  now = await api.now();
  const meetings = [
    { id: 'pre-1', kind: 'pre-consultation' },
    { id: 'hybrid', kind: 'hybrid-consultation', capacity: 2 },
  ];
  expect((await api.putReview('seats', reviewBody(now, 120, { meetings }))).status).toBe(201);
});
afterAll(() => runtime?.close());

const manageToken = async (email: string) => {
  const texts = (await api.outbox(email)).map((e) => e.text ?? '');
  const link = texts
    .map((t) => /(http\S+\/manage\?token=\S+)/.exec(t)?.[1])
    .filter(Boolean)
    .at(-1);
  if (!link) throw new Error(`no manage link for ${email}`);
  return new URL(link).searchParams.get('token') as string;
};

const registerInPerson = async (email: string, language = 'en') => {
  const answer = await api.request('POST', '/registrations', {
    json: { reviewId: 'seats', email, name: email.split('@')[0], language, attendanceMode: 'in-person' },
  });
  expect(answer.status).toBe(202);
  return new URL(confirmationLink(await api.outbox(email))).searchParams.get('token') as string;
};

const seatOf = async (email: string) => (await getRegistrant('seats', email, new Date()))?.seat;

describe('in-person places', () => {
  const people = ['p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org'];

  it('are counted exactly when registrants confirm all at once: the rest wait in line', async () => {
    const tokens = [];
    for (const email of people) tokens.push(await registerInPerson(email));
    await Promise.all(tokens.map((token) => api.request('POST', '/confirm', { form: { token } })));

    expect(await seatsTaken('seats', 'hybrid')).toBe(2);
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

  it('go to the first in line when a place is given up, who is told by email', async () => {
    const seats = await Promise.all(people.map(seatOf));
    const holder = people[seats.indexOf('seat')] as string;
    const waiting = people.filter((_, i) => seats[i] === 'waitlisted');
    const first = (
      await Promise.all(
        waiting.map(async (email) => ({
          email,
          at: (await getRegistrant('seats', email, new Date()))?.waitlistedAt,
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
    expect(await seatsTaken('seats', 'hybrid')).toBe(2);
  });

  it('free up when a registrant switches to online, and the change is confirmed by email in the new language', async () => {
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
    expect(await seatsTaken('seats', 'hybrid')).toBe(2);
  });

  it('refuses a change naming a meeting the review does not have, and a cancelled registration’s link', async () => {
    const registrants = await Promise.all(
      people.map(async (e) => ({ e, r: await getRegistrant('seats', e, new Date()) })),
    );
    const current = registrants.find(({ r }) => r?.status === 'confirmed')?.e as string;
    const token = await manageToken(current);
    const bad = await api.request('POST', '/manage', {
      form: { token, meetings: ['elsewhere'], attendanceMode: 'online', language: 'en' },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="meetings-error"');

    const cancelledHolder = (
      await Promise.all(people.map(async (e) => ({ e, r: await getRegistrant('seats', e, new Date()) })))
    ).find(({ r }) => r?.status === 'cancelled')?.e as string;
    const stale = await api.request(
      'GET',
      `/manage?token=${encodeURIComponent(await manageToken(cancelledHolder))}`,
    );
    expect(stale.status).toBe(404);
  });
});
