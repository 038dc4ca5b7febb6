import type { Announcement } from '#domain/announcement';
import { nextCalendar } from '#domain/calendar';
import { issuesFromZod, NotFoundError, parseOrThrow, ValidationError } from '#domain/errors';
import { firingFor } from '#domain/firing';
import { dueMilestones, type Plan, planReview } from '#domain/plan';
import { type Review, ReviewId, ReviewInput, regionsOf } from '#domain/review';
import { assertReviewRules } from '#domain/rules';
import { nextMinuteButOne } from '#scheduling/job-names';
import type { ScheduleView } from '#scheduling/scheduler';
import type { PageRequest } from '#store/pages';
import { tellUntoldAnnouncements } from './announcements';
import type { Needs } from './dependencies';

type ReviewDependencies = Needs<'store' | 'scheduler'>;

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

async function existingReview(deps: Needs<'store'>, reviewId: string | undefined): Promise<Review> {
  const id = parseReviewId(reviewId);
  const review = await deps.store.reviews.get(id);
  if (!review) throw new NotFoundError(`review ${id}`);
  return review;
}

/** Brings the review's Scheduler jobs to its plan as of `now`: the one step every write of a review ends with. */
export async function syncReview(deps: Needs<'scheduler'>, review: Review, now: Date): Promise<Plan> {
  const plan = planReview(review, now);
  const firings = dueMilestones(plan).map((milestone) =>
    firingFor(review.reviewId, review.version, milestone),
  );
  await deps.scheduler.syncReview(review.reviewId, firings);
  return plan;
}

/**
 * Saves a new version of a review with its calendar brought up to date, and schedules, for each meeting whose
 * announced start changed, the round that tells its invitation holders (a minute later, out of this request).
 */
async function writeReview(
  deps: ReviewDependencies,
  next: Omit<Review, 'calendar'>,
  existing: Review | undefined,
  now: Date,
): Promise<Review> {
  const { calendar, changed } = nextCalendar(existing?.calendar, planReview(next, now).meetings, now);
  const review: Review = { ...next, calendar };
  const sequenceOf = (meetingId: string) => calendar[meetingId]?.sequence as number;
  // Recorded first: if this request dies after saving the review, the hourly reconcile still finds the change.
  for (const meetingId of changed)
    await deps.store.changes.record(review.reviewId, meetingId, sequenceOf(meetingId));
  await deps.store.reviews.save(review, existing?.version ?? 0);
  for (const meetingId of changed)
    await scheduleChangeRound(deps, review.reviewId, meetingId, sequenceOf(meetingId), now);
  return review;
}

async function scheduleChangeRound(
  deps: Needs<'scheduler'>,
  reviewId: string,
  meetingId: string,
  sequence: number,
  now: Date,
) {
  await deps.scheduler
    .scheduleRound({ round: 'meeting-change', reviewId, meetingId, sequence }, nextMinuteButOne(now))
    .catch((error) => {
      // Already there: the request was retried, or the reconcile got there first.
      if ((error as Error).name !== 'ConflictException') throw error;
    });
}

/** Schedules again the round of every change of the current sequence not yet told (its job lost to a crash). */
async function tellUntoldChanges(deps: ReviewDependencies, review: Review, now: Date) {
  for (const change of await deps.store.changes.list(review.reviewId))
    if (!change.told && review.calendar?.[change.meetingId]?.sequence === change.sequence)
      await scheduleChangeRound(deps, review.reviewId, change.meetingId, change.sequence, now);
}

/** A review input that is well formed and keeps the rules, or a ValidationError naming each problem. */
function checkedInput(body: unknown): ReviewInput {
  const input = parseOrThrow(ReviewInput, body);
  assertReviewRules(input);
  return input;
}

/** The plan a review would have with this input, nothing saved: what `putReview` would accept and plan. */
export const previewReview = (body: unknown, now: Date): Plan => planReview(checkedInput(body), now);

