import type { SenderFiring } from '#domain/firing';

/**
 * What EventBridge Scheduler's jobs are called and when they fire, in its own syntax. Names are 64 characters of
 * `[0-9A-Za-z._-]`: a review id is at most 32, a milestone id 22.
 */
export function milestoneJobName(reviewId: string, milestoneId: string): string {
  return `${reviewId}.${milestoneId}`;
}

/** The dot keeps `europe.` from matching the jobs of a review named `europe-2027`. */
export function reviewJobPrefix(reviewId: string): string {
  return `${reviewId}.`;
}

/**
 * Jobs of rounds (invitations and their reminders, meeting changes, announcements, continuations) are named
 * outside the review's own `<reviewId>.` prefix, so that bringing the review's jobs to its plan leaves them be.
 */
export function roundJobName(firing: SenderFiring, continuation?: string): string {
  if (continuation) return `more.${firing.reviewId}.${continuation}`;
  if (!('round' in firing)) return milestoneJobName(firing.reviewId, firing.milestoneId);
  switch (firing.round) {
    case 'invitations':
      return `invite.${firing.reviewId}.${firing.importId}`;
    case 'invitation-reminder':
      return `remind.${firing.reviewId}.${firing.reminderId}`;
    case 'meeting-change':
      return `change.${firing.reviewId}.${firing.meetingId}.${firing.sequence}`;
    case 'announcement':
      return `announce.${firing.reviewId}.${firing.announcementId}`;
  }
}

/** The Scheduler's context attribute: replaced in a job's input by the time the job fired. */
export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';

/** `at()` takes a local date-time without zone; ours are always given in UTC. */
export function atExpression(instant: string): string {
  return `at(${new Date(instant).toISOString().slice(0, 19)})`;
}

export function instantOfAtExpression(expression: string, zone = 'UTC'): string | undefined {
  const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!match || zone !== 'UTC') return undefined;
  return `${match[1]}Z`;
}

/** Scheduler's at() counts in whole minutes: the next one but one, so it is surely still ahead. */
export const nextMinuteButOne = (now: Date): string =>
  new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 60_000).toISOString();
