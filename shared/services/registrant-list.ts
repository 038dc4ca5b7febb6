import { NotFoundError } from '#domain/errors';
import type { Registrant } from '#domain/registrant';
import { filterOf, matchesFilter } from '#domain/registrant-filter';
import type { Review } from '#domain/review';
import type { Needs } from './dependencies';

const countBy = (registrants: Registrant[], key: (r: Registrant) => string | undefined) => {
  const counts: Record<string, number> = {};
  for (const registrant of registrants) {
    const value = key(registrant) ?? '';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
};

/**
 * A review's registrants as the console shows them: those the filter lets through (oldest first), and their counts
 * by status, language, attendance and stakeholder group. Registrations are a few thousand a review at most: read
 * whole, page by page.
 */
export async function registrantList(
  deps: Needs<'store'>,
  review: Review,
  given: Record<string, string | undefined>,
  now: Date,
) {
  const filter = filterOf(given);
  const all = await allRegistrants(deps, review.reviewId, now);
  const shown = all
    .filter((registrant) => matchesFilter(registrant, filter))
    .map(({ confirmNonce: _nonce, expiresAt: _expires, ...registrant }) => registrant)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    filter,
    total: all.length,
    shown: shown.length,
    counts: {
      status: countBy(shown, (r) => r.status),
      language: countBy(shown, (r) => r.language),
      attendance: countBy(shown, (r) => r.attendanceMode),
      group: countBy(shown, (r) => r.stakeholderGroup),
    },
    registrants: shown,
  };
}

/** Every registration of a review still kept, read page by page. */
export async function allRegistrants(
  deps: Needs<'store'>,
  reviewId: string,
  now: Date,
): Promise<Registrant[]> {
  const all: Registrant[] = [];
  for await (const page of deps.store.registrants.allPages(reviewId, now)) all.push(...page.items);
  return all;
}

export async function reviewOrNotFound(deps: Needs<'store'>, reviewId: string | undefined): Promise<Review> {
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  if (!review) throw new NotFoundError(`review ${reviewId}`);
  return review;
}
