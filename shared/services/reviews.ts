import { nextCalendar } from '../domain/calendar';
import { issuesFromZod, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import { firingFor, SCHEDULED_TIME_PLACEHOLDER } from '../domain/firing';
import { dueMilestones, type Plan, planReview } from '../domain/plan';
import { type Review, ReviewId, ReviewInput } from '../domain/review';
import { assertReviewRules } from '../domain/rules';
import {
  listReviewSchedules,
  nextMinuteButOne,
  type ScheduleView,
  type SchedulingTarget,
  scheduleRound,
  syncReviewSchedules,
} from '../scheduling/review-schedules';
import { changesToTell, recordChangeToTell } from '../store/changes-to-tell';
import { getReview, listReviews, saveReview } from '../store/reviews';

/** What the admin API answers about a review: the review, its plan now, and its Scheduler jobs as they stand. */
export interface ReviewView {
  review: Review;
  plan: Plan;
  schedules: ScheduleView[];
}

function parseReviewId(reviewId: string | undefined): string {
  const result = ReviewId.safeParse(reviewId);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error, 'reviewId'));
  return result.data;
}

async function existingReview(reviewId: string | undefined): Promise<Review> {
  const id = parseReviewId(reviewId);
  const review = await getReview(id);
  if (!review) throw new NotFoundError(`review ${id}`);
  return review;
}

/** Brings the review's Scheduler jobs to its plan as of `now`: the one step every write of a review ends with. */
export async function syncReview(target: SchedulingTarget, review: Review, now: Date): Promise<Plan> {
  const plan = planReview(review, now);
  const firings = dueMilestones(plan).map((milestone) =>
    firingFor(review.reviewId, review.version, milestone),
  );
  await syncReviewSchedules(target, review.reviewId, firings);
  return plan;
}

/**
 * Saves a new version of a review with its calendar brought up to date, and schedules, for each meeting whose
 * announced start changed, the round that tells its invitation holders (a minute later, out of this request).
 */
async function writeReview(
  target: SchedulingTarget,
  next: Omit<Review, 'calendar'>,
  existing: Review | undefined,
  now: Date,
): Promise<Review> {
  const { calendar, changed } = nextCalendar(existing?.calendar, planReview(next, now).meetings, now);
  const review: Review = { ...next, calendar };
  // Recorded first: if this request dies after saving the review, the hourly reconcile still finds the change.
  for (const meetingId of changed)
    await recordChangeToTell(review.reviewId, meetingId, calendar[meetingId]?.sequence as number);
  await saveReview(review, existing?.version ?? 0);
  for (const meetingId of changed)
    await scheduleChangeRound(
      target,
      review.reviewId,
      meetingId,
      calendar[meetingId]?.sequence as number,
      now,
    );
  return review;
}

async function scheduleChangeRound(
  target: SchedulingTarget,
  reviewId: string,
  meetingId: string,
  sequence: number,
  now: Date,
) {
  const firing = {
    round: 'meeting-change' as const,
    reviewId,
    meetingId,
    sequence,
    scheduledTime: SCHEDULED_TIME_PLACEHOLDER,
  };
  await scheduleRound(target, firing, nextMinuteButOne(now)).catch((error) => {
    // Already there: the request was retried, or the reconcile got there first.
    if ((error as Error).name !== 'ConflictException') throw error;
  });
}

/** Schedules again the round of every change of the current sequence not yet told (its job lost to a crash). */
async function tellUntoldChanges(target: SchedulingTarget, review: Review, now: Date) {
  for (const change of await changesToTell(review.reviewId))
    if (!change.told && review.calendar?.[change.meetingId]?.sequence === change.sequence)
      await scheduleChangeRound(target, review.reviewId, change.meetingId, change.sequence, now);
}

export async function putReview(
  target: SchedulingTarget,
  reviewId: string | undefined,
  body: unknown,
  now: Date,
): Promise<ReviewView & { created: boolean }> {
  const id = parseReviewId(reviewId);
  const input = parseOrThrow(ReviewInput, body);
  assertReviewRules(input);
  const existing = await getReview(id);
  const review = await writeReview(
    target,
    {
      ...input,
      reviewId: id,
      status: 'active',
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    },
    existing,
    now,
  );
  const plan = await syncReview(target, review, now);
  return { review, plan, schedules: await listReviewSchedules(target, id), created: !existing };
}

export async function showReview(
  target: SchedulingTarget,
  reviewId: string | undefined,
  now: Date,
): Promise<ReviewView> {
  const review = await existingReview(reviewId);
  return {
    review,
    plan: planReview(review, now),
    schedules: await listReviewSchedules(target, review.reviewId),
  };
}

export async function listAllReviews(now: Date) {
  const reviews = await listReviews();
  return reviews.map((review) => {
    const plan = planReview(review, now);
    return {
      reviewId: review.reviewId,
      region: review.region,
      title: review.title,
      date: plan.reviewDate,
      status: review.status,
      version: review.version,
      nextMilestone: dueMilestones(plan)[0] ?? null,
    };
  });
}

/**
 * Cancelling keeps the review (and its history) but removes every Scheduler job it had; those who hold an
 * invitation to one of its meetings still to come are sent its cancellation.
 */
export async function cancelReview(
  target: SchedulingTarget,
  reviewId: string | undefined,
  now: Date,
): Promise<ReviewView> {
  const existing = await existingReview(reviewId);
  const review = await writeReview(
    target,
    { ...existing, status: 'cancelled', version: existing.version + 1, updatedAt: now.toISOString() },
    existing,
    now,
  );
  const plan = await syncReview(target, review, now);
  return { review, plan, schedules: await listReviewSchedules(target, review.reviewId) };
}

/** The safety net: every review's jobs brought back to its plan, whatever happened to them since. */
export async function reconcileAllReviews(target: SchedulingTarget, now: Date): Promise<{ reviews: number }> {
  const reviews = await listReviews();
  for (const review of reviews) {
    await syncReview(target, review, now);
    await tellUntoldChanges(target, review, now);
  }
  return { reviews: reviews.length };
}
