import { promotedMessage, waitlistedMessage } from '../domain/messages';
import type { Plan, PlannedMeeting } from '../domain/plan';
import { attends, type Registrant } from '../domain/registrant';
import type { Review } from '../domain/review';
import { getRegistrant, setSeat } from '../store/registrants';
import {
  firstWaiting,
  joinWaitlist,
  leaveWaitlist,
  releaseSeat,
  reserveSeat,
  waitlistPosition,
} from '../store/seats';
import { type Links, notify } from './mailer';

/**
 * In-person places at the hybrid consultation. A registrant who attends it in person gets a place while there
 * are free ones, else joins the waiting list; a place given up goes to the first in line, who is told by email.
 * Every step is a single conditional write, and each step that finds the world changed (the person promoted,
 * cancelled or changed meanwhile) gives its place back, so the count of places never passes the capacity.
 */
export const hybridOf = (plan: Plan): PlannedMeeting | undefined =>
  plan.meetings.find((m) => m.kind === 'hybrid-consultation');

const wantsPlace = (registrant: Registrant, hybrid: PlannedMeeting | undefined): hybrid is PlannedMeeting =>
  !!hybrid &&
  registrant.status === 'confirmed' &&
  registrant.attendanceMode === 'in-person' &&
  attends(registrant, hybrid.id);

export interface Seating {
  meeting?: PlannedMeeting;
  seat?: 'seat' | 'waitlisted';
  position?: number;
}

/**
 * `tellWaitlisted`: tell a registrant put on the waiting list by email (the confirmation email says it itself).
 */
export async function seatRegistrant(
  review: Review,
  plan: Plan,
  registrant: Registrant,
  now: Date,
  links: Links,
  tellWaitlisted: boolean,
): Promise<Seating> {
  const hybrid = hybridOf(plan);
  if (!wantsPlace(registrant, hybrid)) return {};
  const { reviewId, email } = registrant;
  if (!hybrid.capacity) {
    await setSeat(reviewId, email, { status: 'seat' });
    return { meeting: hybrid, seat: 'seat' };
  }
  if (await reserveSeat(reviewId, hybrid.id, hybrid.capacity)) {
    if (await setSeat(reviewId, email, { status: 'seat' })) return { meeting: hybrid, seat: 'seat' };
    await giveBack(review, hybrid, now, links);
    return {};
  }
  const joinedAt = now.toISOString();
  await joinWaitlist(reviewId, hybrid.id, email, joinedAt);
  if (!(await setSeat(reviewId, email, { status: 'waitlisted', waitlistedAt: joinedAt }))) {
    await leaveWaitlist(reviewId, hybrid.id, email, joinedAt);
    return {};
  }
  const position = await waitlistPosition(reviewId, hybrid.id, email, joinedAt);
  if (tellWaitlisted)
    await notify(
      registrant,
      waitlistedMessage(review, registrant, hybrid, position, links.manage(registrant)),
    );
  return { meeting: hybrid, seat: 'waitlisted', position };
}

/** Gives up what `registrant` (as they were before a change or a cancellation) held: a place or a queue entry. */
export async function vacate(review: Review, plan: Plan, registrant: Registrant, now: Date, links: Links) {
  const hybrid = hybridOf(plan);
  if (!hybrid?.capacity) return;
  if (registrant.seat === 'seat') await giveBack(review, hybrid, now, links);
  if (registrant.seat === 'waitlisted' && registrant.waitlistedAt)
    await leaveWaitlist(registrant.reviewId, hybrid.id, registrant.email, registrant.waitlistedAt);
}

/** Returns a place and offers it to the first in line, and to the next if that one is gone meanwhile. */
async function giveBack(review: Review, hybrid: PlannedMeeting, now: Date, links: Links) {
  const { reviewId } = review;
  const capacity = hybrid.capacity as number;
  await releaseSeat(reviewId, hybrid.id);
  for (;;) {
    const next = await firstWaiting(reviewId, hybrid.id);
    if (!next || !(await reserveSeat(reviewId, hybrid.id, capacity))) return;
    const promoted =
      (await leaveWaitlist(reviewId, hybrid.id, next.email, next.joinedAt)) &&
      (await setSeat(reviewId, next.email, { status: 'seat' }, 'waitlisted'));
    if (!promoted) {
      await releaseSeat(reviewId, hybrid.id);
      continue;
    }
    const registrant = await getRegistrant(reviewId, next.email, now);
    if (registrant)
      await notify(registrant, promotedMessage(review, registrant, hybrid, links.manage(registrant)));
    return;
  }
}
