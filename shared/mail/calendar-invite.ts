import { createHash } from 'node:crypto';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { CalendarInvite, HeldInvite } from '#domain/calendar';
import type { PlannedMeeting } from '#domain/plan';
import { inPersonAt, type Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import { meetingName, reviewTitle } from '#domain/wording';
import { translator } from '#i18n/translate';

/** One UID per meeting and registrant, stable across updates: calendar clients match updates to it. */
function inviteUid(reviewId: string, meetingId: string, email: string): string {
  const person = createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 16);
  return `${reviewId}.${meetingId}.${person}@gcm-consultations`;
}

interface InviteInput {
  review: Review;
  meeting: Pick<PlannedMeeting, 'id' | 'kind' | 'title' | 'venue' | 'joinUrl'> &
    Partial<Pick<PlannedMeeting, 'mode'>>;
  registrant: Pick<Registrant, 'email' | 'name' | 'language' | 'attendanceMode'>;
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
    const inPerson = inPersonAt(registrant, meeting);
    const start = new Date(held.startsAt);
    const event = calendar.createEvent({
      id: inviteUid(review.reviewId, meeting.id, registrant.email),
      sequence: held.emitted,
      stamp: input.now,
      start,
      end: new Date(start.getTime() + held.durationMinutes * 60_000),
      summary: `${meetingName(meeting, t)}: ${reviewTitle(review, t)}`,
      description: input.description,
      location: inPerson ? meeting.venue : (meeting.joinUrl ?? t('attendance.online')),
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
