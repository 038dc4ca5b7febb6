import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ROUND_TAG, roundTags } from '#services/delivery-tags';
import { type DeliveryRound, deliveryKey } from '#store/keys';
import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const REGISTRANTS = [
  'delivered@example.org',
  'hard@example.org',
  'Complains@Example.org',
  'soft@example.org',
  'rejected@example.org',
];

/**
 * SES's event records about the messages of one invitation round: each builder takes the recipient, and the
 * message id that round sent them unless told another.
 */
function sesEvents(messageIds: Record<string, string>) {
  /** The parts of an SES event-publishing record that SES always sends, for a message actually sent. */
  const mailOf = (email: string, messageId?: string) => ({
    timestamp: '2027-01-05T09:00:00.000Z',
    source: 'consultations@example.org',
    sendingAccountId: '123456789012',
    messageId: messageId ?? messageIds[email] ?? email,
    destination: [email],
    headersTruncated: false,
    tags: { 'ses:configuration-set': ['gcm-consultations'] } as Record<string, string[]>,
  });

  const delivery = (email: string) => ({
    eventType: 'Delivery',
    mail: mailOf(email),
    delivery: {
      timestamp: '2027-01-05T09:00:02.000Z',
      processingTimeMillis: 2000,
      recipients: [email],
      smtpResponse: '250 2.6.0 Message received',
      reportingMTA: 'a1-2.smtp-out.amazonses.com',
    },
  });

  const bounce = (email: string, bounceType: 'Permanent' | 'Transient', messageId = messageIds[email]) => ({
    eventType: 'Bounce',
    mail: { ...mailOf(email), messageId },
    bounce: {
      bounceType,
      bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        {
          emailAddress: email,
          action: 'failed',
          status: bounceType === 'Permanent' ? '5.1.1' : '4.2.2',
          diagnosticCode:
            bounceType === 'Permanent' ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full',
        },
      ],
      timestamp: '2027-01-05T09:00:05.000Z',
      feedbackId: `feedback-${bounceType}-${email}`,
      reportingMTA: 'dsn; a1-2.smtp-out.amazonses.com',
    },
  });

  const complaint = (email: string) => ({
    eventType: 'Complaint',
    mail: mailOf(email),
    complaint: {
      complainedRecipients: [{ emailAddress: email }],
      timestamp: '2027-01-06T10:00:00.000Z',
      feedbackId: `feedback-complaint-${email}`,
      userAgent: 'ExampleMail/1.0',
      complaintFeedbackType: 'abuse',
      arrivalDate: '2027-01-06T09:59:00.000Z',
    },
  });

  const reject = (email: string) => ({
    eventType: 'Reject',
    mail: mailOf(email),
    reject: { reason: 'Bad content' },
  });

  return { mailOf, delivery, bounce, complaint, reject };
}

const it = base
  // One invitation round, really sent: each registrant's invitation is the one email the firing added.
  .extend('sent', async ({ api }) => {
    const reviewId = 'ses-events';
    const answer = await api.putReview(reviewId, reviewBody(await api.now(), 120));
    const invitation = answer.body.schedules[0] as { milestoneId: string; at: string };
    await Promise.all(REGISTRANTS.map((email) => api.registerAndConfirm(reviewId, email)));
    const before = new Set((await api.outbox()).map((email) => email.messageId));
    await api.moveClock({ set: invitation.at });
    const messageIds: Record<string, string> = {};
    for (const email of REGISTRANTS) {
      const sent = (await api.outbox(email)).filter((e) => !before.has(e.messageId));
      expect(sent).toHaveLength(1);
      messageIds[email] = (sent[0] as { messageId: string }).messageId;
    }
    const round: DeliveryRound = { reviewId, milestoneId: invitation.milestoneId, at: invitation.at };
    return { round, messageIds };
  })
  // The SES message id of the invitation each registrant was sent.
  .extend('messageIds', ({ sent }) => sent.messageIds)
  .extend('event', ({ messageIds }) => sesEvents(messageIds))
  .extend(
    'publish',
    ({ api }) =>
      (events: unknown) =>
        api.request('POST', '/_local/ses-events', { json: events }),
  )
  .extend(
    'deliveryOf',
    ({ runtime, sent }) =>
      async (email: string) =>
        (await runtime.dependencies.store.deliveries.list(sent.round)).find(
          (d) => d.recipient.toLowerCase() === email.toLowerCase(),
        ),
  )
  .extend(
    'suppressionOf',
    ({ api }) =>
      (email: string) =>
        api.request('GET', `/admin/suppressions/${encodeURIComponent(email)}`),
  );

