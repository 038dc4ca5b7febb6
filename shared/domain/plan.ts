import { DateTime } from 'luxon';
import { type DateSpec, formatDateSpec, knownDays, settledDate } from './date-spec';
import { type Meeting, resolveMeetings } from './meetings';
import { AnalyticalPaper, type MeetingKind, type Review, type ReviewInput } from './review';
import { reviewRuleChecks } from './rules';

/**
 * What a milestone does when it fires. A meeting's: invite to it (the invitation's kind is the meeting's own),
 * publish its materials, remind. The review's own: tell registrants that the discussion space opened or closes in
 * a week, remind the focal points that the analytical paper is due.
 */
export type MilestoneKind =
  | MeetingKind
  | 'materials-publication'
  | 'reminder'
  | 'space-opens'
  | 'space-closing'
  | 'paper-reminder';

/** Review notices go out at this local time, in the review's time zone. */
export const NOTICE_TIME = '09:00';
/** Registrants are told this many days before the discussion space closes. */
export const SPACE_CLOSING_NOTICE_DAYS = 7;

export interface Milestone {
  /** Stable within a review, e.g. `pre-1.reminder-7d` or `space.opens`; part of the Scheduler job's name. */
  id: string;
  /** The meeting it belongs to; none for the review's own notices. */
  meetingId?: string;
  kind: MilestoneKind;
  /** Days before the meeting's start (or the paper's due day), at the same local time. */
  daysBefore?: number;
  /** The UTC instant it fires, ISO-8601 with `Z`, to the second. */
  at: string;
  /** The same instant in the meeting's time zone, for people to read. */
  localTime: string;
  /** False when its time has passed: it is shown, never scheduled. */
  due: boolean;
}

export type MeetingStatus = 'confirmed' | 'tentative' | 'imprecise' | 'undated' | 'cancelled';

export interface PlannedMeeting extends Omit<Meeting, 'date'> {
  date: DateSpec | null;
  dateText: string | null;
  status: MeetingStatus;
  /** UTC start when the date is confirmed: the first day at the start time. */
  startsAt: string | null;
  /** UTC end when the date is confirmed: the last day at the start time plus the duration. */
  endsAt: string | null;
  milestones: Milestone[];
}

/** The analytical paper of a regional review: due a number of weeks before its first day, once that is known. */
export interface PaperPlan {
  weeksBefore: number;
  /** The day it is due, once the review's first day is known; `tentative` follows the review's date. */
  due: string | null;
  tentative: boolean;
  milestones: Milestone[];
}

export interface Plan {
  reviewDate: string;
  meetings: PlannedMeeting[];
  /** A regional review's analytical paper; null for other kinds. */
  analyticalPaper: PaperPlan | null;
  /** The review's notices about its discussion space, when it has one. */
  discussionSpace: { milestones: Milestone[] } | null;
  /** Every milestone of every meeting, in time order. */
  milestones: Milestone[];
  warnings: string[];
}

/**
 * The review's plan: its meetings with defaults applied and, for each meeting whose date is exact and confirmed,
 * its milestones. Milestone times keep the meeting's local start time on the earlier day (so across a
 * daylight-saving change the UTC instant shifts by the hour, as the people invited would expect). A pure
 * function of the review and `now`.
 */
export function planReview(review: ReviewInput & Partial<Pick<Review, 'status'>>, now: Date): Plan {
  const cancelled = review.status === 'cancelled';
  const meetings = resolveMeetings(review).map((meeting) =>
    planMeeting(meeting, review.leadTimes, now, cancelled),
  );
  const analyticalPaper = planPaper(review, now, cancelled);
  const discussionSpace = planSpace(review, now, cancelled);
  const reviewMilestones = [...(analyticalPaper?.milestones ?? []), ...(discussionSpace?.milestones ?? [])];
  return {
    reviewDate: formatDateSpec(review.date),
    meetings,
    analyticalPaper,
    discussionSpace,
    milestones: [...meetings.flatMap((m) => m.milestones), ...reviewMilestones].sort((a, b) =>
      a.at.localeCompare(b.at),
    ),
    warnings: [...reviewRuleChecks(review).warnings, ...paperWarnings(analyticalPaper, review)],
  };
}

/** A review notice at `NOTICE_TIME` on a day, in the review's zone. */
function notice(
  review: ReviewInput,
  id: string,
  kind: MilestoneKind,
  day: string,
  now: Date,
  daysBefore?: number,
): Milestone {
  const local = DateTime.fromISO(`${day}T${NOTICE_TIME}`, { zone: review.timeZone });
  const at = local.toUTC();
  return {
    id,
    kind,
    ...(daysBefore === undefined ? {} : { daysBefore }),
    at: at.toISO({ suppressMilliseconds: true }) as string,
    localTime: local.toISO({ suppressMilliseconds: true }) as string,
    due: at.toMillis() > now.getTime(),
  };
}

