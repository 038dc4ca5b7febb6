import { createHash } from 'node:crypto';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { Language } from '../i18n/languages';
import { translator } from '../i18n/translate';
import type { PlannedMeeting } from './plan';
import type { AttendanceMode } from './registrant';
import type { MeetingCalendar, MeetingKind, Review } from './review';
import { meetingName, reviewTitle } from './wording';

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
  timeZone: string;
  cancelled?: boolean;
}

export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  content: string;
  filename: string;
}

/** One UID per meeting and registrant, stable across updates: calendar clients match updates to it. */
export function inviteUid(reviewId: string, meetingId: string, email: string): string {
  const person = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `${reviewId}.${meetingId}.${person}@gcm-consultations`;
}

interface InviteInput {
  review: Review;
  meeting: Pick<PlannedMeeting, 'id' | 'kind' | 'venue' | 'joinUrl'>;
  registrant: { email: string; name: string; language: Language; attendanceMode: AttendanceMode };
  organizer: string;
  /** The meeting's time as sent: the current one for a request, the one held for a cancellation. */
  held: HeldInvite;
  description: string;
  now: Date;
}

/**
 * The iCalendar object of a meeting invitation (METHOD:REQUEST) or of its cancellation (METHOD:CANCEL), in UTC.
 * A higher SEQUENCE tells calendar clients that an update replaces what they have.
 */
export function meetingInvite(method: CalendarInvite['method'], input: InviteInput): CalendarInvite {
  return calendarOf(method, [input]);
}

/** One cancellation for several meetings (a registrant cancelling their registration): one event each. */
export function meetingCancellations(inputs: InviteInput[]): CalendarInvite {
  return calendarOf('CANCEL', inputs);
}

function calendarOf(method: CalendarInvite['method'], inputs: InviteInput[]): CalendarInvite {
  const calendar = ical({
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    prodId: { company: 'UN Network on Migration', product: 'gcm-consultations', language: 'EN' },
  });
  for (const input of inputs) {
    const { review, meeting, registrant, held } = input;
    const t = translator(registrant.language);
    const inPerson = meeting.kind === 'hybrid-consultation' && registrant.attendanceMode === 'in-person';
    const start = new Date(held.startsAt);
    const event = calendar.createEvent({
      id: inviteUid(review.reviewId, meeting.id, registrant.email),
      sequence: held.emitted,
      stamp: input.now,
      start,
      end: new Date(start.getTime() + held.durationMinutes * 60_000),
      summary: `${meetingName(meeting.kind, t)}: ${reviewTitle(review, t)}`,
      description: input.description,
      location: inPerson ? (meeting.venue ?? review.venue) : (meeting.joinUrl ?? t('attendance.online')),
      ...(meeting.joinUrl && !inPerson ? { url: meeting.joinUrl } : {}),
      organizer: { name: 'UN Network on Migration', email: input.organizer },
      status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    });
    event.createAttendee({
      email: registrant.email,
      name: registrant.name,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: false,
    });
  }
  return {
    method,
    content: calendar.toString(),
    filename: method === 'REQUEST' ? 'invite.ics' : 'cancel.ics',
  };
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
