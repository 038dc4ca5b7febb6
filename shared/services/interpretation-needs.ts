import { meetingNeeds } from '#domain/interpretation';
import { planReview } from '#domain/plan';
import type { Review } from '#domain/review';
import type { Needs } from './dependencies';
import { allRegistrants } from './registrant-list';

/** A review's meetings as planned now, and what each needs: languages by attendance, places, accessibility. */
export async function interpretationNeeds(deps: Needs<'store'>, review: Review, now: Date) {
  const { meetings } = planReview(review, now);
  return { meetings, needs: meetingNeeds(meetings, await allRegistrants(deps, review.reviewId, now)) };
}
