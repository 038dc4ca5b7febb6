import type { PlannedMeeting } from './plan';
import type { MeetingCalendar, MeetingKind } from './review';

/** A meeting in a registrant's calendar: what they were last sent, so that an update or a cancellation follows. */
export interface HeldInvite {
  /** The review's calendar SEQUENCE for the meeting when this was sent: what change rounds compare. */
  sequence: number;
  /**
   * The SEQUENCE written in what was sent. Usually the review's; higher once the registrant's own cancellation
   * (or dropping the meeting) and return each needed one more, so that calendar clients take each in turn.
   */
  emitted: number;
  startsAt: string;
  durationMinutes: number;
  /** Kept so that a cancellation can name the meeting even once it is gone from the review. */
  kind: MeetingKind;
  title?: string;
  timeZone: string;
  cancelled?: boolean;
}

/** An iCalendar object that travels with an email: an invitation, its update, or its cancellation. */
export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  content: string;
  filename: string;
}

/**
 * The review's calendar after a write: a meeting whose confirmed start changed (moved, lost its date, or was
 * cancelled with its review) gets the next SEQUENCE. `changed` lists the meetings still to come (at `now`) whose
 * announced start changed: their invitation holders are to be told. A meeting already held is left alone.
 */
export function nextCalendar(
  previous: Record<string, MeetingCalendar> | undefined,
  meetings: Pick<PlannedMeeting, 'id' | 'startsAt'>[],
  now: Date,
): { calendar: Record<string, MeetingCalendar>; changed: string[] } {
  const calendar: Record<string, MeetingCalendar> = {};
  const changed: string[] = [];
  const current = new Map(meetings.map((m) => [m.id, m.startsAt]));
  const ids = new Set([...Object.keys(previous ?? {}), ...current.keys()]);
  for (const id of ids) {
    const before = previous?.[id];
    const startsAt = current.get(id) ?? null;
    if (!before) calendar[id] = { sequence: 0, startsAt };
    else if (before.startsAt === startsAt) calendar[id] = before;
    else {
      calendar[id] = { sequence: before.sequence + 1, startsAt };
      if (before.startsAt && Date.parse(before.startsAt) > now.getTime()) changed.push(id);
    }
  }
  return { calendar, changed };
}

/** The SEQUENCE of the next object sent to someone who holds `previous`: never lower than what they have. */
export const nextEmitted = (reviewSequence: number, previous: HeldInvite | undefined): number =>
  Math.max(reviewSequence, previous ? previous.emitted + 1 : 0);
