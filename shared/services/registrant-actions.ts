import { NotFoundError, ValidationError } from '#domain/errors';
import { confirmationMessage, knownAddressMessage, promotedMessage } from '#domain/messages';
import { planReview } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import { decideRegistration } from './approvals';
import type { Needs } from './dependencies';
import { linksFor } from './links';
import { notify } from './notify';
import { cancelConfirmed, type RegistrationDependencies } from './registration';
import { registrationCorrelationId } from './registration-correlation';
import { seatedMeetingOf } from './seating';

type ActionDependencies = RegistrationDependencies;

/** The audit log of one registration: what the secretariat did to it. */
export const registrantScope = (reviewId: string, email: string) =>
  `registrant:${reviewId}:${normalizeEmail(email)}`;

async function registrantOf(deps: Needs<'store'>, review: Review, email: string | undefined, now: Date) {
  const registrant = email ? await deps.store.registrants.get(review.reviewId, email, now) : undefined;
  if (!registrant) throw new NotFoundError(`registrant ${email} of review ${review.reviewId}`);
  return registrant;
}

/** One registration as the console shows it: its fields, its place in the queue, and what was done to it. */
export async function registrantDetail(
  deps: Needs<'store' | 'signingKey'>,
  review: Review,
  email: string | undefined,
  now: Date,
) {
  const {
    confirmNonce: _nonce,
    expiresAt: _expires,
    ...registrant
  } = await registrantOf(deps, review, email, now);
  const room = seatedMeetingOf(planReview(review, now));
  const position =
    registrant.seat === 'waitlisted' && room && registrant.waitlistedAt
      ? await deps.store.seats.waitlistPosition(
          review.reviewId,
          room.id,
          registrant.email,
          registrant.waitlistedAt,
        )
      : undefined;
  const history = await deps.store.audit.list(registrantScope(review.reviewId, registrant.email));
  const correlationId = await registrationCorrelationId(deps, review.reviewId, registrant.email);
  return { registrant: registrant as Registrant, waitlistPosition: position, history, correlationId };
}

export const REGISTRANT_ACTIONS = ['cancel', 'resend', 'place', 'approve', 'decline'] as const;
export type RegistrantAction = (typeof REGISTRANT_ACTIONS)[number];

/**
 * What the secretariat does to a registration on someone's behalf: cancel it (as its holder would, with the same
 * emails and calendar cancellations), send its link again (the confirmation link while pending, the manage link once
 * confirmed), give a waiting registrant a place that is free, or approve or decline (with `reason`) a registration
 * awaiting approval.
 */
export async function actOnRegistrant(
  deps: ActionDependencies,
  review: Review,
  email: string | undefined,
  action: string,
  now: Date,
  reason?: string,
): Promise<void> {
  const registrant = await registrantOf(deps, review, email, now);
  const plan = planReview(review, now);
  const links = linksFor(deps.site, now, await deps.signingKey());
  const refuse = (message: string): never => {
    throw new ValidationError([{ field: 'action', message }]);
  };
  switch (action) {
    case 'cancel':
      if (!(await cancelConfirmed(deps, review, plan, registrant, now)))
        refuse('only a confirmed registration can be cancelled');
      return;
    case 'resend':
      if (registrant.status === 'pending' && registrant.confirmNonce && registrant.expiresAt)
        await notify(
          deps,
          registrant,
          confirmationMessage(
            review,
            registrant,
            links.confirm(registrant, registrant.confirmNonce, registrant.expiresAt),
          ),
        );
      else if (registrant.status === 'confirmed')
        await notify(deps, registrant, knownAddressMessage(review, registrant, links.manage(registrant)));
      else refuse('a cancelled registration has no link to send');
      return;
    case 'approve':
    case 'decline':
      await decideRegistration(
        deps,
        review,
        registrant.email,
        {
          decision: action,
          ...(action === 'decline' && reason ? { reason } : {}),
        },
        now,
      );
      return;
    case 'place':
      await givePlace(deps, review, registrant, plan, links.manage(registrant));
      return;
    default:
      refuse(`must be one of ${REGISTRANT_ACTIONS.join(', ')}`);
  }
}

/** A waiting registrant takes a free place, ahead of the queue; there must be one (raise the capacity first). */
async function givePlace(
  deps: ActionDependencies,
  review: Review,
  registrant: Registrant,
  plan: ReturnType<typeof planReview>,
  manageUrl: string,
) {
  const room = seatedMeetingOf(plan);
  const refuse = (message: string): never => {
    throw new ValidationError([{ field: 'action', message }]);
  };
  if (!room?.capacity || registrant.seat !== 'waitlisted' || !registrant.waitlistedAt)
    return refuse('only a registrant on the waiting list can be given a place');
  const { seats, registrants } = deps.store;
  if (!(await seats.reserve(review.reviewId, room.id, room.capacity, registrant.email)))
    return refuse(`every one of the ${room.capacity} places is taken: raise the capacity first`);
  const moved =
    (await seats.leaveWaitlist(review.reviewId, room.id, registrant.email, registrant.waitlistedAt)) &&
    (await registrants.setSeat(review.reviewId, registrant.email, { status: 'seat' }, 'waitlisted'));
  if (!moved) {
    await seats.release(review.reviewId, room.id, registrant.email);
    return refuse('the registration changed meanwhile: reload the page');
  }
  await notify(deps, registrant, promotedMessage(review, registrant, room, manageUrl));
}
