import type { Review } from '../domain/review';
import { verifyToken } from '../domain/tokens';
import { optOutOfInvitations } from '../store/invitations';
import { markUnsubscribed } from '../store/registrants';
import { getReview } from '../store/reviews';

export type UnsubscribeCheck =
  | { ok: true; review: Review; email: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'missing' };

export async function checkUnsubscribeLink(
  token: string,
  now: Date,
  tokenKey: string,
): Promise<UnsubscribeCheck> {
  const check = verifyToken(token, 'unsubscribe', tokenKey, now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const review = await getReview(check.claims.reviewId);
  if (!review) return { ok: false, reason: 'missing' };
  return { ok: true, review, email: check.claims.email };
}

/**
 * One click (RFC 8058) and it is done: a registrant gets no more reminders or notices for this review (their
 * registration, its changes and the meetings' changes still reach them); a contact who was only invited gets no
 * more invitations. Doing it twice changes nothing.
 */
export async function unsubscribe(token: string, now: Date, tokenKey: string): Promise<UnsubscribeCheck> {
  const check = await checkUnsubscribeLink(token, now, tokenKey);
  if (!check.ok) return check;
  if (!(await markUnsubscribed(check.review.reviewId, check.email, now)))
    await optOutOfInvitations(check.email, now);
  return check;
}