/**
 * The paper is due `weeksBefore` weeks before the review's first day. Its focal points are reminded on the
 * reminder days before that, once the review's date is confirmed (a tentative date may still move the paper).
 */
function planPaper(
  review: ReviewInput & Partial<Pick<Review, 'status'>>,
  now: Date,
  cancelled: boolean,
): PaperPlan | null {
  if (review.kind !== 'regional-review') return null;
  const paper = review.analyticalPaper ?? AnalyticalPaper.parse({});
  const settled = settledDate(review.date);
  const firstDay = settled.settled ? settled.firstDay : knownDays(review.date)?.firstDay;
  const due = firstDay
    ? (DateTime.fromISO(firstDay).minus({ weeks: paper.weeksBefore }).toISODate() as string)
    : null;
  const milestones =
    due && settled.settled && !cancelled && paper.focalPoints.length > 0
      ? paper.reminderDays.map((days) =>
          notice(
            review,
            `paper.reminder-${days}d`,
            'paper-reminder',
            DateTime.fromISO(due).minus({ days }).toISODate() as string,
            now,
            days,
          ),
        )
      : [];
  return { weeksBefore: paper.weeksBefore, due, tentative: !settled.settled, milestones };
}

/** The discussion space's two notices to registrants: when it opens, and a week before it closes. */
function planSpace(review: ReviewInput, now: Date, cancelled: boolean): { milestones: Milestone[] } | null {
  const space = review.discussionSpace;
  if (!space) return null;
  if (cancelled) return { milestones: [] };
  const closingNotice = DateTime.fromISO(space.closes)
    .minus({ days: SPACE_CLOSING_NOTICE_DAYS })
    .toISODate() as string;
  return {
    milestones: [
      notice(review, 'space.opens', 'space-opens', space.opens, now),
      // A space open for a week or less has no closing notice apart from its opening one.
      ...(closingNotice > space.opens
        ? [notice(review, 'space.closing', 'space-closing', closingNotice, now, SPACE_CLOSING_NOTICE_DAYS)]
        : []),
    ],
  };
}

/** The paper is written from the discussion space: a space still open when the paper is due is worth a warning. */
function paperWarnings(paper: PaperPlan | null, review: ReviewInput): string[] {
  const space = review.discussionSpace;
  if (!paper?.due || !space || space.closes <= paper.due) return [];
  return [
    `discussionSpace: the space closes on ${space.closes}, after the analytical paper is due (${paper.due}), which is written from its discussions`,
  ];
}

/** The milestones a Scheduler job should exist for now. */
export function dueMilestones(plan: Plan): Milestone[] {
  return plan.milestones.filter((m) => m.due);
}

/** A meeting's milestones before it is dated: each one's id within the meeting, kind, and days ahead. */
export function meetingLeads(
  kind: MeetingKind,
  leadTimes: ReviewInput['leadTimes'],
): { slug: string; kind: MilestoneKind; days: number }[] {
  return [
    { slug: 'invitation', kind, days: leadTimes.invitationDays },
    { slug: 'materials', kind: 'materials-publication', days: leadTimes.materialsDays },
    ...leadTimes.reminderDays.map((days) => ({ slug: `reminder-${days}d`, kind: 'reminder' as const, days })),
  ];
}

function planMeeting(
  meeting: Meeting,
  leadTimes: ReviewInput['leadTimes'],
  now: Date,
  cancelled: boolean,
): PlannedMeeting {
  const base = { ...meeting, dateText: meeting.date ? formatDateSpec(meeting.date) : null };
  const unscheduled = { startsAt: null, endsAt: null, milestones: [] };
  if (cancelled) return { ...base, status: 'cancelled', ...unscheduled };
  if (!meeting.date) return { ...base, status: 'undated', ...unscheduled };
  const settled = settledDate(meeting.date);
  if (!settled.settled) return { ...base, status: settled.reason, ...unscheduled };

  const start = DateTime.fromISO(`${settled.firstDay}T${meeting.startTime}`, { zone: meeting.timeZone });
  const end = DateTime.fromISO(`${settled.lastDay}T${meeting.startTime}`, { zone: meeting.timeZone }).plus({
    minutes: meeting.durationMinutes,
  });
  const milestones = meetingLeads(meeting.kind, leadTimes).map(({ slug, kind, days }): Milestone => {
    const local = start.minus({ days });
    const at = local.toUTC();
    return {
      id: `${meeting.id}.${slug}`,
      meetingId: meeting.id,
      kind,
      daysBefore: days,
      at: at.toISO({ suppressMilliseconds: true }) as string,
      localTime: local.toISO({ suppressMilliseconds: true }) as string,
      due: at.toMillis() > now.getTime(),
    };
  });
  return {
    ...base,
    status: 'confirmed',
    startsAt: start.toUTC().toISO({ suppressMilliseconds: true }) as string,
    endsAt: end.toUTC().toISO({ suppressMilliseconds: true }) as string,
    milestones,
  };
}
