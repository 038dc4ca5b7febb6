import ICAL from 'ical.js';
import { describe, expect, test } from '#test/support/fixtures';
import type { ServiceClient } from '#test/support/service-client';

const day = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Europe's review confirmed (its consultation the day before), Africa's only a month, both of one round. */
const it = test.extend('round', { auto: true }, async ({ api }) => {
  const now = await api.now();
  const cycle = '2027-2029, third round';
  const europe = await api.putReview('europe-2027', {
    region: 'europe',
    cycle,
    date: day(now, 120),
    venue: 'Palais des Nations, Geneva',
    timeZone: 'Europe/Zurich',
  });
  const africa = await api.putReview('africa-2027', {
    region: 'africa',
    cycle,
    date: 'May 2028',
    timeZone: 'Africa/Addis_Ababa',
  });
  expect([europe.status, africa.status]).toEqual([201, 201]);
  return { now, europeDay: day(now, 120) };
});

const eventsOf = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    status: String(event.getFirstPropertyValue('status')),
    start: String(event.getFirstPropertyValue('dtstart')),
    allDay: (event.getFirstPropertyValue('dtstart') as ICAL.Time).isDate,
    summary: String(event.getFirstPropertyValue('summary')),
  }));

async function page(api: ServiceClient, path: string) {
  const answer = await api.request('GET', path);
  expect(answer.status).toBe(200);
  return answer.text;
}

describe('the public home', () => {
  it('shows the round as the seed’s table: a row per region, dates as known, a link to register', async ({
    api,
    round,
  }) => {
    const html = await page(api, '/');
    expect(html).toContain('<h2>Round: \u20682027-2029, third round\u2069</h2>');
    expect(html).toContain('<th scope="row">Europe</th>');
    expect(html).toContain('<th scope="row">Africa</th>');
    expect(html).toContain('May 2028');
    expect(html).toContain('href="/register/europe-2027?lang=en"');
    const reviewDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${round.europeDay}T12:00:00Z`),
    );
    expect(html).toContain(`${reviewDay} (<bdi>Palais des Nations, Geneva</bdi>)`);
    expect(html).toMatch(/As of \d{1,2} \w+ \d{4}/);
  });

  it('in Arabic, right to left', async ({ api }) => {
    const html = await page(api, '/?lang=ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h2>الجولة: \u20682027-2029, third round\u2069</h2>');
    expect(html).toContain('<th scope="row">أفريقيا</th>');
    expect(html).toContain('مايو 2028');
  });

  it('offers the other rounds, and shows one when asked', async ({ api }) => {
    await api.putReview('lac-old', {
      region: 'lac',
      cycle: '2023-2025, second round',
      date: 'week 3 of November 2024',
      timeZone: 'America/Santiago',
    });
    const home = await page(api, '/');
    expect(home).toContain('<h2>Round: \u20682027-2029, third round\u2069</h2>');
    expect(home).toContain(
      '<a href="/?cycle=2023-2025%2C+second+round&amp;lang=en"><bdi>2023-2025, second round</bdi></a>',
    );
    const older = await page(api, `/?cycle=${encodeURIComponent('2023-2025, second round')}`);
    expect(older).toContain('week 3 of November 2024');
    expect(older).not.toContain('europe-2027');
  });

  it('answers the same timeline as JSON', async ({ api }) => {
    const answer = await api.request('GET', '/timeline.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      cycle: '2027-2029, third round',
      cycles: ['2027-2029, third round'],
    });
    expect(
      answer.body.reviews.map((r: { reviewId: string; dateText: string }) => [r.reviewId, r.dateText]),
    ).toEqual(expect.arrayContaining([['africa-2027', 'May 2028']]));
    const europe = answer.body.reviews.find((r: { reviewId: string }) => r.reviewId === 'europe-2027');
    expect(europe.meetings.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['pre-1', 'confirmed'],
      ['hybrid', 'confirmed'],
    ]);
  });
});

describe('the calendar feeds', () => {
  it('give confirmed meetings as timed events, days known but to be decided as all-day tentative ones, and leave out the rest', async ({
    api,
    round,
  }) => {
    await api.putReview('arab-2028', {
      region: 'arab',
      cycle: '2027-2029, third round',
      date: '3-4 July 2028 (TBD)',
      timeZone: 'Asia/Beirut',
    });
    const answer = await api.request('GET', '/calendar.ics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(answer.text).toContain('NAME:GCM regional reviews: stakeholder meetings');
    const events = new Map(eventsOf(answer.text).map((e) => [e.uid, e]));
    // Africa's "May 2028" is not a day: neither the review nor its meetings are in the feed.
    expect([...events.values()].map((e) => [e.uid, e.status, e.allDay])).toEqual([
      ['arab-2028@gcm-consultations', 'TENTATIVE', true],
      ['arab-2028.pre-1@gcm-consultations', 'TENTATIVE', true],
      ['arab-2028.hybrid@gcm-consultations', 'TENTATIVE', true],
      ['europe-2027@gcm-consultations', 'CONFIRMED', true],
      ['europe-2027.pre-1@gcm-consultations', 'CONFIRMED', false],
      ['europe-2027.hybrid@gcm-consultations', 'CONFIRMED', false],
    ]);
    expect(events.get('europe-2027@gcm-consultations')?.start).toBe(round.europeDay);
    expect(events.get('arab-2028.hybrid@gcm-consultations')?.start).toBe('2028-07-02');
  });

  it('give one region’s, in the reader’s language, and no region that does not exist', async ({ api }) => {
    const europe = await api.request('GET', '/calendar/europe.ics?lang=fr');
    expect(europe.status).toBe(200);
    expect(eventsOf(europe.text).every((e) => e.uid.startsWith('europe-2027'))).toBe(true);
    expect(europe.text).toContain('SUMMARY:Préconsultation virtuelle');
    expect((await api.request('GET', '/calendar/mars.ics')).status).toBe(404);
    expect((await api.request('GET', '/calendar/europe.json')).status).toBe(404);
  });
});

describe('a global consultation of the round', () => {
  it('is listed apart on the home page, has its own registration page, and is in each of its regions’ feeds', async ({
    api,
    round,
  }) => {
    const date = day(round.now, 60);
    const created = await api.putReview('global-2027', {
      kind: 'global-consultation',
      cycle: '2027-2029, third round',
      title: 'Global consultation: Africa, Latin America and the Caribbean, Europe',
      regions: ['africa', 'lac', 'europe'],
      date,
      timeZone: 'UTC',
    });
    expect(created.status).toBe(201);
    const home = await page(api, '/');
    expect(home).toContain('<h2>Global consultations</h2>');
    expect(home).toContain('For Africa, Latin America and the Caribbean and Europe.');
    expect(home).toContain('href="/register/global-2027?lang=en"');

    const form = await page(api, '/register/global-2027');
    expect(form).toContain(
      '<h1>Register: Global consultation: Africa, Latin America and the Caribbean, Europe</h1>',
    );
    expect(form).not.toContain('name="attendanceMode"');

    const uidsOf = async (path: string) => eventsOf((await api.request('GET', path)).text).map((e) => e.uid);
    expect(await uidsOf('/calendar/lac.ics')).toEqual([
      'global-2027@gcm-consultations',
      'global-2027.global@gcm-consultations',
    ]);
    expect(await uidsOf('/calendar/arab.ics')).toEqual([]);
  });
});
