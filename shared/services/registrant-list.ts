import { z } from 'zod';
import { NotFoundError } from '#domain/errors';
import { attends, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import type { Needs } from './dependencies';

/** What the console filters a review's registrants by; every field optional, empty ones ignored. */
export const RegistrantFilter = z.object({
  meeting: z.string().optional(),
  attendance: z.string().optional(),
  language: z.string().optional(),
  group: z.string().optional(),
  country: z.string().optional(),
  status: z.string().optional(),
  /** Part of a name, address or organisation, in any case. */
  q: z.string().max(100).optional(),
});
export type RegistrantFilter = z.infer<typeof RegistrantFilter>;

const matches = (registrant: Registrant, filter: RegistrantFilter): boolean => {
  const q = filter.q?.trim().toLowerCase();
  return (
    (!filter.meeting || attends(registrant, filter.meeting)) &&
    (!filter.attendance || registrant.attendanceMode === filter.attendance) &&
    (!filter.language || registrant.language === filter.language) &&
    (!filter.group || registrant.stakeholderGroup === filter.group) &&
    (!filter.country || registrant.country === filter.country) &&
    (!filter.status || registrant.status === filter.status) &&
    (!q ||
      [registrant.name, registrant.email, registrant.organisation ?? ''].some((text) =>
        text.toLowerCase().includes(q),
      ))
  );
};

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
  const filter = RegistrantFilter.parse(
    Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== '')),
  );
  const all = await allRegistrants(deps, review.reviewId, now);
  const shown = all
    .filter((registrant) => matches(registrant, filter))
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
