import { DateTime } from 'luxon';
import type { Language } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { PlannedMeeting } from './plan';
import type { MeetingKind, Review } from './review';

/** How the service names reviews and meetings and writes their times, in the reader's language. */
export function reviewTitle(review: Pick<Review, 'title' | 'region'>, t: Translate): string {
  return review.title ?? t('review.title', { region: t(`region.${review.region}`) });
}

export function meetingName(kind: MeetingKind, t: Translate): string {
  return t(`meeting.${kind}`);
}

/** "Monday 29 March 2027, 10:00 (Europe/Zurich, UTC+2)", in the reader's language and the meeting's zone. */
export function meetingWhen(
  meeting: Pick<PlannedMeeting, 'startsAt' | 'timeZone' | 'dateText'>,
  language: Language,
) {
  const t = translator(language);
  if (!meeting.startsAt) return t('meeting.dateToBeAnnounced', { date: meeting.dateText ?? '' });
  const start = DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone }).setLocale(language);
  return t('meeting.when', {
    date: start.toLocaleString(DateTime.DATE_HUGE),
    time: start.toLocaleString(DateTime.TIME_24_SIMPLE),
    // Isolated, so that the Latin zone name keeps its shape inside right-to-left text.
    zone: `\u2068${meeting.timeZone}, UTC${start.toFormat('ZZ')}\u2069`,
  });
}
