import { promotedMessage, waitlistedMessage } from '#domain/messages';
import type { Plan, PlannedMeeting } from '#domain/plan';
import { attends, inPersonAt, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import type { Needs } from './dependencies';
import type { Links } from './links';
import { notify } from './notify';

type SeatingDependencies = Needs<'store' | 'mailer' | 'log'>;

/**
 * In-person places at the hybrid consultation. A registrant who attends it in person gets a place while there
 * are free ones, else joins the waiting list; a place given up goes to the first in line, who is told by email.
 * Every step is a single conditional write, and each step that finds the world changed (the person promoted,
 * cancelled or changed meanwhile) gives its place back, so the count of places never passes the capacity.
 */
export const hybridOf = (plan: Plan): PlannedMeeting | undefined =>
  plan.meetings.find((m) => m.kind === 'hybrid-consultation');

/** Whether a registration, as it stands, asks for a place in the room of the plan's hybrid consultation. */
export const asksForPlace = (registrant: Registrant, plan: Plan): boolean => {
  const hybrid = hybridOf(plan);
  return !!hybrid && attends(registrant, hybrid.id) && inPersonAt(registrant, hybrid);
};

export interface Seating {
  meeting?: PlannedMeeting;
  seat?: 'seat' | 'waitlisted';
  position?: number;
}

/**
 * `tellWaitlisted`: tell a registrant put on the waiting list by email (the confirmation email says it itself).
 */
export async function seatRegistrant(
  deps: SeatingDependencies,
  review: Review,
  plan: Plan,
  registrant: Registrant,
  now: Date,
  links: Links,
  tellWaitlisted: boolean,
): Promise<Seating> {
  const { seats, registrants } = deps.store;
  const hybrid = hybridOf(plan);
  if (!hybrid || registrant.status !== 'confirmed' || !asksForPlace(registrant, plan)) return {};
  const { reviewId, email } = registrant;
  if (!hybrid.capacity) {
    await registrants.setSeat(reviewId, email, { status: 'seat' });
    return { meeting: hybrid, seat: 'seat' };
  }
  if (await seats.reserve(reviewId, hybrid.id, hybrid.capacity)) {
    if (await registrants.setSeat(reviewId, email, { status: 'seat' }))
      return { meeting: hybrid, seat: 'seat' };
    await giveBack(deps, review, hybrid, now, links);
    return {};
  }
  const joinedAt = now.toISOString();
  await seats.joinWaitlist(reviewId, hybrid.id, email, joinedAt);
  if (!(await registrants.setSeat(reviewId, email, { status: 'waitlisted', waitlistedAt: joinedAt }))) {
    await seats.leaveWaitlist(reviewId, hybrid.id, email, joinedAt);
    return {};
  }
  const position = await seats.waitlistPosition(reviewId, hybrid.id, email, joinedAt);
  if (tellWaitlisted)
    await notify(
      deps,
      registrant,
      waitlistedMessage(review, registrant, hybrid, position, links.manage(registrant)),
    );
  return { meeting: hybrid, seat: 'waitlisted', position };
}

/** Gives up what `registrant` (as they were before a change or a cancellation) held: a place or a queue entry. */
export async function vacate(
  deps: SeatingDependencies,
  review: Review,
  plan: Plan,
  registrant: Registrant,
  now: Date,
  links: Links,
) {
  const hybrid = hybridOf(plan);
  if (!hybrid?.capacity) return;
  if (registrant.seat === 'seat') await giveBack(deps, review, hybrid, now, links);
  if (registrant.seat === 'waitlisted' && registrant.waitlistedAt)
    await deps.store.seats.leaveWaitlist(
      registrant.reviewId,
      hybrid.id,
      registrant.email,
      registrant.waitlistedAt,
    );
}

/** Returns a place and offers it to the first in line, and to the next if that one is gone meanwhile. */
async function giveBack(
  deps: SeatingDependencies,
  review: Review,
  hybrid: PlannedMeeting,
  now: Date,
  links: Links,
) {
  const { seats, registrants } = deps.store;
  const { reviewId } = review;
  const capacity = hybrid.capacity as number;
  await seats.release(reviewId, hybrid.id);
  for (;;) {
    const next = await seats.firstWaiting(reviewId, hybrid.id);
    if (!next || !(await seats.reserve(reviewId, hybrid.id, capacity))) return;
    const promoted =
      (await seats.leaveWaitlist(reviewId, hybrid.id, next.email, next.joinedAt)) &&
      (await registrants.setSeat(reviewId, next.email, { status: 'seat' }, 'waitlisted'));
    if (!promoted) {
      await seats.release(reviewId, hybrid.id);
      continue;
    }
    const registrant = await registrants.get(reviewId, next.email, now);
    if (registrant)
      await notify(deps, registrant, promotedMessage(review, registrant, hybrid, links.manage(registrant)));
    return;
  }
}
