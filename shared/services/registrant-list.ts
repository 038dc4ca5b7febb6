import * as z from 'zod';
import { ValidationError } from '#domain/errors';
import type { Registrant } from '#domain/registrant';
import { filterOf, matchesFilter } from '#domain/registrant-filter';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import type { PageRequest } from '#store/pages';
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
    .sort((a, b) => (listPosition(a) < listPosition(b) ? -1 : listPosition(a) > listPosition(b) ? 1 : 0));
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

/** A registrant's place in a list, oldest first, then by address: where a page's cursor says it ended. */
const listPosition = (r: Registrant) => `${r.createdAt} ${normalizeEmail(r.email)}`;

/** Where a page of registrants ends: the last one's registration time and address. */
const RegistrantCursor = z.object({ createdAt: z.string(), email: z.string() });

/**
 * A page of a registrant list (oldest first), after the registrant `request.after` names. The counts need every
 * registration read anyway (a few thousand a review), so the page is cut from that read rather than queried.
 */
export function pageOfRegistrants<L extends { registrants: Registrant[] }>(list: L, request: PageRequest) {
  const after = request.after && RegistrantCursor.safeParse(request.after);
  if (after && !after.success)
    throw new ValidationError([{ field: 'cursor', message: 'not a cursor of this listing' }]);
  const from = after ? `${after.data.createdAt} ${after.data.email}` : undefined;
  const start = from === undefined ? 0 : list.registrants.findIndex((r) => listPosition(r) > from);
  const rest = start < 0 ? [] : list.registrants.slice(start);
  const registrants = rest.slice(0, request.limit);
  const last = registrants.at(-1);
  const next =
    rest.length > request.limit && last
      ? { createdAt: last.createdAt, email: normalizeEmail(last.email) }
      : undefined;
  return { ...list, registrants, ...(next ? { next } : {}) };
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
