import type { DateSpec } from '#domain/date-spec';
import { dateBounds, formatDateSpec } from '#domain/date-spec';
import { type PlannedMeeting, planReview } from '#domain/plan';
import type { Region } from '#domain/regions';
import { type Review, type ReviewKind, regionsOf } from '#domain/review';
import type { Needs } from './dependencies';

/** A review (or a global consultation) as the public sees it: when, and each meeting as far as its date is known. */
export interface PublicReview {
  reviewId: string;
  kind: ReviewKind;
  region?: Region;
  regions: Region[];
  title?: string;
  cycle?: string;
  date: DateSpec;
  dateText: string;
  venue?: string;
  meetings: PlannedMeeting[];
  /** Each confirmed meeting's calendar SEQUENCE: how many times it moved. */
  sequences: Record<string, number>;
}

/** One round of reviews: its reviews, the other rounds there are, and when any of its reviews last changed. */
export interface Timeline {
  cycle: string | null;
  cycles: (string | null)[];
  asOf: string | null;
  reviews: PublicReview[];
}

const cycleOf = (review: Review) => review.cycle ?? null;

/**
 * The public timeline of a round of reviews (`cycle`; an empty one for the reviews of no round), or of the current
 * one: the round of the latest review. Cancelled reviews are left out; each review's meetings are planned as of
 * `now`.
 */
export async function cycleTimeline(
  deps: Needs<'store'>,
  cycle: string | undefined,
  now: Date,
): Promise<Timeline> {
  const reviews = (await deps.store.reviews.list()).filter((review) => review.status === 'active');
  const latestFirst = [...reviews].sort((a, b) =>
    dateBounds(b.date).latest.localeCompare(dateBounds(a.date).latest),
  );
  const cycles = [...new Set(latestFirst.map(cycleOf))];
  const asked = cycle === undefined ? undefined : cycles.find((c) => (c ?? '') === cycle);
  const current = asked !== undefined ? asked : (cycles[0] ?? null);
  const shown = reviews
    .filter((review) => cycleOf(review) === current)
    .sort((a, b) => dateBounds(a.date).earliest.localeCompare(dateBounds(b.date).earliest));
  return {
    cycle: current,
    cycles,
    asOf:
      shown
        .map((review) => review.updatedAt)
        .sort()
        .at(-1) ?? null,
    reviews: shown.map((review) => publicReview(review, now)),
  };
}

/** Every review still held, for the calendar feeds. */
export async function heldReviews(deps: Needs<'store'>, now: Date): Promise<PublicReview[]> {
  const reviews = await deps.store.reviews.list();
  return reviews.filter((review) => review.status === 'active').map((review) => publicReview(review, now));
}

function publicReview(review: Review, now: Date): PublicReview {
  return {
    reviewId: review.reviewId,
    kind: review.kind,
    ...(review.region ? { region: review.region } : {}),
    regions: regionsOf(review),
    ...(review.title ? { title: review.title } : {}),
    ...(review.cycle ? { cycle: review.cycle } : {}),
    date: review.date,
    dateText: formatDateSpec(review.date),
    ...(review.venue ? { venue: review.venue } : {}),
    meetings: planReview(review, now).meetings,
    sequences: Object.fromEntries(
      Object.entries(review.calendar ?? {}).map(([id, entry]) => [id, entry.sequence]),
    ),
  };
}
