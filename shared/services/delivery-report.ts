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
