import { eventTime, parseSesEvent, type SesEvent } from '#domain/ses-event';
import { normalizeEmail } from '#domain/text';
import type { DeliveryEvent, DeliveryKey } from '#store/deliveries';
import { correlationFromTags, roundFromTags } from './delivery-tags';
import type { Needs } from './dependencies';

export type SesEventResult =
  | 'delivered'
  | 'bounced'
  | 'soft-bounced'
  | 'complained'
  | 'failed'
  | 'unknown message'
  | 'ignored';

export interface SesEventOutcome {
  eventType: string;
  messageId: string;
  /** What the event was taken as; a status already final (bounced, complained) is kept by a late delivery. */
  result: SesEventResult;
  /** For a soft bounce: each bounced address's count of soft bounces, this one included. */
  softBounces?: Record<string, number>;
}

/**
 * Acts on one SES event record (the JSON of one SNS message from the configuration set's event destination):
 * a delivery, a bounce, a complaint or a reject updates the status of the delivery that sent the message; a hard
 * bounce or a complaint also suppresses the address (whether or not a delivery record knows the message), a soft
 * bounce is only counted. Other event types, and other events about messages no delivery record knows, are
 * logged and ignored. Every effect is idempotent, because SNS
 * delivers at least once: a second suppression keeps the first, a status is set to the same value again, a soft
 * bounce is counted once per message. Throws a ValidationError when the record is not an SES event.
 */
export async function handleSesEvent(
  deps: Needs<'store' | 'log' | 'metrics'>,
  input: unknown,
): Promise<SesEventOutcome> {
  const { log } = deps;
  const { eventType, messageId, event } = parseSesEvent(input);
  if (event?.eventType === 'Bounce') deps.metrics.add('Bounces');
  if (event?.eventType === 'Complaint') deps.metrics.add('Complaints');
  const correlationId = event && correlationFromTags(event.mail.tags);
  if (correlationId) log.correlate(correlationId);
  if (!event) {
    log('ses event ignored', { eventType, messageId });
    return { eventType, messageId, result: 'ignored' };
  }
  const found = await sentDelivery(deps, event.mail);
  // Messages sent outside a round (confirmation links, manage emails) have no delivery record: their hard bounces
  // and complaints still suppress the address, as the reputation of the account is at stake all the same.
  const suppresses =
    event.eventType === 'Complaint' ||
    (event.eventType === 'Bounce' && event.bounce.bounceType === 'Permanent');
  if (!found && !suppresses) {
    log('ses event for an unknown message ignored', { eventType, messageId });
    return { eventType, messageId, result: 'unknown message' };
  }
  const outcome = await apply(deps, event, found?.key, found?.delivery.recipient);
  log('ses event recorded', {
    eventType,
    messageId,
    result: outcome.result,
    delivery: found ? 'known' : 'none',
  });
  return { eventType, messageId, ...outcome };
}

/**
 * The delivery record of the event's message: the round from the message's tags, the recipient from the event
 * (a round's message has exactly one), checked against the record's message id. Messages sent before rounds
 * tagged their messages are not found: their hard bounces and complaints still suppress.
 */
async function sentDelivery({ store }: Needs<'store'>, mail: SesEvent['mail']) {
  const round = roundFromTags(mail.tags);
  const [recipient, ...others] = mail.destination ?? [];
  if (!round || !recipient || others.length > 0) return undefined;
  return store.deliveries.sentMessage(round, recipient, mail.messageId);
}

async function apply(
  { store }: Needs<'store'>,
  event: SesEvent,
  key: DeliveryKey | undefined,
  recipient: string | undefined,
): Promise<Pick<SesEventOutcome, 'result' | 'softBounces'>> {
  const at = eventTime(event);
  const { messageId } = event.mail;
  const record = async (status: DeliveryEvent, detail: string) => {
    if (key) await store.deliveries.recordEvent(key, status, detail, at);
  };
  switch (event.eventType) {
    case 'Delivery':
      await record('delivered', event.delivery.smtpResponse ?? '');
      return { result: 'delivered' };
    case 'Bounce': {
      const { bounceType, bounceSubType, bouncedRecipients } = event.bounce;
      const kind = bounceSubType ? `${bounceType}/${bounceSubType}` : bounceType;
      const detailOf = (diagnosticCode?: string) => (diagnosticCode ? `${kind}: ${diagnosticCode}` : kind);
      if (bounceType !== 'Permanent') {
        const softBounces: Record<string, number> = {};
        for (const { emailAddress } of bouncedRecipients)
          softBounces[emailAddress] = await store.suppressions.countSoftBounce(emailAddress, messageId, at);
        return { result: 'soft-bounced', softBounces };
      }
      // Suppressed first: if the status write fails, the retry finds the suppression done and writes the status.
      for (const { emailAddress, diagnosticCode } of bouncedRecipients)
        await store.suppressions.suppress(emailAddress, {
          reason: 'hard-bounce',
          detail: detailOf(diagnosticCode),
          messageId,
          at,
        });
      const own = bouncedRecipients.find(
        (r) => normalizeEmail(r.emailAddress) === normalizeEmail(recipient ?? ''),
      );
      await record('bounced', detailOf(own?.diagnosticCode));
      return { result: 'bounced' };
    }
    case 'Complaint': {
      const detail = event.complaint.complaintFeedbackType ?? 'no feedback type given';
      for (const { emailAddress } of event.complaint.complainedRecipients)
        await store.suppressions.suppress(emailAddress, { reason: 'complaint', detail, messageId, at });
      await record('complained', detail);
      return { result: 'complained' };
    }
    case 'Reject':
      await record('failed', `rejected by SES: ${event.reject.reason}`);
      return { result: 'failed' };
  }
}
