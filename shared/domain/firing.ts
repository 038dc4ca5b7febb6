import { z } from 'zod';
import { parseOrThrow } from './errors';
import type { Milestone } from './plan';

/**
 * What a Scheduler job carries to the milestone function. `scheduledTime` is filled in by EventBridge Scheduler
 * itself (its `<aws.scheduler.scheduled-time>` context attribute), so the firing knows its own time wherever it
 * runs.
 */
export const MilestoneFiring = z.object({
  reviewId: z.string(),
  milestoneId: z.string(),
  kind: z.string(),
  at: z.string(),
  version: z.number().int(),
  scheduledTime: z.string().optional(),
  /** A continuation: where the previous invocation stopped reading recipients. */
  after: z.record(z.string(), z.unknown()).optional(),
});
export type MilestoneFiring = z.infer<typeof MilestoneFiring>;

/** The job that sends an upload's invitations to register, a minute after the upload. */
export const InvitationRoundFiring = z.object({
  round: z.literal('invitations'),
  reviewId: z.string(),
  importId: z.string(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type InvitationRoundFiring = z.infer<typeof InvitationRoundFiring>;

/** The job that tells a meeting's invitation holders that it moved or is cancelled. */
export const MeetingChangeFiring = z.object({
  round: z.literal('meeting-change'),
  reviewId: z.string(),
  meetingId: z.string(),
  /** The meeting's calendar SEQUENCE this change brought. */
  sequence: z.number().int(),
  /** Filled in by the Scheduler: the time the change is told, against which held invitations are past or not. */
  scheduledTime: z.string().optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type MeetingChangeFiring = z.infer<typeof MeetingChangeFiring>;

const Round = z.discriminatedUnion('round', [InvitationRoundFiring, MeetingChangeFiring]);
export type RoundFiring = z.infer<typeof Round>;

/** What the sending function is invoked with: a round of its own when it says so, else a milestone firing. */
export function parseSenderEvent(event: unknown): RoundFiring | MilestoneFiring {
  const isRound = typeof event === 'object' && event !== null && 'round' in event;
  return isRound ? parseOrThrow(Round, event) : parseOrThrow(MilestoneFiring, event);
}

/**
 * Jobs of rounds (invitations, meeting changes, continuations) are named outside the review's own `<reviewId>.`
 * prefix, so that bringing the review's jobs to its plan leaves them be.
 */
export function roundScheduleName(firing: RoundFiring | MilestoneFiring, continuation?: string): string {
  if (continuation) return `more.${firing.reviewId}.${continuation}`;
  if (!('round' in firing)) return scheduleName(firing.reviewId, firing.milestoneId);
  return firing.round === 'invitations'
    ? `invite.${firing.reviewId}.${firing.importId}`
    : `change.${firing.reviewId}.${firing.meetingId}.${firing.sequence}`;
}

export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';

/** Scheduler job names: 64 characters of `[0-9A-Za-z._-]`; a review id is at most 32, a milestone id 22. */
export function scheduleName(reviewId: string, milestoneId: string): string {
  return `${reviewId}.${milestoneId}`;
}

/** The dot keeps `europe.` from matching the jobs of a review named `europe-2027`. */
export function scheduleNamePrefix(reviewId: string): string {
  return `${reviewId}.`;
}

export function firingFor(reviewId: string, version: number, milestone: Milestone): MilestoneFiring {
  return {
    reviewId,
    milestoneId: milestone.id,
    kind: milestone.kind,
    at: milestone.at,
    version,
    scheduledTime: SCHEDULED_TIME_PLACEHOLDER,
  };
}

/** `at()` takes a local date-time without zone; ours are always given in UTC. */
export function atExpression(instant: string): string {
  return `at(${new Date(instant).toISOString().slice(0, 19)})`;
}

export function instantOfAtExpression(expression: string, zone = 'UTC'): string | undefined {
  const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!match || zone !== 'UTC') return undefined;
  return `${match[1]}Z`;
}
