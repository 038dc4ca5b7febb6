import { randomBytes } from 'node:crypto';
import type { SenderFiring } from '#domain/firing';
import { nextMinuteButOne } from '#scheduling/job-names';
import { runAnnouncement } from './announcements';
import type { RemainingTime, RoundOutcome } from './delivery-round';
import type { Dependencies } from './dependencies';
import { runInvitationReminder } from './invitation-reminders';
import { runInvitationRound } from './invitations';
import { currentLinks } from './links';
import { runMeetingChange } from './meeting-changes';
import { runMilestoneRound } from './milestone-round';

/**
 * Runs whatever round the sending function was invoked for. A round larger than one invocation can carry stops
 * at a page boundary before time runs out; the rest goes on in a continuation job a minute later, which starts
 * reading recipients where this one stopped (those already done are skipped by their delivery records anyway).
 */
export async function runRound(
  deps: Omit<Dependencies, 'retention'>,
  firing: SenderFiring,
  remainingMs?: RemainingTime,
): Promise<RoundOutcome> {
  const links = await currentLinks(deps);
  const outcome = !('round' in firing)
    ? await runMilestoneRound(deps, firing, links, remainingMs)
    : firing.round === 'invitations'
      ? await runInvitationRound(deps, firing, links, remainingMs)
      : firing.round === 'invitation-reminder'
        ? await runInvitationReminder(deps, firing, links, remainingMs)
        : firing.round === 'meeting-change'
          ? await runMeetingChange(deps, firing, links, remainingMs)
          : await runAnnouncement(deps, firing, links, remainingMs);
  if (outcome.status === 'stale') deps.metrics.add('StaleFirings');
  if (outcome.status === 'done' && outcome.next) {
    const continuation = randomBytes(6).toString('hex');
    await deps.scheduler.scheduleRound(
      { ...firing, after: outcome.next },
      nextMinuteButOne(deps.clock.now()),
      continuation,
    );
    deps.log('round continues', { reviewId: firing.reviewId, continuation });
  }
  return outcome;
}
