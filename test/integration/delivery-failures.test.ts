import type { LocalRuntime } from '#local/runtime';
import { runRound } from '#services/sender';
import { REGISTRANT_PAGE_SIZE } from '#store/registrants';
import { seedConfirmed } from '#test/support/confirmed-registrants';
import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';
import { throttlingSes } from '#test/support/throttling-ses';

const people = ['t1@example.org', 't2@example.org', 't3@example.org', 't4@example.org'];

/** Every SES call of each test's runtime goes through a throttling stand-in, throttling only when told to. */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
const it = base.extend('ses', async ({}, { onCleanup }) => {
  const ses = throttlingSes();
  onCleanup(() => ses.close());
  return ses;
});
it.override('runtimeOptions', ({ ses }) => ({ sesInFront: ses.inFront }));

/** A review four months ahead, with the four people confirmed; answers its plan. */
async function reviewWithPeople(api: ServiceClient, reviewId: string) {
  const answer = await api.putReview(reviewId, reviewBody(await api.now(), 120));
  expect(answer.status).toBe(201);
  for (const email of people) await api.registerAndConfirm(reviewId, email);
  return answer.body.plan as { milestones: { id: string; at: string }[] };
}

const milestoneOf = (plan: { milestones: { id: string; at: string }[] }, id: string) =>
  plan.milestones.find((m) => m.id === id) as { id: string; at: string };

const justAfter = (instant: string) => new Date(Date.parse(instant) + 1000).toISOString();

type Schedule = { at: string; version: number; milestoneId: string };
const reminderOf = (schedules: Schedule[]) =>
  schedules.find((s) => s.milestoneId === 'hybrid.reminder-7d') as Schedule;
const reminderFiring = (reviewId: string, { milestoneId, at, version }: Schedule) => ({
  reviewId,
  milestoneId,
  kind: 'reminder',
  at,
  version,
});

const invitationsTo = async (api: ServiceClient, email: string) =>
  (await api.outbox(email)).filter((e) => e.subject.startsWith('Invitation: Virtual pre-consultation'));

describe('SES throttling', () => {
  it('is retried: a round throttled throughout is left queued, retried later, and each recipient gets one email', async ({
    api,
    runtime,
    ses,
  }) => {
    const invitation = milestoneOf(await reviewWithPeople(api, 'throttle'), 'pre-1.invitation');
    const { deliveries } = runtime.dependencies.store;
    ses.throttle(true);
    const first = await api.moveClock({ set: justAfter(invitation.at) });
    expect(first.fired).toEqual([
      expect.objectContaining({ scheduleName: 'throttle.pre-1.invitation', ok: false }),
    ]);
    expect(ses.counts.throttled).toBeGreaterThan(0);
    const round = { reviewId: 'throttle', milestoneId: 'pre-1.invitation', at: invitation.at };
    expect((await deliveries.list(round)).map((d) => d.status)).toEqual([
      'queued',
      'queued',
      'queued',
      'queued',
    ]);

    ses.throttle(false);
    const sentBefore = ses.counts.forwarded;
    const retry = await api.moveClock({ advanceBy: 'PT5M' });
    expect(retry.fired).toContainEqual(
      expect.objectContaining({ scheduleName: 'throttle.pre-1.invitation', ok: true }),
    );
    expect(ses.counts.forwarded - sentBefore).toBe(people.length);
    for (const email of people) expect(await invitationsTo(api, email)).toHaveLength(1);
    expect((await deliveries.list(round)).every((d) => d.status === 'sent')).toBe(true);
  });
});

describe('a suppressed address in the audience', () => {
  it('gets nothing more once it bounced for good, and the round records why', async ({ api }) => {
    const plan = await reviewWithPeople(api, 'bounce');
    await api.moveClock({ set: justAfter(milestoneOf(plan, 'pre-1.invitation').at) });
    const [invitation] = await invitationsTo(api, 't4@example.org');
    const bounce = {
      eventType: 'Bounce',
      mail: {
        timestamp: new Date().toISOString(),
        messageId: invitation?.messageId,
        destination: ['t4@example.org'],
      },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: 't4@example.org', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        ],
        timestamp: new Date().toISOString(),
      },
    };
    expect((await api.request('POST', '/_local/ses-events', { json: bounce })).status).toBe(200);

    await api.moveClock({ set: justAfter(milestoneOf(plan, 'pre-1.materials').at) });
    const report = await api.request('GET', '/admin/reviews/bounce/deliveries/pre-1.materials');
    expect(report.body.counts).toEqual({ sent: 3, suppressed: 1 });
    expect(
      report.body.deliveries.find((d: { recipient: string }) => d.recipient === 't4@example.org').status,
    ).toBe('suppressed');
    const materialsTo = async (email: string) =>
      (await api.outbox(email)).filter((e) => e.subject.startsWith('Materials published'));
    expect(await materialsTo('t4@example.org')).toEqual([]);
    expect(await materialsTo('t1@example.org')).toHaveLength(1);
  });
});

