import type { Review } from '#domain/review';
import { type LinkProblem, verifyToken } from '#domain/tokens';
import type { Needs } from './dependencies';

export type UnsubscribeCheck =
  | { ok: true; review: Review; email: string }
  | { ok: false; reason: Exclude<LinkProblem, 'used'> };

export async function checkUnsubscribeLink(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<UnsubscribeCheck> {
  const check = verifyToken(token, 'unsubscribe', await deps.signingKey(), now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const review = await deps.store.reviews.get(check.claims.reviewId);
  if (!review) return { ok: false, reason: 'missing' };
  return { ok: true, review, email: check.claims.email };
}

/**
 * One click (RFC 8058) and it is done: a registrant gets no more reminders or notices for this review (their
 * registration, its changes and the meetings' changes still reach them); a contact who was only invited gets no
 * more invitations. Doing it twice changes nothing.
 */
export async function unsubscribe(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<UnsubscribeCheck> {
  const check = await checkUnsubscribeLink(deps, token, now);
  if (!check.ok) return check;
  if (!(await deps.store.registrants.markUnsubscribed(check.review.reviewId, check.email, now)))
    await deps.store.invitations.optOut(check.email, now);
  return check;
}
