import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors';
import { eventTime, parseSesEvent } from '#domain/ses-event';

// Shaped after the records in "Examples of event data that Amazon SES publishes to Amazon SNS" (SES developer
// guide), fields SES adds included, with example.org addresses.
const mail = {
  timestamp: '2027-01-05T00:40:02.012Z',
  source: 'GCM consultations <consultations@example.org>',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.org',
  sendingAccountId: '123456789012',
  messageId: '0100018f-example-message-id-000000',
  destination: ['recipient@example.org'],
  headersTruncated: false,
  headers: [{ name: 'From', value: 'consultations@example.org' }],
  commonHeaders: {
    from: ['consultations@example.org'],
    to: ['recipient@example.org'],
    subject: 'Invitation',
  },
  tags: { 'ses:configuration-set': ['ConfigSet'] },
};

const bounce = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'recipient@example.org',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    timestamp: '2027-01-05T00:41:02.669Z',
    feedbackId: '0100018f-example-feedback-id-000000',
    reportingMTA: 'dsn; mta.example.org',
  },
  mail,
};

describe('an SES event record', () => {
  it('is parsed with the fields acted on, unknown fields kept', () => {
    const { eventType, messageId, event } = parseSesEvent(bounce);
    expect({ eventType, messageId }).toEqual({ eventType: 'Bounce', messageId: mail.messageId });
    expect(event).toMatchObject({
      bounce: { bounceType: 'Permanent', feedbackId: '0100018f-example-feedback-id-000000' },
      mail: { sendingAccountId: '123456789012' },
    });
  });

  it('is parsed for each type acted on', () => {
    const records = [
      {
        eventType: 'Complaint',
        complaint: {
          complainedRecipients: [{ emailAddress: 'recipient@example.org' }],
          timestamp: '2027-01-05T00:41:02.669Z',
          complaintFeedbackType: 'abuse',
        },
        mail,
      },
      {
        eventType: 'Delivery',
        mail,
        delivery: {
          timestamp: '2027-01-05T00:40:04.133Z',
          processingTimeMillis: 2121,
          recipients: ['recipient@example.org'],
          smtpResponse: '250 2.6.0 Message received',
        },
      },
      { eventType: 'Reject', mail, reject: { reason: 'Bad content' } },
    ];
    expect(records.map((record) => parseSesEvent(record).event?.eventType)).toEqual([
      'Complaint',
      'Delivery',
      'Reject',
    ]);
  });

  it('of another type (Send, DeliveryDelay, Open, …) is recognised but not parsed further', () => {
    for (const eventType of ['Send', 'DeliveryDelay', 'Open', 'Click', 'Rendering Failure', 'Subscription'])
      expect(parseSesEvent({ eventType, mail, other: {} })).toEqual({
        eventType,
        messageId: mail.messageId,
        event: undefined,
      });
  });

  it('is refused with each wrong field named', () => {
    const wrong = { ...bounce, bounce: { ...bounce.bounce, bounceType: 'Soft', bouncedRecipients: [{}] } };
    expect(() => parseSesEvent(wrong)).toThrow(ValidationError);
    try {
      parseSesEvent(wrong);
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
        'bounce.bounceType',
        'bounce.bouncedRecipients[0].emailAddress',
      ]);
    }
    expect(() => parseSesEvent({ notificationType: 'Bounce', mail })).toThrow(/eventType/);
    expect(() => parseSesEvent({ eventType: 'Delivery', mail: { messageId: 'x' } })).toThrow(
      /mail.timestamp/,
    );
    expect(() => parseSesEvent('Bounce')).toThrow(ValidationError);
  });

  it('tells when SES saw it: the event object’s time, else the sending time', () => {
    const parsed = parseSesEvent(bounce).event;
    const rejected = parseSesEvent({ eventType: 'Reject', mail, reject: { reason: 'Bad content' } }).event;
    expect(parsed && eventTime(parsed).toISOString()).toBe('2027-01-05T00:41:02.669Z');
    expect(rejected && eventTime(rejected).toISOString()).toBe(mail.timestamp);
  });
});
