import type { MilestoneFiring } from '#domain/firing';
import { lambdaContext } from '#local/api-gateway';
import type { LocalRuntime } from '#local/runtime';
import { RoundIncompleteError } from '#services/delivery-round';
import { currentLinks } from '#services/links';
import { runMilestoneRound } from '#services/milestone-round';
import { describe, expect, test as it } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

type Schedule = { name: string; kind: string; at: string; milestoneId: string; version: number };

async function setUpReview(
  api: ServiceClient,
  reviewId: string,
  confirmed: string[],
  pending: string[] = [],
) {
  const answer = await api.putReview(reviewId, reviewBody(await api.now(), 120));
  expect(answer.status).toBe(201);
  for (const email of confirmed) await api.registerAndConfirm(reviewId, email);
  for (const email of pending)
    await api.request('POST', '/registrations', { json: { reviewId, email, name: 'Pending Person' } });
  return answer.body.schedules as Schedule[];
}

const firingOf = (reviewId: string, schedule: Schedule): MilestoneFiring => ({
  reviewId,
  milestoneId: schedule.milestoneId,
  kind: schedule.kind,
  at: schedule.at,
  version: schedule.version,
  scheduledTime: schedule.at,
});

/** The sending function, invoked as the Scheduler invokes it. */
const fire = (runtime: LocalRuntime, firing: MilestoneFiring) =>
  runtime.functions.milestone(firing, lambdaContext('milestone'));

const subjectsFor = async (api: ServiceClient, email: string) =>
  (await api.outbox(email))
    .map((e) => e.subject)
    .filter((s) => !/^(Confirm|Registration confirmed|Your registration)/.test(s));

describe('a milestone firing', () => {
  it('emails each confirmed registrant once, however often it fires, and never a pending one', async ({
    api,
    runtime,
  }) => {
    const [invitation] = await setUpReview(
      api,
      'twice',
      ['a@example.org', 'b@example.org'],
      ['c@example.org'],
    );
    const firing = firingOf('twice', invitation as Schedule);
    expect(await fire(runtime, firing)).toEqual({
      status: 'done',
      sent: 2,
      skipped: 0,
      failed: 0,
      suppressed: 0,
    });
    expect(await fire(runtime, firing)).toEqual({
      status: 'done',
      sent: 0,
      skipped: 2,
      failed: 0,
      suppressed: 0,
    });
    await Promise.all([fire(runtime, firing), fire(runtime, firing)]);

    for (const email of ['a@example.org', 'b@example.org'])
      expect(await subjectsFor(api, email)).toEqual([
        'Invitation: Virtual pre-consultation, GCM regional review: Europe',
      ]);
    expect(await subjectsFor(api, 'c@example.org')).toEqual([]);

    const deliveries = await runtime.dependencies.store.deliveries.list({
      reviewId: 'twice',
      milestoneId: firing.milestoneId,
      at: firing.at,
    });
    const outboxIds = (await api.outbox()).map((e) => e.messageId);
    expect(deliveries.map((d) => [d.recipient, d.status, d.attempts])).toEqual([
      ['a@example.org', 'sent', 1],
      ['b@example.org', 'sent', 1],
    ]);
    for (const delivery of deliveries) expect(outboxIds).toContain(delivery.messageId);
  });

  it('ignores a stale firing with a log line: the review moved, was edited, or was cancelled', async ({
    api,
    runtime,
    runtimeLog,
  }) => {
    const [invitation] = await setUpReview(api, 'stale', ['s@example.org']);
    const now = await api.now();

    const moved = await api.putReview('stale', reviewBody(now, 130));
    expect(await fire(runtime, firingOf('stale', invitation as Schedule))).toMatchObject({ status: 'stale' });
    expect(runtimeLog).toContainEqual(expect.stringContaining('[milestone] stale firing ignored'));

    const current = (moved.body.schedules as Schedule[])[0] as Schedule;
    await api.putReview('stale', reviewBody(now, 130, { venue: 'Palais Wilson, Geneva' }));
    expect(await fire(runtime, firingOf('stale', current))).toEqual({
      status: 'stale',
      reason: 'version 2 superseded by version 3',
    });

    await api.request('DELETE', '/admin/reviews/stale');
    expect(await fire(runtime, { ...firingOf('stale', current), version: 4 })).toEqual({
      status: 'stale',
      reason: 'review is cancelled',
    });
    expect(await subjectsFor(api, 's@example.org')).toEqual([]);
  });

  it('finishes a round cut short by a crash, once the dead worker’s claim lapses, without sending twice', async ({
    api,
    runtime,
  }) => {
    const [invitation] = await setUpReview(api, 'crash', ['x@example.org', 'y@example.org']);
    const firing = firingOf('crash', invitation as Schedule);
    const round = { reviewId: 'crash', milestoneId: firing.milestoneId, at: firing.at };
    const deps = runtime.dependencies;
    // A worker claimed y@ and died before sending.
    expect(await deps.store.deliveries.claim(round, 'y@example.org', deps.clock.now(), 45_000)).toBe(
      'claimed',
    );

    const links = await currentLinks(deps);
    await expect(runMilestoneRound(deps, firing, links)).rejects.toBeInstanceOf(RoundIncompleteError);
    expect(await subjectsFor(api, 'x@example.org')).toHaveLength(1);
    expect(await subjectsFor(api, 'y@example.org')).toHaveLength(0);

    // The review is edited before the retry: the retry still finishes the round it started.
    await api.putReview('crash', reviewBody(await api.now(), 120, { venue: 'Palais Wilson, Geneva' }));
    const aMinuteLater = { ...deps, clock: { now: () => new Date(deps.clock.now().getTime() + 60_000) } };
    expect(await runMilestoneRound(aMinuteLater, firing, links)).toEqual({
      status: 'done',
      sent: 1,
      skipped: 1,
      failed: 0,
      suppressed: 0,
    });
    expect(await subjectsFor(api, 'x@example.org')).toHaveLength(1);
    expect(await subjectsFor(api, 'y@example.org')).toHaveLength(1);
  });

  it('refuses a payload that is not a firing, so that it reaches the dead-letter queue', async ({
    runtime,
  }) => {
    await expect(fire(runtime, { nonsense: true } as unknown as MilestoneFiring)).rejects.toThrow(/reviewId/);
  });
});
