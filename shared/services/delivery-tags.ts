import type { DeliveryRound } from '#store/keys';

/**
 * A round's messages carry the round in an SES message tag, which SES hands back in every event about the message
 * (`mail.tags`): with the event's one recipient (`mail.destination`) it names the delivery record, so sending needs
 * no index of message ids. The tag holds the review id, the round id and its instant, nothing about the person:
 * tags are published to SNS and CloudWatch, while the address is in the event already, put there by SES.
 */
export const ROUND_TAG = 'delivery-round';

/** SES allows tag values of up to 256 ASCII letters, digits, `_` and `-`: base64url fits them. */
const MAX_TAG_LENGTH = 256;

/**
 * The tags of a round's messages. None when the round's ids are too long for a tag (they are a few dozen
 * characters): SES would refuse the whole message, and a message whose events find no delivery still suppresses.
 */
export function roundTags(round: DeliveryRound): Record<string, string> {
  const value = Buffer.from(JSON.stringify([round.reviewId, round.milestoneId, round.at])).toString(
    'base64url',
  );
  return value.length <= MAX_TAG_LENGTH ? { [ROUND_TAG]: value } : {};
}

/** The round an SES event's message was sent in, or undefined for a message of no round (registration emails). */
export function roundFromTags(tags: Record<string, string[]> | undefined): DeliveryRound | undefined {
  const value = tags?.[ROUND_TAG]?.[0];
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string'))
    return undefined;
  const [reviewId, milestoneId, at] = parsed as [string, string, string];
  return { reviewId, milestoneId, at };
}

/**
 * The id that correlates a round's log lines in every function: its firings and continuations in the sending
 * function, and the SES events about its messages, which find the round in their tags.
 */
export const roundCorrelationId = (round: DeliveryRound) =>
  `${round.reviewId}/${round.milestoneId}/${round.at}`;

/** The tag of a message sent outside a round (a registration's emails): its flow's correlation id, as is. */
export const CORRELATION_TAG = 'correlation';

/** The correlation id of the flow an SES event's message belongs to: its round's, or the one it was tagged with. */
export function correlationFromTags(tags: Record<string, string[]> | undefined): string | undefined {
  const round = roundFromTags(tags);
  return round ? roundCorrelationId(round) : tags?.[CORRELATION_TAG]?.[0];
}