describe('SES events fed to POST /_local/ses-events', () => {
  it('mark a delivered message delivered', async ({
    publish,
    event,
    messageIds,
    deliveryOf,
    suppressionOf,
  }) => {
    const email = 'delivered@example.org';
    const answer = await publish(event.delivery(email));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      count: 1,
      outcomes: [{ eventType: 'Delivery', messageId: messageIds[email], result: 'delivered' }],
    });
    expect(await deliveryOf(email)).toMatchObject({
      status: 'delivered',
      messageId: messageIds[email],
      eventAt: '2027-01-05T09:00:02.000Z',
      eventDetail: '250 2.6.0 Message received',
    });
    expect((await suppressionOf(email)).status).toBe(404);
  });

  it('suppress a hard-bounced address, which the secretariat sees with the reason', async ({
    publish,
    event,
    messageIds,
    deliveryOf,
    suppressionOf,
  }) => {
    const email = 'hard@example.org';
    const answer = await publish([event.delivery(email), event.bounce(email, 'Permanent')]);
    expect(answer.status).toBe(200);
    expect(answer.body.outcomes.map((o: { result: string }) => o.result)).toEqual(['delivered', 'bounced']);

    const suppression = await suppressionOf(email);
    expect(suppression.status).toBe(200);
    expect(suppression.body).toEqual({
      email,
      reason: 'hard-bounce',
      detail: 'Permanent/General: smtp; 550 5.1.1 user unknown',
      messageId: messageIds[email],
      at: '2027-01-05T09:00:05.000Z',
    });
    expect(await deliveryOf(email)).toMatchObject({
      status: 'bounced',
      eventDetail: 'Permanent/General: smtp; 550 5.1.1 user unknown',
    });
    // A late "delivered" does not undo the bounce.
    await publish(event.delivery(email));
    expect(await deliveryOf(email)).toMatchObject({ status: 'bounced' });
  });

  it('suppress an address that complained, whatever the case of its letters', async ({
    publish,
    event,
    deliveryOf,
    suppressionOf,
  }) => {
    const email = 'Complains@Example.org';
    const answer = await publish(event.complaint(email));
    expect(answer.body.outcomes[0].result).toBe('complained');
    const suppression = await suppressionOf('complains@example.org');
    expect(suppression.body).toMatchObject({ email, reason: 'complaint', detail: 'abuse' });
    expect(await deliveryOf(email)).toMatchObject({ status: 'complained', eventDetail: 'abuse' });
  });

  it('count a soft bounce without suppressing the address or changing the status', async ({
    publish,
    event,
    messageIds,
    deliveryOf,
    suppressionOf,
  }) => {
    const email = 'soft@example.org';
    const answer = await publish(event.bounce(email, 'Transient'));
    expect(answer.body.outcomes).toEqual([
      {
        eventType: 'Bounce',
        messageId: messageIds[email],
        result: 'soft-bounced',
        softBounces: { [email]: 1 },
      },
    ]);
    expect((await suppressionOf(email)).status).toBe(404);
    expect(await deliveryOf(email)).toMatchObject({ status: 'sent' });
  });

  it('mark a rejected message failed', async ({ publish, event, deliveryOf, suppressionOf }) => {
    const email = 'rejected@example.org';
    const answer = await publish(event.reject(email));
    expect(answer.body.outcomes[0].result).toBe('failed');
    expect(await deliveryOf(email)).toMatchObject({
      status: 'failed',
      eventDetail: 'rejected by SES: Bad content',
    });
    expect((await suppressionOf(email)).status).toBe(404);
  });

  it('about a message no delivery knows are ignored, without error, but a hard bounce still suppresses', async ({
    publish,
    event,
    suppressionOf,
  }) => {
    const email = 'stranger@example.org';
    const soft = await publish(event.bounce(email, 'Transient', 'unknown-message-id'));
    expect(soft.status).toBe(200);
    const delivered = await publish({
      eventType: 'Delivery',
      mail: event.mailOf(email, 'unknown-message-id'),
      delivery: {},
    });
    expect(delivered.body.outcomes).toEqual([
      { eventType: 'Delivery', messageId: 'unknown-message-id', result: 'unknown message' },
    ]);
    expect((await suppressionOf(email)).status).toBe(404);

    // A confirmation email (sent outside any round, so without a delivery record) that bounces for good.
    const hard = await publish(event.bounce(email, 'Permanent', 'unknown-message-id'));
    expect(hard.body.outcomes).toEqual([
      { eventType: 'Bounce', messageId: 'unknown-message-id', result: 'bounced' },
    ]);
    expect((await suppressionOf(email)).status).toBe(200);
  });

  it('of types not acted on (Send, DeliveryDelay) are ignored', async ({ publish, event, deliveryOf }) => {
    const email = 'delivered@example.org';
    // Delivered first: the events below must leave that status alone.
    await publish(event.delivery(email));
    const answer = await publish([
      { eventType: 'Send', mail: event.mailOf(email), send: {} },
      { eventType: 'DeliveryDelay', mail: event.mailOf(email), deliveryDelay: { delayType: 'MailboxFull' } },
    ]);
    expect(answer.body.outcomes.map((o: { result: string }) => o.result)).toEqual(['ignored', 'ignored']);
    expect(await deliveryOf(email)).toMatchObject({ status: 'delivered' });
  });

  it('delivered twice (SNS delivers at least once) have the effect of one', async ({
    publish,
    event,
    deliveryOf,
    suppressionOf,
  }) => {
    const hard = 'hard@example.org';
    const soft = 'soft@example.org';
    // What SES sent first, which the events below repeat.
    await publish([event.delivery(hard), event.bounce(hard, 'Permanent'), event.bounce(soft, 'Transient')]);
    const suppressed = (await suppressionOf(hard)).body;
    const again = await publish([
      event.bounce(hard, 'Permanent'),
      event.bounce(soft, 'Transient'),
      event.bounce(soft, 'Transient'),
    ]);
    expect(again.status).toBe(200);
    expect(again.body.outcomes.map((o: { softBounces?: unknown }) => o.softBounces)).toEqual([
      undefined,
      { [soft]: 1 },
      { [soft]: 1 },
    ]);
    expect((await suppressionOf(hard)).body).toEqual(suppressed);
    expect(await deliveryOf(hard)).toMatchObject({ status: 'bounced' });
    // The first reason stays: a later complaint about a bounced address changes nothing.
    await publish(event.complaint(hard));
    expect((await suppressionOf(hard)).body).toEqual(suppressed);
  });

  it('are refused with 400 when the body is not SES events, and nothing of the batch is handled', async ({
    runtime,
    publish,
    event,
    suppressionOf,
  }) => {
    const notJson = await fetch(new URL('/_local/ses-events', runtime.apiUrl), {
      method: 'POST',
      body: '{"eventType":',
    });
    expect(notJson.status).toBe(400);
    const email = 'rejected@example.org';
    const malformed = { ...event.bounce(email, 'Permanent'), bounce: { bounceType: 'Permanent' } };
    const answer = await publish([event.bounce(email, 'Permanent'), malformed]);
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      { field: '[1].bounce.bouncedRecipients', message: expect.any(String) },
    ]);
    expect((await suppressionOf(email)).status).toBe(404);
    expect((await publish({ eventType: 'Bounce' })).status).toBe(400);
  });
});