export async function putReview(
  deps: ReviewDependencies,
  reviewId: string | undefined,
  body: unknown,
  now: Date,
  /** The briefing request or GCM Talk proposal the record is accepted from. */
  fromRequest?: string,
): Promise<ReviewView & { created: boolean }> {
  const id = parseReviewId(reviewId);
  const input = checkedInput(body);
  const existing = await deps.store.reviews.get(id);
  if (fromRequest && existing && existing.requestId !== fromRequest)
    throw new ValidationError([
      { field: 'reviewId', message: `"${id}" is the id of another record already: choose another one` },
    ]);
  const requestId = fromRequest ?? existing?.requestId;
  const review = await writeReview(
    deps,
    {
      ...input,
      reviewId: id,
      ...(requestId ? { requestId } : {}),
      status: 'active',
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    },
    existing,
    now,
  );
  const plan = await syncReview(deps, review, now);
  return { review, plan, schedules: await deps.scheduler.listReview(id), created: !existing };
}

/** A review as `GET /admin/reviews/{reviewId}` shows it: with what was published about it. */
export async function showReview(
  deps: ReviewDependencies,
  reviewId: string | undefined,
  now: Date,
): Promise<ReviewView & { announcements: Announcement[] }> {
  const review = await existingReview(deps, reviewId);
  return {
    review,
    plan: planReview(review, now),
    schedules: await deps.scheduler.listReview(review.reviewId),
    announcements: await deps.store.announcements.list(review.reviewId),
  };
}

/**
 * A page of the reviews `visible` lets through (all of them for the secretariat, a focal point's region's for
 * them), in the order of their ids.
 */
export async function listReviews(
  deps: Needs<'store'>,
  now: Date,
  request: PageRequest,
  visible: (review: Review) => boolean = () => true,
) {
  const page = await deps.store.reviews.page(request, visible);
  const reviews = page.items.map((review) => {
    const plan = planReview(review, now);
    return {
      reviewId: review.reviewId,
      kind: review.kind,
      region: review.region,
      regions: regionsOf(review),
      title: review.title,
      date: plan.reviewDate,
      status: review.status,
      version: review.version,
      nextMilestone: dueMilestones(plan)[0] ?? null,
    };
  });
  return { reviews, ...(page.next ? { next: page.next } : {}) };
}

/** The review a request names, or a 404. */
export async function reviewOrNotFound(deps: Needs<'store'>, reviewId: string | undefined): Promise<Review> {
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  return review;
}

/** A page of every change made to the review, newest first: who, when, through which route, each field's values. */
export async function reviewAudit(deps: Needs<'store'>, reviewId: string | undefined, request: PageRequest) {
  const review = await reviewOrNotFound(deps, reviewId);
  const page = await deps.store.audit.page(`review:${review.reviewId}`, request);
  return { entries: page.items, ...(page.next ? { next: page.next } : {}) };
}

/**
 * Cancelling keeps the review (and its history) but removes every Scheduler job it had; those who hold an
 * invitation to one of its meetings still to come are sent its cancellation.
 */
export async function cancelReview(
  deps: ReviewDependencies,
  reviewId: string | undefined,
  now: Date,
): Promise<ReviewView> {
  const existing = await existingReview(deps, reviewId);
  const review = await writeReview(
    deps,
    { ...existing, status: 'cancelled', version: existing.version + 1, updatedAt: now.toISOString() },
    existing,
    now,
  );
  const plan = await syncReview(deps, review, now);
  return { review, plan, schedules: await deps.scheduler.listReview(review.reviewId) };
}

/**
 * The safety net: every review's jobs brought back to its plan, whatever happened to them since. A review that
 * cannot be reconciled (a record damaged by hand, Scheduler refusing one of its jobs) is logged and left to the next
 * hour; the others are reconciled all the same.
 */
export async function reconcileAllReviews(
  deps: ReviewDependencies & Needs<'log'>,
  now: Date,
): Promise<{ reviews: number; failedReviews: string[] }> {
  const reviews = await deps.store.reviews.list();
  const failedReviews: string[] = [];
  for (const review of reviews)
    try {
      await syncReview(deps, review, now);
      await tellUntoldChanges(deps, review, now);
      await tellUntoldAnnouncements(deps, review, now);
    } catch (error) {
      failedReviews.push(review.reviewId);
      deps.log.error('reconcile failed', { reviewId: review.reviewId, error: (error as Error).message });
    }
  return { reviews: reviews.length, failedReviews };
}
