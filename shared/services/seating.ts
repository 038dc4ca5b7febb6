import { heldInPerson } from '#domain/meetings';
import { promotedMessage, waitlistedMessage } from '#domain/messages';
import type { Plan, PlannedMeeting } from '#domain/plan';
import { attends, inPersonAt, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import type { Needs } from './dependencies';
import type { Links } from './links';
import { notify } from './notify';

type SeatingDependencies = Needs<'store' | 'mailer' | 'log'>;

/**
 * In-person places at the one meeting of a review whose room has a number of places (the hybrid consultation, or
 * any meeting held in person or hybrid that is given a capacity). A registrant who attends it in person gets a
 * place while there are free ones, else joins the waiting list; a place given up goes to the first in line, who is
 * told by email. Every step is a single conditional write, and each step that finds the world changed (the person promoted,
 * cancelled or changed meanwhile) gives its place back, so the count of places never passes the capacity.
 */
export const seatedMeetingOf = (plan: Plan): PlannedMeeting | undefined =>
  plan.meetings.find((m) => m.capacity !== undefined && heldInPerson(m)) ??
  plan.meetings.find((m) => m.kind === 'hybrid-consultation');

/** Whether a registration, as it stands, asks for a place in the room of the plan's seated meeting. */
export const asksForPlace = (registrant: Registrant, plan: Plan): boolean => {
  const room = seatedMeetingOf(plan);
  return !!room && attends(registrant, room.id) && inPersonAt(registrant, room);
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
  const room = seatedMeetingOf(plan);
  if (!room || registrant.status !== 'confirmed' || !asksForPlace(registrant, plan)) return {};
  const { reviewId, email } = registrant;
  if (!room.capacity) {
    await registrants.setSeat(reviewId, email, { status: 'seat' });
    return { meeting: room, seat: 'seat' };
  }
  const reserve = () => seats.reserve(reviewId, room.id, room.capacity as number, email);
  if (
    (await reserve()) ||
    ((await giveBackUnheld(deps, review, plan, room, now, links)) && (await reserve()))
  ) {
    if (await registrants.setSeat(reviewId, email, { status: 'seat' }))
      return { meeting: room, seat: 'seat' };
    await giveBack(deps, review, room, email, now, links);
    return {};
  }
  const joinedAt = now.toISOString();
  await seats.joinWaitlist(reviewId, room.id, email, joinedAt);
  if (!(await registrants.setSeat(reviewId, email, { status: 'waitlisted', waitlistedAt: joinedAt }))) {
    await seats.leaveWaitlist(reviewId, room.id, email, joinedAt);
    return {};
  }
  const position = await seats.waitlistPosition(reviewId, room.id, email, joinedAt);
  if (tellWaitlisted)
    await notify(
      deps,
      registrant,
      waitlistedMessage(review, registrant, room, position, links.manage(registrant)),
    );
  return { meeting: room, seat: 'waitlisted', position };
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
  const room = seatedMeetingOf(plan);
  if (!room?.capacity) return;
  if (registrant.seat === 'seat') await giveBack(deps, review, room, registrant.email, now, links);
  if (registrant.seat === 'waitlisted' && registrant.waitlistedAt)
    await deps.store.seats.leaveWaitlist(
      registrant.reviewId,
      room.id,
      registrant.email,
      registrant.waitlistedAt,
    );
}

/**
 * Places whose holder's registration no longer holds them (a crash between a cancellation and the place's release),
 * found when the meeting looks full: each is given back, to the first in line. A holder whose registration asks for
 * a place but does not record it yet (a crash between taking the place and recording it) gets it recorded. Answers
 * whether a place came free.
 */
async function giveBackUnheld(
  deps: SeatingDependencies,
  review: Review,
  plan: Plan,
  room: PlannedMeeting,
  now: Date,
  links: Links,
): Promise<boolean> {
  const { seats, registrants } = deps.store;
  let freed = false;
  for (const holder of await seats.holders(review.reviewId, room.id)) {
    const registrant = await registrants.get(review.reviewId, holder, now);
    if (registrant?.status === 'confirmed' && asksForPlace(registrant, plan)) {
      if (registrant.seat !== 'seat') await registrants.setSeat(review.reviewId, holder, { status: 'seat' });
      continue;
    }
    await giveBack(deps, review, room, holder, now, links);
    freed = true;
  }
  return freed;
}

/**
 * Returns the place `holder` held and offers it to the first in line, and to the next if that one is gone
 * meanwhile.
 */
export async function giveBack(
  deps: SeatingDependencies,
  review: Review,
  room: PlannedMeeting,
  holder: string,
  now: Date,
  links: Links,
) {
  const { seats, registrants } = deps.store;
  const { reviewId } = review;
  const capacity = room.capacity as number;
  await seats.release(reviewId, room.id, holder);
  for (;;) {
    const next = await seats.firstWaiting(reviewId, room.id);
    if (!next || !(await seats.reserve(reviewId, room.id, capacity, next.email))) return;
    const promoted =
      (await seats.leaveWaitlist(reviewId, room.id, next.email, next.joinedAt)) &&
      (await registrants.setSeat(reviewId, next.email, { status: 'seat' }, 'waitlisted'));
    if (!promoted) {
      await seats.release(reviewId, room.id, next.email);
      continue;
    }
    const registrant = await registrants.get(reviewId, next.email, now);
    if (registrant)
      await notify(deps, registrant, promotedMessage(review, registrant, room, links.manage(registrant)));
    return;
  }
}
