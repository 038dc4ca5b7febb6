import { NotFoundError, ValidationError } from '#domain/errors';
import { planReview } from '#domain/plan';
import type { DeliveryRound } from '#store/keys';
import type { PageRequest } from '#store/pages';
import type { RoundRecord } from '#store/rounds';
import type { Needs } from './dependencies';
import { reviewOrNotFound } from './reviews';

/**
 * The round a report is about. A milestone of the plan is found by its id; another round (an upload's invitations,
 * a meeting change) or an earlier time of a moved milestone needs `at` as well.
 */
export async function reportedRound(
  deps: Needs<'store'>,
  reviewId: string | undefined,
  milestoneId: string | undefined,
  at: string | undefined,
  now: Date,
): Promise<DeliveryRound> {
  const review = await reviewOrNotFound(deps, reviewId);
  if (!milestoneId) throw new NotFoundError(`review ${reviewId}`);
  const planned = planReview(review, now).milestones.find((m) => m.id === milestoneId);
  const roundAt = at ?? planned?.at;
  if (!roundAt)
    throw new ValidationError([
      { field: 'at', message: `${milestoneId} is not a milestone of the plan: give its time` },
    ]);
  return { reviewId: review.reviewId, milestoneId, at: roundAt };
}

/**
 * What became of each message of a round, for the secretariat, a page at a time: per recipient its status (queued,
 * sending, sent, delivered, bounced, complained, failed, suppressed) with the SES message id and the last SES
 * event; and, over the whole round, the counts per status.
 */
export async function milestoneDeliveries(deps: Needs<'store'>, round: DeliveryRound, request: PageRequest) {
  const [counts, page] = await Promise.all([
    deps.store.deliveries.countByStatus(round),
    deps.store.deliveries.page(round, request),
  ]);
  return {
    round,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
    deliveries: page.items,
    ...(page.next ? { next: page.next } : {}),
  };
}

/** Every delivery of a round, for the report as a file (which comes in parts of its own). */
export const everyDelivery = (deps: Needs<'store'>, round: DeliveryRound) =>
  deps.store.deliveries.list(round);

/** A round's counts per status, those of a purged review included. */
async function withCounts(deps: Needs<'store'>, round: RoundRecord) {
  const counts: Record<string, number> = { ...round.purgedCounts };
  for (const [status, count] of Object.entries(await deps.store.deliveries.countByStatus(round)))
    counts[status] = (counts[status] ?? 0) + count;
  return { ...round, total: Object.values(counts).reduce((sum, n) => sum + n, 0), counts };
}

/** A page of a review's rounds of emails, in the order of their ids, each with its counts per status. */
export async function reviewRounds(deps: Needs<'store'>, reviewId: string | undefined, request: PageRequest) {
  const review = await reviewOrNotFound(deps, reviewId);
  const page = await deps.store.rounds.page(review.reviewId, request);
  return {
    rounds: await Promise.all(page.items.map((round) => withCounts(deps, round))),
    ...(page.next ? { next: page.next } : {}),
  };
}
