import { randomBytes } from 'node:crypto';
import type { MilestoneFiring, RoundFiring } from '../domain/firing';
import { nextMinuteButOne, type SchedulingTarget, scheduleRound } from '../scheduling/review-schedules';
import type { RoundOptions } from './delivery-round';
import { runInvitationRound } from './invitations';
import type { Links } from './mailer';
import { runMeetingChange } from './meeting-changes';
import { runMilestoneRound } from './milestone-round';

type Log = (message: string, detail?: Record<string, unknown>) => void;

/**
 * Runs whatever round the sending function was invoked for. A round larger than one invocation can carry stops
 * at a page boundary before time runs out; the rest goes on in a continuation job a minute later, which starts
 * reading recipients where this one stopped (those already done are skipped by their delivery records anyway).
 */
export async function runRound(
  firing: RoundFiring | MilestoneFiring,
  log: Log,
  links: Links,
  options: RoundOptions,
  target: () => SchedulingTarget,
) {
  const outcome =
    'round' in firing
      ? firing.round === 'invitations'
        ? await runInvitationRound(firing, log, links, options)
        : await runMeetingChange(firing, log, links, options)
      : await runMilestoneRound(firing, log, links, options);
  if (outcome.status === 'done' && outcome.next) {
    const continuation = randomBytes(6).toString('hex');
    await scheduleRound(
      target(),
      { ...firing, after: outcome.next },
      nextMinuteButOne(options.realNow()),
      continuation,
    );
    log('round continues', { reviewId: firing.reviewId, continuation });
  }
  return outcome;
}
