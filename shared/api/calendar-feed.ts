import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { knownDays } from '#domain/date-spec';
import type { PlannedMeeting } from '#domain/plan';
import { meetingName, reviewTitle } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import type { PublicReview } from '#services/timeline';

/** Subscribed calendars fetch the feed again after this long. */
const REFRESH_SECONDS = 6 * 3600;

const nextDay = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).plus({ days: 1 }).toJSDate();
const startOf = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toJSDate();

/**
 * The reviews and their meetings as an iCalendar feed (RFC 5545, with RFC 7986's NAME and REFRESH-INTERVAL), in
 * the reader's language. A confirmed meeting is a timed event; a review, and a meeting whose days are known but
 * still to be decided, are all-day events (STATUS:TENTATIVE while to be decided); a date whose days are not known
 * ("May 2024", "late 2024") is left out, since a calendar event cannot be less precise than a day. Each event keeps
 * its UID, and a confirmed meeting its SEQUENCE, so that subscribed calendars update rather than duplicate.
 */
export function calendarFeed(
  reviews: PublicReview[],
  language: Language,
  registrationUrl: (reviewId: string) => string,
): string {
  const t = translator(language);
  const calendar = ical({
    name: t('calendar.name'),
    prodId: {
      company: 'UN Network on Migration',
      product: 'gcm-consultations',
      language: language.toUpperCase(),
    },
    ttl: REFRESH_SECONDS,
  });
  for (const review of reviews) {
    const title = reviewTitle(review, t);
    const url = registrationUrl(review.reviewId);
    const days = knownDays(review.date);
    if (days)
      calendar.createEvent({
        id: `${review.reviewId}@gcm-consultations`,
        allDay: true,
        start: startOf(days.firstDay),
        end: nextDay(days.lastDay),
        summary: title,
        location: review.venue,
        url,
        status: review.date.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      });
    for (const meeting of review.meetings)
      addMeeting(calendar, review, meeting, `${meetingName(meeting, t)}: ${title}`, url);
  }
  return calendar.toString();
}

function addMeeting(
  calendar: ReturnType<typeof ical>,
  review: PublicReview,
  meeting: PlannedMeeting,
  summary: string,
  url: string,
) {
  const id = `${review.reviewId}.${meeting.id}@gcm-consultations`;
  const where = { location: meeting.venue, url, summary, id };
  if (meeting.startsAt && meeting.endsAt) {
    calendar.createEvent({
      ...where,
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      sequence: review.sequences[meeting.id] ?? 0,
      status: ICalEventStatus.CONFIRMED,
    });
    return;
  }
  const days = meeting.date && knownDays(meeting.date);
  if (days)
    calendar.createEvent({
      ...where,
      allDay: true,
      start: startOf(days.firstDay),
      end: nextDay(days.lastDay),
      status: ICalEventStatus.TENTATIVE,
    });
}
