import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../local/api-gateway';
import type { LocalRuntime } from '../../local/runtime';
import type { MilestoneFiring } from '../../shared/domain/firing';
import { RoundIncompleteError } from '../../shared/services/delivery-round';
import { linksFor } from '../../shared/services/mailer';
import { runMilestoneRound } from '../../shared/services/milestone-round';
import { sendingOptions } from '../../shared/services/sending';
import { claimDelivery, listDeliveries } from '../../shared/store/deliveries';
import { reviewBody, type ServiceClient, startService } from '../support/local-service';

let runtime: LocalRuntime;
let api: ServiceClient;
let now: Date;

beforeAll(async () => {
  ({ runtime, client: api } = await startService());
  now = await api.now();
});
afterAll(() => runtime?.close());

type Schedule = { name: string; kind: string; at: string; milestoneId: string; version: number };

async function setUpReview(reviewId: string, confirmed: string[], pending: string[] = []) {
  const answer = await api.putReview(reviewId, reviewBody(now, 120));
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

const fire = async (firing: MilestoneFiring) => {
  const { handler } = await import('../../functions/milestone/handler');
  return handler(firing, lambdaContext('milestone'));
};

const links = () => linksFor(new Date(), process.env.TOKEN_SECRET as string);

const subjectsFor = async (email: string) =>
  (await api.outbox(email))
    .map((e) => e.subject)
    .filter((s) => !/^(Confirm|Registration confirmed|Your registration)/.test(s));

describe('a milestone firing', () => {
  it('emails each confirmed registrant once, however often it fires, and never a pending one', async () => {
    const [invitation] = await setUpReview('twice', ['a@example.org', 'b@example.org'], ['c@example.org']);
    const firing = firingOf('twice', invitation as Schedule);
    expect(await fire(firing)).toEqual({ status: 'done', sent: 2, skipped: 0, failed: 0, suppressed: 0 });
    expect(await fire(firing)).toEqual({ status: 'done', sent: 0, skipped: 2, failed: 0, suppressed: 0 });
    await Promise.all([fire(firing), fire(firing)]);

    for (const email of ['a@example.org', 'b@example.org'])
      expect(await subjectsFor(email)).toEqual([
        'Invitation: Virtual pre-consultation, GCM regional review: Europe',
      ]);
    expect(await subjectsFor('c@example.org')).toEqual([]);

    const deliveries = await listDeliveries({
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

  it('ignores a stale firing with a log line: the review moved, was edited, or was cancelled', async () => {
    const [invitation] = await setUpReview('stale', ['s@example.org']);
    const log = vi.spyOn(console, 'log');

    const moved = await api.putReview('stale', reviewBody(now, 130));
    expect(await fire(firingOf('stale', invitation as Schedule))).toMatchObject({ status: 'stale' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"message":"stale firing ignored"'));

    const current = (moved.body.schedules as Schedule[])[0] as Schedule;
    await api.putReview('stale', reviewBody(now, 130, { venue: 'Palais Wilson, Geneva' }));
    expect(await fire(firingOf('stale', current))).toEqual({
      status: 'stale',
      reason: 'version 2 superseded by version 3',
    });

    await api.request('DELETE', '/admin/reviews/stale');
    expect(await fire({ ...firingOf('stale', current), version: 4 })).toEqual({
      status: 'stale',
      reason: 'review is cancelled',
    });
    expect(await subjectsFor('s@example.org')).toEqual([]);
    log.mockRestore();
  });

  it('finishes a round cut short by a crash, once the dead worker’s claim lapses, without sending twice', async () => {
    const [invitation] = await setUpReview('crash', ['x@example.org', 'y@example.org']);
    const firing = firingOf('crash', invitation as Schedule);
    const round = { reviewId: 'crash', milestoneId: firing.milestoneId, at: firing.at };
    // A worker claimed y@ and died before sending.
    expect(await claimDelivery(round, 'y@example.org', new Date(), 45_000)).toBe('claimed');

    await expect(
      runMilestoneRound(firing, () => undefined, links(), sendingOptions()),
    ).rejects.toBeInstanceOf(RoundIncompleteError);
    expect(await subjectsFor('x@example.org')).toHaveLength(1);
    expect(await subjectsFor('y@example.org')).toHaveLength(0);

    // The review is edited before the retry: the retry still finishes the round it started.
    await api.putReview('crash', reviewBody(now, 120, { venue: 'Palais Wilson, Geneva' }));
    const aMinuteLater = { ...sendingOptions(), realNow: () => new Date(Date.now() + 60_000) };
    expect(await runMilestoneRound(firing, () => undefined, links(), aMinuteLater)).toEqual({
      status: 'done',
      sent: 1,
      skipped: 1,
      failed: 0,
      suppressed: 0,
    });
    expect(await subjectsFor('x@example.org')).toHaveLength(1);
    expect(await subjectsFor('y@example.org')).toHaveLength(1);
  });

  it('refuses a payload that is not a firing, so that it reaches the dead-letter queue', async () => {
    await expect(fire({ nonsense: true } as unknown as MilestoneFiring)).rejects.toThrow(/reviewId/);
  });
});
