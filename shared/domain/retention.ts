import { DateTime } from 'luxon';
import { dateBounds } from './date-spec';
import type { Plan } from './plan';
import type { Review } from './review';

/** A year: long enough for a review's follow-up, and no one's data is kept longer than that needs. */
export const DEFAULT_PURGE_AFTER_MONTHS = 12;

/**
 * The day a review's personal data is purged: `months` after the latest day the review or any of its meetings may
 * fall on. A date still imprecise ("late 2027") counts at its latest, so nothing is purged early.
 */
export function purgeDay(review: Pick<Review, 'date'>, plan: Pick<Plan, 'meetings'>, months: number): string {
  const latest = [review.date, ...plan.meetings.map((meeting) => meeting.date)]
    .flatMap((spec) => (spec ? [dateBounds(spec).latest] : []))
    .sort()
    .at(-1) as string;
  return DateTime.fromISO(latest, { zone: 'utc' }).plus({ months, days: 1 }).toISODate() as string;
}

export const purgeIsDue = (
  review: Pick<Review, 'date'>,
  plan: Pick<Plan, 'meetings'>,
  months: number,
  now: Date,
): boolean => now.toISOString().slice(0, 10) >= purgeDay(review, plan, months);
