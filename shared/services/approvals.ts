import * as z from 'zod';
import { NotFoundError, parseOrThrow, ValidationError } from '#domain/errors';
import { registrationDeclinedMessage } from '#domain/messages';
import type { Review } from '#domain/review';
import { oneLineText } from '#domain/text';
import { notify } from './notify';
import { holdsOrganisationPlace, type RegistrationDependencies, welcomeConfirmed } from './registration';

/** The secretariat's decision on a registration awaiting approval: the reason, told to the registrant, optional. */
export const ApprovalDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({ decision: z.literal('decline'), reason: oneLineText(500).optional() }).strict(),
]);

/**
 * Approves a registration (it is then confirmed as if no approval were needed: a place or the waiting list, the
 * confirmation email with the manage link, the invitations already sent to others) or declines it (the
 * organisation's place is given back and the registrant is told, with the reason). Each decision is one
 * conditional write: deciding twice, or at once from two consoles, acts once.
 */
export async function decideRegistration(
  deps: RegistrationDependencies,
  review: Review,
  email: string | undefined,
  body: unknown,
  now: Date,
) {
  const decision = parseOrThrow(ApprovalDecision, body);
  const registrant = email ? await deps.store.registrants.get(review.reviewId, email, now) : undefined;
  if (!registrant) throw new NotFoundError(`registrant ${email} of review ${review.reviewId}`);
  const to = decision.decision === 'approve' ? 'confirmed' : 'declined';
  const reason = decision.decision === 'decline' ? decision.reason : undefined;
  if (!(await deps.store.registrants.decide(review.reviewId, registrant.email, to, now, reason)))
    throw new ValidationError([
      { field: 'decision', message: 'only a registration awaiting approval can be approved or declined' },
    ]);
  if (to === 'confirmed') await welcomeConfirmed(deps, review, { ...registrant, status: 'confirmed' }, now);
  else {
    if (holdsOrganisationPlace(review, registrant))
      await deps.store.organisations.release(review.reviewId, registrant.organisation as string);
    await notify(deps, registrant, registrationDeclinedMessage(review, registrant, reason));
  }
  return { registrant: await deps.store.registrants.get(review.reviewId, registrant.email, now) };
}
