import { lambdaContext } from '#local/api-gateway';
import { registrantDetail } from '#services/registrant-actions';
import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const EMAIL = 'Observed.Person@example.org';
const test = base.override('runtimeOptions', { sending: { rate: 1000 } });

/** A hard bounce of the message, as SES publishes it; the local runtime adds the message's own tags. */
const hardBounce = (messageId: string) => ({
  eventType: 'Bounce',
  mail: {
    timestamp: '2027-01-05T09:00:00.000Z',
    source: 'consultations@example.org',
    sendingAccountId: '123456789012',
    messageId,
    destination: [EMAIL],
  },
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [{ emailAddress: EMAIL, action: 'failed', status: '5.1.1' }],
    timestamp: '2027-01-05T09:00:05.000Z',
    feedbackId: 'feedback-observed',
  },
});

describe('the functions’ logs on a laptop', () => {
  test('follow a registration across functions by one id, count it, and name no one', async ({
    api,
    runtime,
    runtimeLog,
  }) => {
    expect((await api.putReview('observed', reviewBody(runtime.clock.now(), 120))).status).toBe(201);
    expect((await api.registerAndConfirm('observed', EMAIL)).status).toBe(200);
    const welcome = (await api.outbox(EMAIL)).find((email) => /confirmed/i.test(email.subject));
    if (!welcome) throw new Error('no welcome email');
    expect(
      (await api.request('POST', '/_local/ses-events', { json: [hardBounce(welcome.messageId)] })).status,
    ).toBe(200);

    const lines = runtimeLog.filter((line) => /^\[(public-api|ses-events)\]/.test(line));
    const ids = new Set(
      lines.flatMap((line) => /"correlation_id":"(registration-[\w-]+)"/.exec(line)?.[1] ?? []),
    );
    expect(ids.size).toBe(1);
    const id = [...ids][0] as string;
    const withId = (fn: string) => lines.filter((line) => line.startsWith(`[${fn}]`) && line.includes(id));
    expect(withId('public-api')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('metrics {"correlation_id"'),
        expect.stringMatching(/"Registrations":1/),
        expect.stringMatching(/"Confirmations":1/),
      ]),
    );
    expect(withId('ses-events')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('ses event recorded'),
        expect.stringMatching(/metrics .*"Bounces":1/),
      ]),
    );
    expect(runtimeLog.filter((line) => /@example\.org/i.test(line))).toEqual([]);
    // The console's registrant page shows the id, for whoever is asked about this person to find their lines.
    const review = await runtime.dependencies.store.reviews.get('observed');
    if (!review) throw new Error('no review');
    const detail = await registrantDetail(runtime.dependencies, review, EMAIL, runtime.clock.now());
    expect(detail.correlationId).toBe(id);
  });

  test('follow a round from its firing to the emails it sent, counted, with how long it took', async ({
    api,
    runtime,
    runtimeLog,
  }) => {
    const review = await api.putReview('observed-round', reviewBody(runtime.clock.now(), 120));
    expect(review.status).toBe(201);
    await api.registerAndConfirm('observed-round', EMAIL);
    const [invitation] = review.body.schedules;
    await runtime.functions.milestone(
      { ...invitation, reviewId: 'observed-round', scheduledTime: invitation.at },
      lambdaContext('milestone'),
    );
    const round = `observed-round/${invitation.milestoneId}/${invitation.at}`;
    const milestoneLines = runtimeLog.filter((line) => line.startsWith('[milestone]'));
    expect(milestoneLines).toEqual([
      expect.stringMatching(/^\[milestone\] milestone round .*"sent":1/),
      expect.stringMatching(/^\[milestone\] metrics .*"RoundDurationMs":\d+,"EmailsSent":1/),
    ]);
    for (const line of milestoneLines) expect(line).toContain(`"correlation_id":"${round}"`);
    expect(runtimeLog.filter((line) => /@example\.org/i.test(line))).toEqual([]);
  });
});
