import type { MilestoneFiring } from '../domain/firing';
import { milestoneMessage } from '../domain/messages';
import { planReview } from '../domain/plan';
import { attends } from '../domain/registrant';
import { roundStarted } from '../store/deliveries';
import type { DeliveryRound } from '../store/keys';
import { confirmedRegistrants } from '../store/registrants';
import { getReview } from '../store/reviews';
import { deliverRound, type RoundCounts } from './delivery-round';
import type { Links } from './mailer';

export type RoundOutcome = { status: 'stale'; reason: string } | ({ status: 'done' } & RoundCounts);

type Log = (message: string, detail?: Record<string, unknown>) => void;

/**
 * Sends a milestone's email to every confirmed registrant, each exactly once, however often the Scheduler
 * fires. A firing is stale, and does nothing but log, when it carries an older version of the review than the
 * stored one (every write of a review updates its jobs, so the current version's firing carries the round), or
 * when the review no longer plans this milestone at this instant. One exception: a round that an older
 * version's firing already started (a crash cut it short, the review was edited before the retry) is finished
 * by that retry if the milestone is unchanged, since no other firing will come for it.
 * `realNow` is wall-clock time, for delivery leases; the plan uses the firing's own time.
 */
export async function runMilestoneRound(
  firing: MilestoneFiring,
  log: Log,
  links: Links,
  realNow: () => Date = () => new Date(),
): Promise<RoundOutcome> {
  const review = await getReview(firing.reviewId);
  const stale = (reason: string): RoundOutcome => {
    log('stale firing ignored', { ...firing, reason });
    return { status: 'stale', reason };
  };
  if (!review) return stale('review not found');
  if (review.status !== 'active') return stale(`review is ${review.status}`);
  const plan = planReview(review, new Date(firing.at));
  const milestone = plan.milestones.find((m) => m.id === firing.milestoneId);
  if (!milestone) return stale(`milestone no longer planned (review version ${review.version})`);
  if (milestone.at !== firing.at)
    return stale(`milestone moved to ${milestone.at} (review version ${review.version})`);
  const meeting = plan.meetings.find((m) => m.id === milestone.meetingId);
  if (!meeting) return stale('meeting no longer planned');
  const round: DeliveryRound = { reviewId: review.reviewId, milestoneId: milestone.id, at: milestone.at };
  if (firing.version !== review.version && !(await roundStarted(round)))
    return stale(`version ${firing.version} superseded by version ${review.version}`);

  const recipients = async function* () {
    for await (const registrant of confirmedRegistrants(review.reviewId))
      if (attends(registrant, meeting.id)) yield registrant;
  };
  const counts = await deliverRound(
    round,
    recipients(),
    (registrant) => milestoneMessage(review, meeting, milestone, registrant, links.manage(registrant)),
    realNow,
  );
  log('milestone round', { ...round, kind: milestone.kind, ...counts });
  return { status: 'done', ...counts };
}
