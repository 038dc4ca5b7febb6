import { DateTime } from 'luxon';
import { dateBounds } from './date-spec';
import { type Milestone, type MilestoneKind, meetingLeads, type Plan } from './plan';
import type { ReviewInput } from './review';

/**
 * Where a milestone stands: its time passed (`done`), its Scheduler job waits (`scheduled`), its job is missing
 * until the hourly reconcile creates it, or its meeting's days are not settled yet (`to-be-dated`): no job can
 * exist for it, but it will come.
 */
export type MilestoneState = 'done' | 'scheduled' | 'missing' | 'to-be-dated';
export const MILESTONE_STATES: readonly MilestoneState[] = ['done', 'scheduled', 'missing', 'to-be-dated'];

export interface MilestoneMark {
  id: string;
  meetingId?: string;
  kind: MilestoneKind;
  daysBefore?: number;
  /** The day it fires in the review's zone; still to be dated, the earliest day it could (a month's first). */
  day: string;
  state: MilestoneState;
}

/** A planned milestone's state, given the names of the milestones whose jobs exist. */
export const stateOf = (milestone: Milestone, scheduled: ReadonlySet<string>): MilestoneState =>
  !milestone.due ? 'done' : scheduled.has(milestone.id) ? 'scheduled' : 'missing';

/**
 * Every milestone of a review as a chart marks it: those the plan holds, in their state, and those that its
 * meetings with a date still tentative or imprecise will have, placed as early as that date allows.
 */
export function milestoneMarks(
  review: Pick<ReviewInput, 'leadTimes'>,
  plan: Plan,
  scheduled: ReadonlySet<string>,
): MilestoneMark[] {
  const planned = plan.milestones.map(
    (milestone): MilestoneMark => ({
      id: milestone.id,
      ...(milestone.meetingId ? { meetingId: milestone.meetingId } : {}),
      kind: milestone.kind,
      ...(milestone.daysBefore === undefined ? {} : { daysBefore: milestone.daysBefore }),
      day: milestone.localTime.slice(0, 10),
      state: stateOf(milestone, scheduled),
    }),
  );
  const coming = plan.meetings.flatMap((meeting) => {
    if (!meeting.date || (meeting.status !== 'tentative' && meeting.status !== 'imprecise')) return [];
    const earliest = DateTime.fromISO(dateBounds(meeting.date).earliest);
    return meetingLeads(meeting.kind, review.leadTimes).map(
      ({ slug, kind, days }): MilestoneMark => ({
        id: `${meeting.id}.${slug}`,
        meetingId: meeting.id,
        kind,
        daysBefore: days,
        day: earliest.minus({ days }).toISODate() as string,
        state: 'to-be-dated',
      }),
    );
  });
  return [...planned, ...coming].sort((a, b) => a.day.localeCompare(b.day));
}

/** How many of a review's milestones stand in each state. */
export function countByState(marks: MilestoneMark[]): Record<MilestoneState, number> {
  const counts = { done: 0, scheduled: 0, missing: 0, 'to-be-dated': 0 };
  for (const mark of marks) counts[mark.state]++;
  return counts;
}

/**
 * The next milestones to fire across several reviews, soonest first: each with the record it belongs to and
 * whether its job is there to fire it.
 */
export function nextToFire<T>(
  reviews: { of: T; plan: Plan; scheduled: ReadonlySet<string> }[],
  limit: number,
): { of: T; milestone: Milestone; state: 'scheduled' | 'missing' }[] {
  return reviews
    .flatMap(({ of, plan, scheduled }) =>
      plan.milestones
        .filter((milestone) => milestone.due)
        .map((milestone) => ({
          of,
          milestone,
          state: scheduled.has(milestone.id) ? ('scheduled' as const) : ('missing' as const),
        })),
    )
    .sort((a, b) => a.milestone.at.localeCompare(b.milestone.at))
    .slice(0, limit);
}