// Hundreds of recipients through the local pipeline: more than the default on a busy machine.
describe('suppressions in a round of several pages', { timeout: 90_000 }, () => {
  it("are read for a page's addresses at once, not per recipient, and each suppressed address is skipped", async ({
    api,
    runtime,
  }) => {
    const now = await api.now();
    const answer = await api.putReview('pages', reviewBody(now, 120));
    const people = Array.from({ length: 250 }, (_, i) => `page${String(i).padStart(3, '0')}@example.org`);
    await seedConfirmed(runtime, 'pages', people, now);
    // One address suppressed in the first hundred, one in the last fifty.
    const suppressed = ['page007@example.org', 'Page242@Example.org'];
    for (const email of suppressed)
      await runtime.dependencies.store.suppressions.suppress(email, {
        reason: 'hard-bounce',
        detail: 'Permanent/General',
        messageId: 'an-earlier-message',
        at: now,
      });

    const asked = askedOfDynamo(runtime);
    const outcome = await runRound(
      runtime.dependencies,
      reminderFiring('pages', reminderOf(answer.body.schedules)),
    );
    const requests = asked.stop();

    expect(outcome).toMatchObject({ status: 'done', sent: 248, suppressed: 2 });
    const sentTo = (await api.outbox()).flatMap((e) => e.to).filter((to) => to.startsWith('page'));
    expect(sentTo).toHaveLength(248);
    expect(sentTo).not.toContain('page007@example.org');
    expect(sentTo).not.toContain('page242@example.org');
    // A BatchGetItem per 100 addresses of a page; no suppression read per recipient; one claim and one mark per
    // email sent.
    expect(requests.filter((r) => r.command === 'BatchGetItem')).toHaveLength(3);
    expect(requests.filter((r) => r.command === 'GetItem' && r.pk.startsWith('SUPPRESSED#'))).toEqual([]);
    expect(requests.filter((r) => r.command === 'UpdateItem' && r.pk.startsWith('DELIVERY#'))).toHaveLength(
      2 * 248,
    );
  });
});

/** The DynamoDB requests the runtime's store makes until `stop`: each command's name and key's partition. */
function askedOfDynamo(runtime: LocalRuntime) {
  const { client } = runtime.dependencies.store.table;
  const requests: { command: string; pk: string }[] = [];
  const name = 'testAskedOfDynamo';
  client.middlewareStack.add(
    (next, context) => (args) => {
      const { Key } = args.input as { Key?: { pk?: string } };
      requests.push({ command: String(context.commandName).replace(/Command$/, ''), pk: Key?.pk ?? '' });
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    stop: () => {
      client.middlewareStack.remove(name);
      return requests;
    },
  };
}

// Hundreds of recipients through the local pipeline: more than the default on a busy machine.
describe('a round larger than one invocation can carry', { timeout: 90_000 }, () => {
  it('stops between pages when time runs short and goes on in a continuation job, each recipient once', async ({
    api,
    runtime,
    runtimeLog,
  }) => {
    const now = await api.now();
    const answer = await api.putReview('large', reviewBody(now, 120));
    const reminder = reminderOf(answer.body.schedules);
    const people = Array.from({ length: 250 }, (_, i) => `big${String(i).padStart(3, '0')}@example.org`);
    await seedConfirmed(runtime, 'large', people, now);
    const firing = reminderFiring('large', reminder);
    const outOfTime = () => 0;
    const first = await runRound(runtime.dependencies, firing, outOfTime);
    expect(first).toMatchObject({ status: 'done', sent: REGISTRANT_PAGE_SIZE });

    const rest = await api.moveClock({ advanceBy: 'PT2M' });
    expect(rest.fired).toEqual([
      expect.objectContaining({ scheduleName: expect.stringMatching(/^more\.large\./), ok: true }),
    ]);
    const report = await api.request('GET', '/admin/reviews/large/deliveries/hybrid.reminder-7d');
    expect(report.body).toMatchObject({ total: 250, counts: { sent: 250 } });
    const outbox = await api.outbox();
    const reminders = outbox.filter((e) => e.to[0]?.startsWith('big')).map((e) => e.to[0]);
    expect(reminders).toHaveLength(250);
    expect(new Set(reminders).size).toBe(250);
    // The continuation says it is one, without the registrant's address its cursor holds.
    expect(runtimeLog).toContainEqual(
      expect.stringMatching(/^\[milestone\] milestone round .*"continuation":true/),
    );
    expect(runtimeLog.filter((line) => /big\d+@example\.org/.test(line))).toEqual([]);
  });
});
