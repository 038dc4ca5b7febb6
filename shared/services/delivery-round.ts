import type { MessageContent } from '../domain/messages';
import { isRetryableSesError } from '../mail/ses-sender';
import { claimDelivery, markDelivery } from '../store/deliveries';
import type { DeliveryRound } from '../store/keys';
import { sendMessage } from './mailer';

/**
 * A claim older than this is taken to be a worker that died mid-send. Longer than one SES call can take (10 s
 * request timeout, three attempts); shorter than the minute Lambda waits before retrying a failed asynchronous
 * invocation, so that the retry finds the claim free again.
 */
export const DELIVERY_LEASE_MS = 45_000;

/** Thrown so that the invocation is retried: some recipients are still to be sent to. */
export class RoundIncompleteError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} deliveries are still pending; the firing will be retried`);
    this.name = 'RoundIncompleteError';
  }
}

export interface RoundCounts {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Sends one email to each recipient of a round, exactly once however often the round runs: each recipient's
 * delivery is claimed with a conditional write before sending and marked with the SES message id after.
 * Recipients already done are skipped; a permanent SES refusal is recorded as failed; anything still pending at
 * the end (SES throttling, another worker's live claim) throws `RoundIncompleteError` for a retry.
 * `realNow` is wall-clock time, for the claims' leases.
 */
export async function deliverRound<R extends { email: string; name?: string }>(
  round: DeliveryRound,
  recipients: AsyncIterable<R>,
  compose: (recipient: R) => MessageContent,
  realNow: () => Date,
  onOutcome: (outcome: 'sent' | 'failed') => Promise<void> = async () => undefined,
): Promise<RoundCounts> {
  const counts = { sent: 0, skipped: 0, failed: 0, pending: 0 };
  for await (const recipient of recipients) {
    const claim = await claimDelivery(round, recipient.email, realNow(), DELIVERY_LEASE_MS);
    if (claim !== 'claimed') {
      counts[claim === 'done' ? 'skipped' : 'pending']++;
      continue;
    }
    try {
      const messageId = await sendMessage(recipient, compose(recipient));
      await markDelivery(round, recipient.email, { status: 'sent', messageId, at: realNow() });
      counts.sent++;
      await onOutcome('sent');
    } catch (error) {
      const retryable = isRetryableSesError(error);
      await markDelivery(round, recipient.email, {
        status: retryable ? 'queued' : 'failed',
        error: (error as Error).message,
      });
      if (retryable) counts.pending++;
      else {
        counts.failed++;
        await onOutcome('failed');
      }
    }
  }
  if (counts.pending > 0) throw new RoundIncompleteError(counts.pending);
  return { sent: counts.sent, skipped: counts.skipped, failed: counts.failed };
}
