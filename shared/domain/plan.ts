import { DateTime } from 'luxon';
import { type DateSpec, formatDateSpec, settledDate } from './date-spec';
import { type Meeting, resolveMeetings } from './meetings';
import type { MeetingKind, Review, ReviewInput } from './review';
import { reviewRuleChecks } from './rules';

/** What a milestone does when it fires; the invitation's kind is the meeting's own. */
export type MilestoneKind = MeetingKind | 'materials-publication' | 'reminder';

export interface Milestone {
  /** Stable within a review, e.g. `pre-1.reminder-7d`; part of the Scheduler job's name. */
  id: string;
  meetingId: string;
  kind: MilestoneKind;
  /** Days before the meeting's start, at the same local time. */
  daysBefore: number;
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

export interface Plan {
  reviewDate: string;
  meetings: PlannedMeeting[];
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
  return {
    reviewDate: formatDateSpec(review.date),
    meetings,
    milestones: meetings.flatMap((m) => m.milestones).sort((a, b) => a.at.localeCompare(b.at)),
    warnings: reviewRuleChecks(review).warnings,
  };
}

/** The milestones a Scheduler job should exist for now. */
export function dueMilestones(plan: Plan): Milestone[] {
  return plan.milestones.filter((m) => m.due);
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
  const leads: { slug: string; kind: MilestoneKind; days: number }[] = [
    { slug: 'invitation', kind: meeting.kind, days: leadTimes.invitationDays },
    { slug: 'materials', kind: 'materials-publication', days: leadTimes.materialsDays },
    ...leadTimes.reminderDays.map((days) => ({ slug: `reminder-${days}d`, kind: 'reminder' as const, days })),
  ];
  const milestones = leads.map(({ slug, kind, days }): Milestone => {
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
