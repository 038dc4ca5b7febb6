import { describe, expect, test } from 'vitest';
import { planReview } from '#domain/plan';
import { purgeDay, purgeIsDue } from '#domain/retention';
import { ReviewInput } from '#domain/review';

const review = (date: string, extra: Record<string, unknown> = {}) =>
  ReviewInput.parse({ region: 'europe', date, timeZone: 'Europe/Zurich', ...extra });

describe('when a review’s personal data is purged', () => {
  test('the configured months after its last day, counting a date still imprecise at its latest', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const exact = review('2027-03-11');
    expect(purgeDay(exact, planReview(exact, now), 12)).toBe('2028-03-12');
    const late = review('late 2027');
    expect(purgeDay(late, planReview(late, now), 6)).toBe('2028-07-01');
  });

  test('after its latest meeting when one comes after the review', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const withTalk = review('2027-03-11', {
      meetings: [{ id: 'talk', kind: 'gcm-talk', date: '2027-05-20', startTime: '10:00' }],
    });
    expect(purgeDay(withTalk, planReview(withTalk, now), 1)).toBe('2027-06-21');
  });

  test('is due on that day and not the day before', () => {
    const exact = review('2027-03-11');
    const plan = planReview(exact, new Date('2026-12-01T00:00:00Z'));
    expect(purgeIsDue(exact, plan, 12, new Date('2028-03-11T23:59:59Z'))).toBe(false);
    expect(purgeIsDue(exact, plan, 12, new Date('2028-03-12T00:00:00Z'))).toBe(true);
  });
});
