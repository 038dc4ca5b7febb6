import type { HeldInvite } from '#domain/calendar';
import { firingForLog, type MeetingChangeFiring } from '#domain/firing';
import { dateChangedMessage, meetingCancelledMessage } from '#domain/messages';
import { type Plan, type PlannedMeeting, planReview } from '#domain/plan';
import { attends, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { meetingCancellations, meetingInvite } from '#mail/calendar-invite';
import {
  countsForLog,
  deliverRound,
  type RemainingTime,
  type RoundDependencies,
  type RoundOutcome,
} from './delivery-round';
import type { Needs } from './dependencies';
import type { Links } from './links';
import { attendeesOf, currentInvite, milestoneDelivery } from './milestone-round';

/**
 * A meeting that registrants hold an invitation for moved, lost its date, or was cancelled (alone or with its
 * review). Each holder of an older invitation gets one email: "date changed" with the updated invite (a higher
 * SEQUENCE), or "cancelled" with METHOD:CANCEL. Registrants never invited (the invitation milestone had not come)
 * get nothing now: the invitation will come at its new time. Reminders follow the plan, so they move or vanish
 * with it. A change superseded by a newer one before it ran is stale: the newer one tells the same people.
 */
export async function runMeetingChange(
  deps: RoundDependencies,
  firing: MeetingChangeFiring,
  links: Links,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const { store, clock, site, log } = deps;
  const review = await store.reviews.get(firing.reviewId);
  const entry = review?.calendar?.[firing.meetingId];
  if (!review || entry?.sequence !== firing.sequence) {
    const reason = `superseded by sequence ${entry?.sequence ?? 'none'}`;
    log('stale meeting change ignored', { ...firingForLog(firing), reason });
    return { status: 'stale', reason };
  }
  const now = firing.scheduledTime ? new Date(firing.scheduledTime) : clock.now();
  const plan = planReview(review, now);
  const meeting = plan.meetings.find((m) => m.id === firing.meetingId && m.startsAt);
  const moved = review.status === 'active' && meeting !== undefined;
  const held = new Map<string, HeldInvite>();
  const updated = (invite: HeldInvite) => currentInvite(review, meeting as PlannedMeeting, invite);
  const cancelledAfter = (invite: HeldInvite): HeldInvite => ({
    ...invite,
    sequence: firing.sequence,
    emitted: invite.emitted + 1,
    cancelled: true,
  });

  const counts = await deliverRound(
    deps,
    {
      reviewId: review.reviewId,
      milestoneId: `${firing.meetingId}.change-${firing.sequence}`,
      at: entry.startsAt ?? 'none',
    },
    attendeesOf(deps, review.reviewId, firing.meetingId, firing.after),
    (registrant) => {
      const invite = held.get(registrant.email) as HeldInvite;
      const manageUrl = links.manage(registrant);
      const common = {
        review,
        registrant,
        organizer: site.mailFrom,
        now: clock.now(),
        description: manageUrl,
      };
      if (moved) {
        const calendarInvite = meetingInvite('REQUEST', {
          ...common,
          meeting,
          held: currentInvite(review, meeting),
        });
        return dateChangedMessage(review, meeting, registrant, manageUrl, calendarInvite);
      }
      const calendarInvite = meetingInvite('CANCEL', {
        ...common,
        meeting: { id: firing.meetingId, kind: invite.kind, title: invite.title },
        held: cancelledAfter(invite),
      });
      return meetingCancelledMessage(review, invite, invite, registrant, manageUrl, calendarInvite);
    },
    {
      include: async (registrant) => {
        const invite = await store.calendar.held(review.reviewId, firing.meetingId, registrant.email);
        // An invitation to an occurrence already held is history, not something to update or cancel.
        if (!invite || invite.cancelled || invite.sequence >= firing.sequence) return false;
        if (Date.parse(invite.startsAt) <= now.getTime()) return false;
        held.set(registrant.email, invite);
        return true;
      },
      afterSent: async (registrant) => {
        const invite = held.get(registrant.email) as HeldInvite;
        await store.calendar.recordHeld(
          review.reviewId,
          firing.meetingId,
          registrant.email,
          moved ? updated(invite) : cancelledAfter(invite),
        );
      },
    },
    remainingMs,
  );
  if (!counts.next) await store.changes.markTold(review.reviewId, firing.meetingId, firing.sequence);
  log('meeting change round', { ...firingForLog(firing), moved, ...countsForLog(counts) });
  return { status: 'done', ...counts };
}

/**
 * A registrant who joins (or adds a meeting) after its invitation went out gets it at once, in the same delivery
 * round as everyone else's, so never twice; reminders whose time has passed are not sent. `at` is the time of
 * joining (the request's time).
 */
export async function sendLateInvitations(
  deps: Needs<'store' | 'mailer' | 'clock' | 'sending' | 'site' | 'log' | 'metrics'>,
  review: Review,
  plan: Plan,
  registrant: Registrant,
  links: Links,
  at: Date,
): Promise<void> {
  const now = at.getTime();
  for (const meeting of plan.meetings) {
    if (!meeting.startsAt || Date.parse(meeting.startsAt) <= now || !attends(registrant, meeting.id))
      continue;
    const invitation = meeting.milestones.find((m) => m.kind === meeting.kind);
    if (!invitation || Date.parse(invitation.at) > now) continue;
    // Back after cancelling (or after dropping the meeting): a round of its own, the first one having sent theirs.
    const held = await deps.store.calendar.held(review.reviewId, meeting.id, registrant.email);
    const round = held?.cancelled ? `${invitation.id}.again-${held.emitted}` : invitation.id;
    const delivery = milestoneDelivery(deps, review, meeting, invitation, links);
    await deliverRound(
      deps,
      { reviewId: review.reviewId, milestoneId: round, at: invitation.at },
      (async function* () {
        yield { items: [registrant] };
      })(),
      delivery.compose,
      delivery.hooks,
    );
  }
}

/**
 * When a registrant cancels their registration, or drops meetings from it: the cancellation (METHOD:CANCEL, one
 * event per meeting) of every invitation their calendar holds to those of `meetings` still to come, and the write
 * that records it once sent.
 */
export async function heldInvitationsToCancel(
  deps: Needs<'store' | 'site'>,
  review: Review,
  meetings: PlannedMeeting[],
  registrant: Registrant,
  at: Date,
) {
  const { calendar } = deps.store;
  const held: { meeting: PlannedMeeting; invite: HeldInvite }[] = [];
  for (const meeting of meetings) {
    const invite = await calendar.held(review.reviewId, meeting.id, registrant.email);
    if (!invite || invite.cancelled || Date.parse(invite.startsAt) <= at.getTime()) continue;
    held.push({ meeting, invite: { ...invite, emitted: invite.emitted + 1 } });
  }
  if (held.length === 0) return { calendarInvite: undefined, recordCancelled: async () => undefined };
  const calendarInvite = meetingCancellations(
    held.map(({ meeting, invite }) => ({
      review,
      meeting,
      registrant,
      organizer: deps.site.mailFrom,
      held: invite,
      description: '',
      now: at,
    })),
  );
  const recordCancelled = async () => {
    for (const { meeting, invite } of held)
      await calendar.recordHeld(review.reviewId, meeting.id, registrant.email, {
        ...invite,
        cancelled: true,
      });
  };
  return { calendarInvite, recordCancelled };
}
