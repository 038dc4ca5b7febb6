import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { MessageContent } from '#domain/messages';
import { normalizeEmail } from '#domain/text';
import { isRetryableSesError } from '#mail/ses-sender';
import type { DeliveryRound } from '#store/keys';
import type { Cursor, Page } from '#store/pages';
import { roundCorrelationId, roundTags } from './delivery-tags';
import type { Needs } from './dependencies';
import { sendingPace } from './sending-pace';

/**
 * A claim older than this is taken to be a worker that died mid-send. Longer than one SES call can take (10 s
 * request timeout, three attempts); shorter than the minute Lambda waits before retrying a failed asynchronous
 * invocation, so that the retry finds the claim free again.
 */
export const DEFAULT_DELIVERY_LEASE_MS = 45_000;

/** Thrown so that the invocation is retried: some recipients are still to be sent to. */
export class RoundIncompleteError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} deliveries are still pending; the firing will be retried`);
    this.name = 'RoundIncompleteError';
  }
}

/** SES's default sending rate for an account out of the sandbox, emails per second. */
export const DEFAULT_SEND_RATE = 14;
/** Enough calls in flight to keep up the rate when each takes a few hundred milliseconds. */
export const SEND_CONCURRENCY = 8;

export interface RoundCounts {
  sent: number;
  skipped: number;
  failed: number;
  suppressed: number;
}

/**
 * What became of a round's firing: sent (`next` says where a continuation takes up a round too large for one
 * invocation), or stale, when the firing no longer stands for what the review plans.
 */
export type RoundOutcome =
  | ({ status: 'done'; next?: Cursor } & RoundCounts)
  | { status: 'stale'; reason: string };

/** A round's counts as log lines tell of them: where a continuation resumes is a key that names a registrant. */
export const countsForLog = ({ next, ...counts }: RoundCounts & { next?: Cursor }) =>
  next ? { ...counts, continues: true } : counts;

/** What a round of emails reaches: the records, the mailer, the clock, how to send, the site's links, the log. */
export type RoundDependencies = Needs<'store' | 'mailer' | 'clock' | 'sending' | 'site' | 'log' | 'metrics'>;

/** Milliseconds this invocation may still run; the round stops at a page boundary before it runs out. */
export type RemainingTime = () => number;

/** What a round does around each send. */
export interface RoundHooks<R> {
  /** Whether the recipient is still to get this email (checked before claiming). */
  include?: (recipient: R) => Promise<boolean>;
  /** After SES accepted the email. */
  afterSent?: (recipient: R) => Promise<void>;
  onOutcome?: (outcome: 'sent' | 'failed') => Promise<void>;
}

/** Kept free at the end of an invocation: the page in flight finishes, and the continuation is scheduled. */
export const RESERVE_MS = 60_000;
/** Throttling is retried in place this often (100, 200, 400 ms apart), then left for the invocation's retry. */
const THROTTLE_RETRIES = 3;

/**
 * A sent message's mark is tried again this long (some 15 s, within the 45 s lease) when the table cannot be
 * reached: a store that is gone for a few seconds must not make a retry send the message again.
 */
const MARK_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];

async function persistently(write: () => Promise<void>, retried: (error: unknown) => void): Promise<void> {
  for (const delay of MARK_RETRY_DELAYS_MS) {
    try {
      return await write();
    } catch (error) {
      retried(error);
      await sleep(delay);
    }
  }
  await write();
}

/**
 * Sends one email to each recipient of a round, exactly once however often the round runs: each recipient's
 * delivery is claimed with a conditional write before sending and marked with the SES message id after.
 * Recipients already done are skipped; a suppressed address is recorded as such and not sent to; a permanent
 * SES refusal is recorded as failed. Sending keeps to `rate` per second with `concurrency` calls in flight (in
 * total over rounds that fire together, which take turns: `./sending-pace.ts`), and SES throttling is retried with
 * backoff. When the invocation's time runs short the round stops after the page
 * in flight and answers the cursor to continue from. Anything still pending at the end (throttling that
 * persisted, another worker's live claim) throws `RoundIncompleteError` for a retry.
 */
export async function deliverRound<R extends { email: string; name?: string }>(
  deps: Needs<'store' | 'mailer' | 'clock' | 'sending' | 'log' | 'metrics'>,
  round: DeliveryRound,
  pages: AsyncIterable<Page<R>>,
  compose: (recipient: R) => MessageContent,
  hooks: RoundHooks<R> = {},
  remainingMs?: RemainingTime,
): Promise<RoundCounts & { next?: Cursor }> {
  const { store, mailer, clock, sending } = deps;
  deps.log.correlate(roundCorrelationId(round));
  const startedAt = await store.rounds.record(round, clock.now());
  const counts = { sent: 0, skipped: 0, failed: 0, suppressed: 0, pending: 0 };
  const queue = new PQueue({ concurrency: sending.concurrency });
  // Only the SES calls keep to the rate: recipients a retry finds done are skipped at the store's pace.
  const sesCalls = sendingPace(sending.rate, sending.concurrency);

  const tags = roundTags(round);

  const deliver = async (recipient: R, suppressed: boolean) => {
    if (hooks.include && !(await hooks.include(recipient))) {
      counts.skipped++;
      return;
    }
    if (suppressed) {
      if (await store.deliveries.markSuppressed(round, recipient.email)) counts.suppressed++;
      else counts.skipped++;
      return;
    }
    const claim = await store.deliveries.claim(round, recipient.email, clock.now(), sending.leaseMs);
    if (claim !== 'claimed') {
      counts[claim === 'done' ? 'skipped' : 'pending']++;
      return;
    }
    const messageId = await sendOnce(recipient);
    if (messageId === undefined) return;
    // SES took the message: nothing from here on may send it again, and its record must say so before the lease
    // ends, or a retry would take the claim over and send it twice.
    await persistently(
      () => store.deliveries.mark(round, recipient.email, { status: 'sent', messageId, at: clock.now() }),
      (error) => deps.log.warn('marking a sent message failed; trying again', { error: String(error) }),
    );
    counts.sent++;
    await hooks.afterSent?.(recipient);
    await hooks.onOutcome?.('sent');
  };

  /** The SES call, throttling retried in place: the message id, or none when it is left queued or failed. */
  const sendOnce = async (recipient: R): Promise<string | undefined> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sesCalls.add(() => mailer.send(recipient, compose(recipient), tags));
      } catch (error) {
        const retryable = isRetryableSesError(error);
        if (retryable && attempt < THROTTLE_RETRIES) {
          await sleep(100 * 2 ** attempt);
          continue;
        }
        await store.deliveries.mark(round, recipient.email, {
          status: retryable ? 'queued' : 'failed',
          error: (error as Error).message,
        });
        if (retryable) counts.pending++;
        else {
          counts.failed++;
          await hooks.onOutcome?.('failed');
        }
        return undefined;
      }
    }
  };

  try {
    return await deliverPages();
  } finally {
    // Emails that went out count, whether or not the invocation finished its part of the round.
    deps.metrics.add('EmailsSent', counts.sent);
  }

  async function deliverPages(): Promise<RoundCounts & { next?: Cursor }> {
    let next: Cursor | undefined;
    let fault: unknown;
    for await (const page of pages) {
      // One read for the page's addresses, not one per recipient: a suppression written after it is seen by the
      // next page, seconds later.
      const suppressed = await store.suppressions.suppressedAmong(page.items.map((r) => r.email));
      for (const recipient of page.items) {
        // Bounded memory: never more than a few recipients waiting for their turn.
        await queue.onSizeLessThan(sending.concurrency * 2);
        queue
          .add(() => deliver(recipient, suppressed.has(normalizeEmail(recipient.email))))
          .catch((error) => {
            fault ??= error;
          });
      }
      await queue.onIdle();
      if (fault) throw fault;
      if (page.next && remainingMs && remainingMs() < RESERVE_MS) {
        next = page.next;
        break;
      }
    }
    await queue.onIdle();
    if (fault) throw fault;
    // Rounds take turns at the account's rate: the next in line starts once this one's last emails had their time.
    await sesCalls.handOver();
    if (counts.pending > 0) throw new RoundIncompleteError(counts.pending);
    if (!next) deps.metrics.add('RoundDurationMs', clock.now().getTime() - startedAt.getTime());
    const { pending: _pending, ...done } = counts;
    return { ...done, ...(next ? { next } : {}) };
  }
}
