import type { MilestoneFiring } from '../domain/firing';
import { milestoneMessage } from '../domain/messages';
import { planReview } from '../domain/plan';
import { attends } from '../domain/registrant';
import { isRetryableSesError } from '../mail/ses-sender';
import { claimDelivery, markDelivery, roundStarted } from '../store/deliveries';
import type { DeliveryRound } from '../store/keys';
import { confirmedRegistrants } from '../store/registrants';
import { getReview } from '../store/reviews';
import { type Links, sendMessage } from './mailer';

/**
 * A claim older than this is taken to be a worker that died mid-send. Longer than one SES call can take (10 s
 * request timeout, three attempts); shorter than the minute Lambda waits before retrying a failed asynchronous
 * invocation, so that the retry finds the claim free again.
 */
export const DELIVERY_LEASE_MS = 45_000;

export type RoundOutcome =
  | { status: 'stale'; reason: string }
  | { status: 'done'; sent: number; skipped: number; failed: number };

/** Thrown so that the Scheduler retries the firing: some recipients are still to be sent to. */
export class RoundIncompleteError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} deliveries are still pending; the firing will be retried`);
    this.name = 'RoundIncompleteError';
  }
}

type Log = (message: string, detail?: Record<string, unknown>) => void;

/**
 * Sends a milestone's email to every confirmed registrant, each exactly once, however often the Scheduler
 * fires. A firing is stale, and does nothing but log, when it carries an older version of the review than the
 * stored one (every write of a review updates its jobs, so the current version's firing carries the round), or
 * when the review no longer plans this milestone at this instant. One exception: a round that an older
 * version's firing already started (a crash cut it short, the review was edited before the retry) is finished
 * by that retry if the milestone is unchanged, since no other firing will come for it.
 * `realNow` is wall-clock time, for delivery leases; the plan uses the firing's own time.
 */
export async function runMilestoneRound(
  firing: MilestoneFiring,
  log: Log,
  links: Links,
  realNow: () => Date = () => new Date(),
): Promise<RoundOutcome> {
  const review = await getReview(firing.reviewId);
  const stale = (reason: string): RoundOutcome => {
    log('stale firing ignored', { ...firing, reason });
    return { status: 'stale', reason };
  };
  if (!review) return stale('review not found');
  if (review.status !== 'active') return stale(`review is ${review.status}`);
  const plan = planReview(review, new Date(firing.at));
  const milestone = plan.milestones.find((m) => m.id === firing.milestoneId);
  if (!milestone) return stale(`milestone no longer planned (review version ${review.version})`);
  if (milestone.at !== firing.at)
    return stale(`milestone moved to ${milestone.at} (review version ${review.version})`);
  const meeting = plan.meetings.find((m) => m.id === milestone.meetingId);
  if (!meeting) return stale('meeting no longer planned');
  const round: DeliveryRound = { reviewId: review.reviewId, milestoneId: milestone.id, at: milestone.at };
  if (firing.version !== review.version && !(await roundStarted(round)))
    return stale(`version ${firing.version} superseded by version ${review.version}`);

  const counts = { sent: 0, skipped: 0, failed: 0, pending: 0 };
  for await (const registrant of confirmedRegistrants(review.reviewId)) {
    if (!attends(registrant, meeting.id)) continue;
    const claim = await claimDelivery(round, registrant.email, realNow(), DELIVERY_LEASE_MS);
    if (claim !== 'claimed') {
      counts[claim === 'done' ? 'skipped' : 'pending']++;
      continue;
    }
    try {
      const messageId = await sendMessage(
        registrant,
        milestoneMessage(review, meeting, milestone, registrant, links.manage(registrant)),
      );
      await markDelivery(round, registrant.email, { status: 'sent', messageId, at: realNow() });
      counts.sent++;
    } catch (error) {
      const retryable = isRetryableSesError(error);
      await markDelivery(round, registrant.email, {
        status: retryable ? 'queued' : 'failed',
        error: (error as Error).message,
      });
      counts[retryable ? 'pending' : 'failed']++;
    }
  }
  log('milestone round', { ...round, kind: milestone.kind, ...counts });
  if (counts.pending > 0) throw new RoundIncompleteError(counts.pending);
  return { status: 'done', sent: counts.sent, skipped: counts.skipped, failed: counts.failed };
}
