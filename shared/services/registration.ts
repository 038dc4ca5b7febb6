import { parseOrThrow, ValidationError } from '../domain/errors';
import { alreadyRegisteredMessage, confirmationMessage, reviewTitle } from '../domain/messages';
import { RegistrationInput } from '../domain/registrant';
import { CONFIRMATION_TOKEN_TTL_SECONDS, issueToken, verifyToken } from '../domain/tokens';
import { epochSeconds } from '../store/keys';
import { confirmRegistrant, getRegistrant, recordPendingRegistrant } from '../store/registrants';
import { getReview } from '../store/reviews';
import { publicUrl, sendMessage } from './mailer';

/**
 * A stakeholder registers: a pending registration and a confirmation link by email. The caller answers the same
 * whatever happened here, so that the answer never tells whether an address is already registered; the email
 * tells its owner.
 */
export async function register(body: unknown, now: Date, tokenKey: string): Promise<void> {
  const input = parseOrThrow(RegistrationInput, body);
  const review = await getReview(input.reviewId);
  if (review?.status !== 'active')
    throw new ValidationError([
      { field: 'reviewId', message: `there is no open review "${input.reviewId}"` },
    ]);

  const registrant = await recordPendingRegistrant(
    {
      reviewId: input.reviewId,
      email: input.email,
      name: input.name,
      language: input.language,
      status: 'pending',
      createdAt: now.toISOString(),
      expiresAt: epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
    },
    now,
  );
  const to = { address: input.email, name: registrant.name };
  if (registrant.status === 'confirmed') {
    await sendMessage(to, alreadyRegisteredMessage(review, registrant));
    return;
  }
  const token = issueToken(
    {
      purpose: 'confirm-registration',
      reviewId: registrant.reviewId,
      email: registrant.email,
      exp: registrant.expiresAt ?? epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
    },
    tokenKey,
  );
  await sendMessage(to, confirmationMessage(review, registrant, publicUrl('confirm', { token })));
}

export type ConfirmationOutcome =
  | { status: 'confirmed' | 'already-confirmed'; reviewTitle: string }
  | { status: 'invalid'; reason: 'malformed' | 'forged' | 'expired' | 'missing' };

/** The confirmation button's POST. Confirming twice is harmless and says so. */
export async function confirm(token: string, now: Date, tokenKey: string): Promise<ConfirmationOutcome> {
  const check = verifyToken(token, 'confirm-registration', tokenKey, now);
  if (!check.ok) return { status: 'invalid', reason: check.reason };
  const { reviewId, email } = check.claims;
  const review = await getReview(reviewId);
  if (!review) return { status: 'invalid', reason: 'missing' };
  if (await confirmRegistrant(reviewId, email, now))
    return { status: 'confirmed', reviewTitle: reviewTitle(review) };
  const registrant = await getRegistrant(reviewId, email, now);
  if (registrant?.status === 'confirmed')
    return { status: 'already-confirmed', reviewTitle: reviewTitle(review) };
  return { status: 'invalid', reason: 'expired' };
}