describe('SES events find their delivery through the message tags', () => {
  it('from the round the message was tagged with, and no index of message ids', async ({
    runtime,
    sent,
    publish,
    event,
    messageIds,
    deliveryOf,
  }) => {
    const email = 'delivered@example.org';
    const { table } = runtime.dependencies.store;
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: deliveryKey(sent.round, email) }),
    );
    expect(Item).toMatchObject({ status: 'sent', messageId: messageIds[email] });
    expect(Item).not.toHaveProperty('gsi1pk');

    // The same message id, with tags naming another round: the id alone leads nowhere.
    const otherRound = roundTags({ ...sent.round, milestoneId: 'pre-1.materials' })[ROUND_TAG] as string;
    const astray = event.delivery(email);
    astray.mail.tags = { ...astray.mail.tags, [ROUND_TAG]: [otherRound] };
    expect((await publish(astray)).body.outcomes[0].result).toBe('unknown message');
    expect(await deliveryOf(email)).toMatchObject({ status: 'sent' });

    expect((await publish(event.delivery(email))).body.outcomes[0].result).toBe('delivered');
    expect(await deliveryOf(email)).toMatchObject({ status: 'delivered' });
  });

  it("only when the record holds the event's message: another message to the same person is not it", async ({
    sent,
    publish,
    event,
    deliveryOf,
  }) => {
    const email = 'rejected@example.org';
    // As if a worker had died after SES took a first message: the round sent another, the record holds that one.
    const first = event.reject(email);
    first.mail.messageId = 'sent-before-a-crash';
    first.mail.tags = { ...first.mail.tags, [ROUND_TAG]: [roundTags(sent.round)[ROUND_TAG] as string] };

    expect((await publish(first)).body.outcomes[0].result).toBe('unknown message');
    expect(await deliveryOf(email)).toMatchObject({ status: 'sent' });
  });
});

describe('GET /admin/suppressions', () => {
  it('lists every suppressed address with its reason, detail, time and message', async ({
    api,
    publish,
    event,
    messageIds,
  }) => {
    // One address suppressed for each reason: a hard bounce, a complaint, a bounce of a message of no round.
    await publish([
      event.bounce('hard@example.org', 'Permanent'),
      event.complaint('Complains@Example.org'),
      event.bounce('stranger@example.org', 'Permanent', 'unknown-message-id'),
    ]);
    const answer = await api.request('GET', '/admin/suppressions');
    expect(answer.status).toBe(200);
    expect(answer.body.suppressions).toEqual([
      {
        email: 'Complains@Example.org',
        reason: 'complaint',
        detail: 'abuse',
        at: '2027-01-06T10:00:00.000Z',
        messageId: messageIds['Complains@Example.org'],
      },
      expect.objectContaining({ email: 'hard@example.org', reason: 'hard-bounce' }),
      expect.objectContaining({ email: 'stranger@example.org', reason: 'hard-bounce' }),
    ]);
  });

  it('is for the secretariat only', async ({ api }) => {
    expect((await api.request('GET', '/admin/suppressions', { token: null })).status).toBe(401);
    expect((await api.request('GET', '/admin/suppressions/hard%40example.org', { token: null })).status).toBe(
      401,
    );
  });
});
