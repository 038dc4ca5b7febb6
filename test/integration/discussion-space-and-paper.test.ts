import { DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ScheduledEvent } from 'aws-lambda';
import { lambdaContext } from '#local/api-gateway';
import { localClientConfig } from '#local/composition';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const day = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const PAPER = {
  links: {
    en: 'https://example.org/papers/europe-en.pdf',
    fr: 'https://example.org/papers/europe-fr.pdf',
  },
};

/**
 * Each test's service holds the review `europe-s`, 120 days ahead, with a discussion space open from day 10 to
 * day 40, two focal points for its paper (due on day 92), and two registrants, one reading French.
 */
const it = test.extend('start', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const body = reviewBody(start, 120, {
    discussionSpace: {
      opens: day(start, 10),
      closes: day(start, 40),
      url: 'https://hub.example.org/europe',
      moderators: ['Ana Ruiz'],
    },
    analyticalPaper: {
      focalPoints: [
        { email: 'focal-fr@example.org', name: 'Claire Martin', language: 'fr' },
        { email: 'focal@example.org' },
      ],
    },
  });
  const created = await api.putReview('europe-s', body);
  expect(created.status).toBe(201);
  await api.registerAndConfirm('europe-s', 'ana@example.org', 'Ana', 'en');
  await api.registerAndConfirm('europe-s', 'leo@example.org', 'Léo', 'fr');
  return start;
});

const noticesFor = async (
  api: { outbox(to: string): Promise<{ subject: string; text?: string }[]> },
  email: string,
) =>
  (await api.outbox(email)).filter(
    (e) => !/^(Confirm|Registration confirmed|Inscription confirmée)/.test(e.subject),
  );

describe('a review’s discussion space and analytical paper', () => {
  it('are scheduled with the review’s own jobs, and shown in its plan', async ({ api }) => {
    const { body } = await api.request('GET', '/admin/reviews/europe-s');
    const ids = body.schedules.map((s: { milestoneId: string }) => s.milestoneId);
    expect(ids).toEqual(
      expect.arrayContaining(['space.opens', 'space.closing', 'paper.reminder-14d', 'paper.reminder-3d']),
    );
    expect(body.plan.analyticalPaper).toMatchObject({ weeksBefore: 4, tentative: false });
  });

  it('tell registrants when the space opens and a week before it closes, and remind the focal points', async ({
    api,
    start,
  }) => {
    await api.moveClock({ set: `${day(start, 11)}T00:00:00Z` });
    expect((await noticesFor(api, 'ana@example.org')).map((e) => e.subject)).toEqual([
      'The discussion space of GCM regional review: Europe is open',
    ]);
    const [french] = await noticesFor(api, 'leo@example.org');
    expect(french?.text).toContain('https://hub.example.org/europe');
    expect(french?.text).toContain('Ana Ruiz');
    expect((await api.request('GET', '/')).text).toContain('href="https://hub.example.org/europe"');

    await api.moveClock({ set: `${day(start, 34)}T00:00:00Z` });
    const spaceNotices = (await noticesFor(api, 'ana@example.org')).filter((e) =>
      e.subject.includes('discussion space'),
    );
    expect(spaceNotices.map((e) => e.subject)).toEqual([
      'The discussion space of GCM regional review: Europe is open',
      'One week left in the discussion space of GCM regional review: Europe',
    ]);

    await api.moveClock({ set: `${day(start, 90)}T00:00:00Z` });
    expect((await api.outbox('focal@example.org')).map((e) => e.subject)).toEqual([
      expect.stringMatching(/^The analytical paper for GCM regional review: Europe is due on /),
      expect.stringMatching(/^The analytical paper for GCM regional review: Europe is due on /),
    ]);
    expect((await api.outbox('focal-fr@example.org'))[0]?.text).toContain('Claire Martin');
    // Focal points are not registrants: they get the paper's reminders and nothing else.
    expect((await api.outbox('focal@example.org')).every((e) => e.subject.includes('analytical paper'))).toBe(
      true,
    );
  });

  it('once the paper is published, tell the review’s registrants once, each in their language', async ({
    api,
  }) => {
    const published = await api.request('PUT', '/admin/reviews/europe-s/analytical-paper', { json: PAPER });
    expect(published.status).toBe(200);
    await api.moveClock({ advanceBy: 'PT3M' });
    await api.request('PUT', '/admin/reviews/europe-s/analytical-paper', { json: PAPER });
    await api.moveClock({ advanceBy: 'PT3M' });

    const english = await noticesFor(api, 'ana@example.org');
    expect(english.map((e) => e.subject)).toEqual([
      'Analytical paper published: GCM regional review: Europe',
    ]);
    expect(english[0]?.text).toContain(PAPER.links.en);
    const [french] = await noticesFor(api, 'leo@example.org');
    expect(french?.text).toContain(PAPER.links.fr);
    expect((await api.request('GET', '/admin/reviews/europe-s')).body.announcements).toMatchObject([
      { id: 'paper', kind: 'analytical-paper', told: true },
    ]);
    expect((await api.request('GET', '/?lang=fr')).text).toContain(`href="${PAPER.links.fr}"`);
  });

  it('tell them even when a crash lost the round’s job: the hourly reconcile schedules it again', async ({
    api,
    runtime,
  }) => {
    await api.request('PUT', '/admin/reviews/europe-s/analytical-paper', { json: PAPER });
    const scheduler = new SchedulerClient(localClientConfig(runtime.urls.scheduler));
    try {
      const { Schedules } = await scheduler.send(new ListSchedulesCommand({ NamePrefix: 'announce.' }));
      expect(Schedules?.map((s) => s.Name)).toEqual(['announce.europe-s.paper']);
      await scheduler.send(
        new DeleteScheduleCommand({ Name: 'announce.europe-s.paper', GroupName: Schedules?.[0]?.GroupName }),
      );
    } finally {
      scheduler.destroy();
    }
    await api.moveClock({ advanceBy: 'PT3M' });
    expect(await noticesFor(api, 'ana@example.org')).toEqual([]);

    await runtime.functions.reconcile(
      { time: (await api.now()).toISOString() } as ScheduledEvent,
      lambdaContext('reconcile'),
    );
    await api.moveClock({ advanceBy: 'PT3M' });
    expect((await noticesFor(api, 'ana@example.org')).map((e) => e.subject)).toEqual([
      'Analytical paper published: GCM regional review: Europe',
    ]);
  });

  it('refuse what cannot be published, saying why', async ({ api }) => {
    const empty = await api.request('PUT', '/admin/reviews/europe-s/analytical-paper', {
      json: { links: {} },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.issues).toEqual([
      { field: 'links', message: 'give the paper in one language at least' },
    ]);
    const missing = await api.request('PUT', '/admin/reviews/nowhere/analytical-paper', { json: PAPER });
    expect(missing.status).toBe(404);
    const outcome = await api.request('PUT', '/admin/reviews/europe-s/meetings/hybrid/outcome', { json: {} });
    expect(outcome.status).toBe(422);
    expect(outcome.body.issues[0]).toEqual({
      field: 'summaryUrl',
      message: 'give the summary report, the recording, or both',
    });
  });
});
