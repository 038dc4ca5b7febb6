import { NotFoundError, ValidationError } from '#domain/errors';
import { planReview } from '#domain/plan';
import type { Needs } from './dependencies';

/**
 * What became of each message of a round, for the secretariat: per recipient its status (queued, sending, sent,
 * delivered, bounced, complained, failed, suppressed) with the SES message id and the last SES event, and the
 * counts per status. A milestone of the plan is found by its id; another round (an upload's invitations, a
 * meeting change) or an earlier time of a moved milestone needs `at` as well.
 */
export async function milestoneDeliveries(
  deps: Needs<'store'>,
  reviewId: string | undefined,
  milestoneId: string | undefined,
  at: string | undefined,
  now: Date,
) {
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  if (!review || !milestoneId) throw new NotFoundError(`review ${reviewId}`);
  const planned = planReview(review, now).milestones.find((m) => m.id === milestoneId);
  const roundAt = at ?? planned?.at;
  if (!roundAt)
    throw new ValidationError([
      { field: 'at', message: `${milestoneId} is not a milestone of the plan: give its time` },
    ]);
  const round = { reviewId: review.reviewId, milestoneId, at: roundAt };
  const deliveries = await deps.store.deliveries.list(round);
  const counts: Record<string, number> = {};
  for (const { status } of deliveries) counts[status] = (counts[status] ?? 0) + 1;
  return { round, total: deliveries.length, counts, deliveries };
}

/** Every round of a review's emails, the latest first, each with its counts per status. */
export async function reviewRounds(deps: Needs<'store'>, reviewId: string | undefined) {
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  const rounds = await deps.store.rounds.list(review.reviewId);
  return {
    rounds: await Promise.all(
      rounds.map(async (round) => {
        const counts: Record<string, number> = { ...round.purgedCounts };
        let total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        for (const { status } of await deps.store.deliveries.list(round)) {
          counts[status] = (counts[status] ?? 0) + 1;
          total++;
        }
        return { ...round, total, counts };
      }),
    ),
  };
}
