import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { dynamo } from '../../shared/aws/dynamo-client';
import { schedulingTargetFromConfig } from '../../shared/scheduling/review-schedules';
import { linksFor } from '../../shared/services/mailer';
import { runRound } from '../../shared/services/sender';
import { sendingOptions } from '../../shared/services/sending';
import { listDeliveries } from '../../shared/store/deliveries';
import { registrantKey } from '../../shared/store/keys';
import { reviewBody, type ServiceClient, startService } from '../support/local-service';
import { startThrottlingSes } from '../support/throttling-ses';

let runtime: LocalRuntime;
let api: ServiceClient;
let ses: Awaited<ReturnType<typeof startThrottlingSes>>;
let now: Date;
const people = ['t1@example.org', 't2@example.org', 't3@example.org', 't4@example.org'];

beforeAll(async () => {
  ({ runtime, client: api } = await startService());
  // Every SES call of this process goes through the throttling stand-in from here on.
  ses = await startThrottlingSes(process.env.AWS_ENDPOINT_URL_SES as string);
  process.env.AWS_ENDPOINT_URL_SES = ses.endpoint;
  now = await api.now();
  expect((await api.putReview('throttle', reviewBody(now, 120))).status).toBe(201);
  for (const email of people) await api.registerAndConfirm('throttle', email);
});
afterAll(async () => {
  await runtime?.close();
  await ses?.close();
});

const invitationsTo = async (email: string) =>
  (await api.outbox(email)).filter((e) => e.subject.startsWith('Invitation: Virtual pre-consultation'));

describe('SES throttling', () => {
  it('is retried: a round throttled throughout is left queued, retried later, and each recipient gets one email', async () => {
    const plan = (await api.request('GET', '/admin/reviews/throttle')).body.plan;
    const invitation = plan.milestones.find((m: { id: string }) => m.id === 'pre-1.invitation');
    ses.throttle(true);
    const first = await api.moveClock({ set: new Date(Date.parse(invitation.at) + 1000).toISOString() });
    expect(first.fired).toEqual([
      expect.objectContaining({ scheduleName: 'throttle.pre-1.invitation', ok: false }),
    ]);
    expect(ses.counts.throttled).toBeGreaterThan(0);
    const round = { reviewId: 'throttle', milestoneId: 'pre-1.invitation', at: invitation.at };
    expect((await listDeliveries(round)).map((d) => d.status)).toEqual([
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
    for (const email of people) expect(await invitationsTo(email)).toHaveLength(1);
    expect((await listDeliveries(round)).every((d) => d.status === 'sent')).toBe(true);
  });
});

describe('a suppressed address in the audience', () => {
  it('gets nothing more once it bounced for good, and the round records why', async () => {
    const [invitation] = await invitationsTo('t4@example.org');
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

    const plan = (await api.request('GET', '/admin/reviews/throttle')).body.plan;
    const materials = plan.milestones.find((m: { id: string }) => m.id === 'pre-1.materials');
    await api.moveClock({ set: new Date(Date.parse(materials.at) + 1000).toISOString() });
    const report = await api.request('GET', '/admin/reviews/throttle/deliveries/pre-1.materials');
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

describe('a round larger than one invocation can carry', () => {
  it('stops between pages when time runs short and goes on in a continuation job, each recipient once', async () => {
    const answer = await api.putReview('large', reviewBody(now, 120));
    const reminder = (
      answer.body.schedules as {
        name: string;
        at: string;
        version: number;
        kind: string;
        milestoneId: string;
      }[]
    ).find((s) => s.milestoneId === 'hybrid.reminder-7d');
    const people = Array.from({ length: 250 }, (_, i) => `big${String(i).padStart(3, '0')}@example.org`);
    for (let i = 0; i < people.length; i += 25)
      await dynamo().send(
        new BatchWriteCommand({
          RequestItems: {
            [process.env.TABLE_NAME as string]: people.slice(i, i + 25).map((email) => ({
              PutRequest: {
                Item: {
                  ...registrantKey('large', email),
                  reviewId: 'large',
                  email,
                  name: email,
                  language: 'en',
                  attendanceMode: 'online',
                  status: 'confirmed',
                  createdAt: now.toISOString(),
                },
              },
            })),
          },
        }),
      );
    const firing = {
      reviewId: 'large',
      milestoneId: 'hybrid.reminder-7d',
      kind: 'reminder',
      at: reminder?.at as string,
      version: reminder?.version as number,
    };
    const links = linksFor(new Date(), process.env.TOKEN_SECRET as string);
    const outOfTime = { ...sendingOptions(), remainingMs: () => 0 };
    const first = await runRound(
      firing,
      () => undefined,
      links,
      outOfTime,
      () => schedulingTargetFromConfig(),
    );
    expect(first).toMatchObject({ status: 'done', sent: 100 });

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
  });
});
