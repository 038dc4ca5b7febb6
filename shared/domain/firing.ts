import * as z from 'zod';
import { parseOrThrow } from './errors';
import type { Milestone } from './plan';

/**
 * What a Scheduler job carries to the milestone function. `scheduledTime` is the time the job fired, filled in by
 * the Scheduler itself, so the firing knows its own time wherever it runs.
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
  scheduledTime: z.string().optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type InvitationRoundFiring = z.infer<typeof InvitationRoundFiring>;

/**
 * The job that reminds a review's invitees who have not registered: one per reminder the secretariat asks for,
 * named by the minute it fires, so that a button pressed twice within a minute asks for one reminder.
 */
export const InvitationReminderFiring = z.object({
  round: z.literal('invitation-reminder'),
  reviewId: z.string(),
  reminderId: z.string(),
  scheduledTime: z.string().optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type InvitationReminderFiring = z.infer<typeof InvitationReminderFiring>;

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

/** The job that tells readers what the secretariat published: the analytical paper, a meeting's outcome. */
export const AnnouncementFiring = z.object({
  round: z.literal('announcement'),
  reviewId: z.string(),
  announcementId: z.string(),
  scheduledTime: z.string().optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});
export type AnnouncementFiring = z.infer<typeof AnnouncementFiring>;

const Round = z.discriminatedUnion('round', [
  InvitationRoundFiring,
  InvitationReminderFiring,
  MeetingChangeFiring,
  AnnouncementFiring,
]);
export type RoundFiring = z.infer<typeof Round>;
export type SenderFiring = RoundFiring | MilestoneFiring;

/** What the sending function is invoked with: a round of its own when it says so, else a milestone firing. */
export function parseSenderEvent(event: unknown): SenderFiring {
  const isRound = typeof event === 'object' && event !== null && 'round' in event;
  return isRound ? parseOrThrow(Round, event) : parseOrThrow(MilestoneFiring, event);
}

/** The firing of one milestone of the plan, for the review's version that planned it. */
export function firingFor(reviewId: string, version: number, milestone: Milestone): MilestoneFiring {
  return { reviewId, milestoneId: milestone.id, kind: milestone.kind, at: milestone.at, version };
}

/** A firing as log lines tell of it: without where a continuation resumes, a key that names a registrant. */
export function firingForLog(firing: SenderFiring): Record<string, unknown> {
  const { after, ...told } = firing;
  return after ? { ...told, continuation: true } : told;
}
