import { type HeldInvite, nextEmitted } from '#domain/calendar';
import { firingForLog, type MilestoneFiring } from '#domain/firing';
import { milestoneMessage } from '#domain/messages';
import { type Milestone, type PlannedMeeting, planReview } from '#domain/plan';
import { attends, type Registrant } from '#domain/registrant';
import { MEETING_KINDS, type Review } from '#domain/review';
import { meetingInvite } from '#mail/calendar-invite';
import type { DeliveryRound } from '#store/keys';
import type { Cursor, Page } from '#store/pages';
import {
  countsForLog,
  deliverRound,
  type RemainingTime,
  type RoundDependencies,
  type RoundOutcome,
} from './delivery-round';
import type { Dependencies, Needs } from './dependencies';
import type { Links } from './links';
import { deliverReviewNotice } from './review-notices';

/** A meeting's first milestone invites to it, and is of the meeting's own kind. */
const isInvitation = (milestone: Milestone) => (MEETING_KINDS as readonly string[]).includes(milestone.kind);

/** The invitation a registrant's calendar should hold of a confirmed meeting now, after what it held before. */
export function currentInvite(review: Review, meeting: PlannedMeeting, previous?: HeldInvite): HeldInvite {
  const sequence = review.calendar?.[meeting.id]?.sequence ?? 0;
  return {
    sequence,
    emitted: nextEmitted(sequence, previous),
    startsAt: meeting.startsAt as string,
    // A meeting of several days is one event in the calendar, from its first day's start to its last day's end.
    durationMinutes: (Date.parse(meeting.endsAt as string) - Date.parse(meeting.startsAt as string)) / 60_000,
    kind: meeting.kind,
    ...(meeting.title ? { title: meeting.title } : {}),
    timeZone: meeting.timeZone,
  };
}

/**
 * One milestone's email to one registrant: the invitation carries the calendar invite (and is then what their
 * calendar holds); materials and reminders can be unsubscribed from.
 */
export function milestoneEmail(
  site: Dependencies['site'],
  review: Review,
  meeting: PlannedMeeting,
  milestone: Milestone,
  registrant: Registrant,
  links: Links,
  now: Date,
  held: HeldInvite = currentInvite(review, meeting),
) {
  const invite = isInvitation(milestone)
    ? meetingInvite('REQUEST', {
        review,
        meeting,
        registrant,
        organizer: site.mailFrom,
        held,
        description: links.manage(registrant),
        now,
      })
    : undefined;
  return milestoneMessage(review, meeting, milestone, registrant, {
    manageUrl: links.manage(registrant),
    unsubscribe: links.unsubscribe(review.reviewId, registrant.email),
    calendarInvite: invite,
  });
}

/**
 * A round of one milestone's email: who is still to get it (an invitation goes to whoever does not hold the
 * current one yet: a late joiner got it on joining, a date change sent the update; reminders and materials skip
 * those who unsubscribed), the email each gets, and, for an invitation, what their calendar then holds.
 */
export function milestoneDelivery(
  deps: Needs<'store' | 'site' | 'clock'>,
  review: Review,
  meeting: PlannedMeeting,
  milestone: Milestone,
  links: Links,
) {
  const { calendar } = deps.store;
  const previous = new Map<string, HeldInvite | undefined>();
  const inviteFor = (email: string) => currentInvite(review, meeting, previous.get(email));
  return {
    compose: (registrant: Registrant) =>
      milestoneEmail(
        deps.site,
        review,
        meeting,
        milestone,
        registrant,
        links,
        deps.clock.now(),
        inviteFor(registrant.email),
      ),
    hooks: {
      include: async (registrant: Registrant): Promise<boolean> => {
        if (!isInvitation(milestone)) return !registrant.unsubscribedAt;
        const held = await calendar.held(review.reviewId, meeting.id, registrant.email);
        previous.set(registrant.email, held);
        return held?.sequence !== inviteFor(registrant.email).sequence || held.cancelled === true;
      },
      afterSent: async (registrant: Registrant) => {
        if (isInvitation(milestone))
          await calendar.recordHeld(
            review.reviewId,
            meeting.id,
            registrant.email,
            inviteFor(registrant.email),
          );
      },
    },
  };
}

/**
 * Sends a milestone's email to every confirmed registrant who attends its meeting, each exactly once, however
 * often the Scheduler fires. A firing is stale, and does nothing but log, when it carries an older version of the
 * review than the stored one (every write of a review updates its jobs, so the current version's firing carries
 * the round), or when the review no longer plans this milestone at this instant. One exception: a round that an
 * older version's firing already started (a crash cut it short, the review was edited before the retry) is
 * finished by that retry if the milestone is unchanged, since no other firing will come for it.
 * A round too large for one invocation answers `next`, where the continuation takes it up.
 */
export async function runMilestoneRound(
  deps: RoundDependencies,
  firing: MilestoneFiring,
  links: Links,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const review = await deps.store.reviews.get(firing.reviewId);
  const stale = (reason: string): RoundOutcome => {
    deps.log('stale firing ignored', { ...firingForLog(firing), reason });
    return { status: 'stale', reason };
  };
  if (!review) return stale('review not found');
  if (review.status !== 'active') return stale(`review is ${review.status}`);
  const plan = planReview(review, new Date(firing.at));
  const milestone = plan.milestones.find((m) => m.id === firing.milestoneId);
  if (!milestone) return stale(`milestone no longer planned (review version ${review.version})`);
  if (milestone.at !== firing.at)
    return stale(`milestone moved to ${milestone.at} (review version ${review.version})`);
  const round: DeliveryRound = { reviewId: review.reviewId, milestoneId: milestone.id, at: milestone.at };
  if (
    firing.version !== review.version &&
    !firing.after &&
    !(await deps.store.deliveries.roundStarted(round))
  )
    return stale(`version ${firing.version} superseded by version ${review.version}`);

  let counts: Awaited<ReturnType<typeof deliverRound>>;
  if (milestone.meetingId === undefined) {
    counts = await deliverReviewNotice(
      deps,
      review,
      plan,
      milestone,
      round,
      links,
      firing.after,
      remainingMs,
    );
  } else {
    const meeting = plan.meetings.find((m) => m.id === milestone.meetingId);
    if (!meeting) return stale('meeting no longer planned');
    const delivery = milestoneDelivery(deps, review, meeting, milestone, links);
    counts = await deliverRound(
      deps,
      round,
      attendeesOf(deps, review.reviewId, meeting.id, firing.after),
      delivery.compose,
      delivery.hooks,
      remainingMs,
    );
  }
  deps.log('milestone round', { ...firingForLog(firing), ...countsForLog(counts) });
  return { status: 'done', ...counts };
}

/** The confirmed registrants who attend a meeting, a page at a time. */
export async function* attendeesOf(
  deps: Needs<'store'>,
  reviewId: string,
  meetingId: string,
  after?: Cursor,
): AsyncGenerator<Page<Registrant>> {
  for await (const page of deps.store.registrants.confirmedPages(reviewId, after))
    yield {
      items: page.items.filter((r) => attends(r, meetingId)),
      ...(page.next ? { next: page.next } : {}),
    };
}
