import { DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import { lambdaContext } from '#local/api-gateway';
import { localClientConfig } from '#local/composition';
import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const it = base
  .extend('now', ({ api }) => api.now())
  .extend('scheduler', ({ runtime }, { onCleanup }) => {
    const client = new SchedulerClient(localClientConfig(runtime.urls.scheduler));
    onCleanup(() => client.destroy());
    return client;
  });

/** For the tests about an existing review: their service holds `europe-a`, four months ahead, as first saved. */
const withEuropeA = it.extend('europeA', { auto: true }, async ({ api, now }) => {
  const answer = await api.putReview('europe-a', reviewBody(now, 120));
  expect(answer.status).toBe(201);
  return answer.body;
});

/** The change of date (and of reminders) that takes `europe-a` to its version 2. */
const movedTenDays = (now: Date) => reviewBody(now, 130, { leadTimes: { reminderDays: [2] } });

const schedulesInGroup = async (scheduler: SchedulerClient) => {
  const { Schedules } = await scheduler.send(new ListSchedulesCommand({ GroupName: 'gcm-consultations' }));
  return (Schedules ?? []).map((s) => s.Name);
};

describe('the admin API', () => {
  it('refuses a request without the admin token', async ({ api }) => {
    const answer = await api.request('GET', '/admin/reviews', { token: null });
    expect(answer.status).toBe(401);
    expect((await api.request('GET', '/admin/reviews', { token: 'wrong' })).status).toBe(401);
  });

  it('creates a review from its date alone and schedules every milestone', async ({
    api,
    now,
    scheduler,
  }) => {
    const answer = await api.putReview('europe-a', reviewBody(now, 120));
    expect(answer.status).toBe(201);
    expect(answer.body.review).toMatchObject({ reviewId: 'europe-a', status: 'active', version: 1 });
    expect(new Set(answer.body.schedules.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['pre-consultation', 'materials-publication', 'hybrid-consultation', 'reminder']),
    );
    expect(answer.body.schedules.map((s: { name: string; at: string }) => [s.name, s.at])).toEqual(
      answer.body.plan.milestones.map((m: { id: string; at: string }) => [`europe-a.${m.id}`, m.at]),
    );
    expect((await schedulesInGroup(scheduler)).filter((n) => n?.startsWith('europe-a.'))).toHaveLength(8);
  });

  withEuropeA(
    'moves the schedules when the date changes, and removes what is no longer planned',
    async ({ api, now }) => {
      const before = (await api.request('GET', '/admin/reviews/europe-a')).body.schedules;
      const answer = await api.putReview('europe-a', movedTenDays(now));
      expect(answer.status).toBe(200);
      expect(answer.body.review.version).toBe(2);
      const after = answer.body.schedules as { name: string; at: string; version: number }[];
      expect(after.map((s) => s.name)).toEqual([
        'europe-a.pre-1.invitation',
        'europe-a.pre-1.materials',
        'europe-a.pre-1.reminder-2d',
        'europe-a.hybrid.invitation',
        'europe-a.hybrid.materials',
        'europe-a.hybrid.reminder-2d',
      ]);
      const oldTimes = new Set(before.map((s: { at: string }) => s.at));
      expect(after.filter((s) => oldTimes.has(s.at))).toEqual([]);
      expect(after.every((s) => s.version === 2)).toBe(true);
    },
  );

  withEuropeA('lists and shows reviews', async ({ api, now }) => {
    expect((await api.putReview('europe-a', movedTenDays(now))).status).toBe(200);
    const list = await api.request('GET', '/admin/reviews');
    expect(list.status).toBe(200);
    expect(list.body.reviews).toContainEqual(
      expect.objectContaining({ reviewId: 'europe-a', region: 'europe', status: 'active', version: 2 }),
    );
    const one = await api.request('GET', '/admin/reviews/europe-a');
    expect(one.body.plan.meetings).toHaveLength(2);
    expect((await api.request('GET', '/admin/reviews/nowhere')).status).toBe(404);
  });

  withEuropeA(
    'brings back a job deleted behind its back, on the next write or the hourly reconcile',
    async ({ runtime, now, scheduler }) => {
      await scheduler.send(
        new DeleteScheduleCommand({ Name: 'europe-a.hybrid.materials', GroupName: 'gcm-consultations' }),
      );
      expect(await schedulesInGroup(scheduler)).not.toContain('europe-a.hybrid.materials');
      await runtime.functions.reconcile(
        { time: now.toISOString() } as ScheduledEvent,
        lambdaContext('reconcile'),
      );
      expect(await schedulesInGroup(scheduler)).toContain('europe-a.hybrid.materials');
    },
  );

  withEuropeA(
    'carries on past a review it cannot reconcile, and says which',
    async ({ runtime, now, scheduler }) => {
      // A review damaged by hand: its date is no date the plan can read.
      const { table } = runtime.dependencies.store;
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            pk: 'REVIEW#broken',
            sk: 'REVIEW',
            gsi1pk: 'REVIEWS',
            gsi1sk: 'broken',
            reviewId: 'broken',
            region: 'europe',
            date: { kind: 'never' },
            status: 'active',
            version: 1,
          },
        }),
      );
      await scheduler.send(
        new DeleteScheduleCommand({ Name: 'europe-a.hybrid.materials', GroupName: 'gcm-consultations' }),
      );
      const result = await runtime.functions.reconcile(
        { time: now.toISOString() } as ScheduledEvent,
        lambdaContext('reconcile'),
      );
      expect(result).toMatchObject({ reviews: 2, failedReviews: ['broken'] });
      expect(await schedulesInGroup(scheduler)).toContain('europe-a.hybrid.materials');
    },
  );

  withEuropeA('cancels a review: it is kept, and no job remains', async ({ api, scheduler }) => {
    const answer = await api.request('DELETE', '/admin/reviews/europe-a');
    expect(answer.status).toBe(200);
    expect(answer.body.review.status).toBe('cancelled');
    expect(answer.body.schedules).toEqual([]);
    expect((await schedulesInGroup(scheduler)).filter((n) => n?.startsWith('europe-a.'))).toEqual([]);
    expect((await api.request('GET', '/admin/reviews/europe-a')).body.review.status).toBe('cancelled');
  });

  it('schedules nothing for a tentative or imprecise date, and says why', async ({ api, now }) => {
    const tentative = await api.putReview('africa-a', {
      ...reviewBody(now, 200, { region: 'africa' }),
      date: 'May 2027',
    });
    expect(tentative.status).toBe(201);
    expect(tentative.body.schedules).toEqual([]);
    expect(tentative.body.plan.meetings.map((m: { status: string }) => m.status)).toEqual([
      'undated',
      'undated',
    ]);
  });

  it('answers bad input with 400 or 422 naming the field and the reason, never 500', async ({
    api,
    runtime,
    now,
  }) => {
    const notJson = await api.request('PUT', '/admin/reviews/x', { json: undefined });
    expect(notJson.status).toBe(400);

    const malformed = await fetch(new URL('/admin/reviews/x', runtime.apiUrl), {
      method: 'PUT',
      headers: { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' },
      body: '{"region":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: 'bad request',
      issues: [{ field: 'body', message: 'the body is not valid JSON' }],
    });

    // A venue may be left out while it is not known, but not given empty.
    const invalid = await api.putReview('x', {
      region: 'mars',
      date: '2027-02-30',
      venue: '',
      timeZone: 'Mars/Olympus',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues.map((i: { field: string }) => i.field)).toEqual([
      'region',
      'date',
      'venue',
      'timeZone',
    ]);

    const badId = await api.putReview('Not_An_Id', reviewBody(now, 120));
    expect(badId.status).toBe(422);
    expect(badId.body.issues[0].field).toBe('reviewId');

    const tooLate = await api.putReview(
      'europe-b',
      reviewBody(now, 120, {
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', date: reviewBody(now, 60).date },
          { id: 'hybrid', kind: 'hybrid-consultation' },
        ],
      }),
    );
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.issues).toEqual([
      expect.objectContaining({ field: 'meetings[0].date', rule: 'pre-consultation-12-weeks-before-review' }),
    ]);
    expect((await api.request('GET', '/admin/reviews/europe-b')).status).toBe(404);
  });

  it('refuses a signed-in user outside the secretariat group with 403', async ({ runtime, now }) => {
    const event = {
      version: '2.0',
      routeKey: 'GET /admin/reviews',
      rawPath: '/admin/reviews',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/admin/reviews' },
        timeEpoch: now.getTime(),
        authorizer: { jwt: { claims: { sub: 'someone', 'cognito:groups': '[stakeholders]' }, scopes: [] } },
      },
    };
    const answer = await runtime.functions['admin-api'](event as never, lambdaContext('admin-api'));
    expect(answer.statusCode).toBe(403);
  });
});
