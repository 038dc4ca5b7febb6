import * as z from 'zod';
import { parseOrThrow } from './errors';

/**
 * The event records SES's configuration set publishes to SNS ("event publishing"; each is one SNS message's JSON):
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html and the examples at
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html. Only the fields acted on
 * are checked; SES reserves the right to add fields, so unknown ones are kept, not refused.
 */
const instant = z.iso.datetime({ offset: true });

const mail = z.looseObject({
  messageId: z.string().min(1),
  /** When the message was sent; the event's own time when its object has none (Reject). */
  timestamp: instant,
  destination: z.array(z.string()).optional(),
  /** The message's tags as given to SES, and SES's own (`ses:configuration-set`, ...), each name's values. */
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

const recipient = z.looseObject({ emailAddress: z.string().min(1) });

const delivery = z.looseObject({
  eventType: z.literal('Delivery'),
  mail,
  delivery: z.looseObject({ timestamp: instant.optional(), smtpResponse: z.string().optional() }),
});

const bounce = z.looseObject({
  eventType: z.literal('Bounce'),
  mail,
  bounce: z.looseObject({
    /** Permanent: a hard bounce. Transient and Undetermined: SES gave up after retrying for a while. */
    bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
    bounceSubType: z.string().optional(),
    bouncedRecipients: z.array(recipient.extend({ diagnosticCode: z.string().optional() })),
    timestamp: instant.optional(),
  }),
});

const complaint = z.looseObject({
  eventType: z.literal('Complaint'),
  mail,
  complaint: z.looseObject({
    complainedRecipients: z.array(recipient),
    /** The Feedback-Type of the mailbox provider's report (abuse, fraud, …), when it sent one. */
    complaintFeedbackType: z.string().optional(),
    timestamp: instant.optional(),
  }),
});

const reject = z.looseObject({
  eventType: z.literal('Reject'),
  mail,
  reject: z.looseObject({ reason: z.string() }),
});

const handled = z.discriminatedUnion('eventType', [delivery, bounce, complaint, reject]);
export type SesEvent = z.infer<typeof handled>;
export type SesEventType = SesEvent['eventType'];

/** Any event record: the types not acted on (Send, DeliveryDelay, Open, Click, …) are only checked this far. */
const envelope = z.looseObject({ eventType: z.string().min(1), mail });
const ACTED_ON: ReadonlySet<string> = new Set<SesEventType>(['Delivery', 'Bounce', 'Complaint', 'Reject']);

export interface SesEventRecord {
  eventType: string;
  messageId: string;
  /** The event, when its type is one this service acts on. */
  event?: SesEvent;
}

/** Parses one SES event record; throws a ValidationError naming each wrong field. */
export function parseSesEvent(input: unknown): SesEventRecord {
  const { eventType, mail } = parseOrThrow(envelope, input);
  const event = ACTED_ON.has(eventType) ? parseOrThrow(handled, input) : undefined;
  return { eventType, messageId: mail.messageId, event };
}

/** When SES saw what the event tells: the event object's own time, else the sending time. */
export function eventTime(event: SesEvent): Date {
  switch (event.eventType) {
    case 'Delivery':
      return new Date(event.delivery.timestamp ?? event.mail.timestamp);
    case 'Bounce':
      return new Date(event.bounce.timestamp ?? event.mail.timestamp);
    case 'Complaint':
      return new Date(event.complaint.timestamp ?? event.mail.timestamp);
    case 'Reject':
      return new Date(event.mail.timestamp);
  }
}
