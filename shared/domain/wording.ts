import { DateTime } from 'luxon';
import { type Language, localeOf } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { DateSpec } from './date-spec';
import type { PlannedMeeting } from './plan';
import type { MeetingKind, Review } from './review';

/** How the service names reviews and meetings and writes their times, in the reader's language. */
export function reviewTitle(review: Pick<Review, 'title' | 'region' | 'kind'>, t: Translate): string {
  // A briefing or a GCM Talk is named as such, whatever its title says.
  if (review.kind === 'briefing' || review.kind === 'gcm-talk')
    return meetingName({ kind: review.kind, title: review.title }, t);
  if (review.title) return review.title;
  return review.region
    ? t('review.title', { region: t(`region.${review.region}`) })
    : t('meeting.global-consultation');
}

/** "Virtual pre-consultation"; a meeting with a title of its own: "Stakeholder consultation: Labour migration". */
export function meetingName(meeting: { kind: MeetingKind; title?: string }, t: Translate): string {
  const kind = t(`meeting.${meeting.kind}`);
  return meeting.title ? t('meeting.titled', { kind, title: meeting.title }) : kind;
}

/** Calendar days are written as days, whatever the reader's time zone. */
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const LONG_DAY: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
};

/**
 * A date as the secretariat wrote it, in the reader's language and no more precise than it is known: "8 or 11
 * March 2024 (to be decided)", « 3–4 juillet 2024 », "2024年末".
 */
export function dateInWords(spec: DateSpec, language: Language): string {
  const t = translator(language);
  const words = untentative(spec, language, t);
  return spec.tentative ? t('date.tentative', { date: words }) : words;
}

function untentative(spec: DateSpec, language: Language, t: Translate): string {
  const locale = localeOf(language);
  const long = new Intl.DateTimeFormat(locale, LONG_DAY);
  const monthYear = (year: number, month: number) =>
    new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 15)),
    );
  const year = (y: number) =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, 6, 1)));
  switch (spec.kind) {
    case 'exact':
      return long.format(day(spec.date));
    case 'range':
      return dayRange(long, language, day(spec.from), day(spec.to));
    case 'one-of':
      return oneOf([...spec.dates].sort(), language, long);
    case 'month':
      return monthYear(spec.year, spec.month);
    case 'week-of-month':
      return t('date.weekOfMonth', { week: spec.week, month: monthYear(spec.year, spec.month) });
    case 'part-of-year':
      return t(`date.${spec.part}`, { year: year(spec.year) });
    case 'year':
      return year(spec.year);
  }
}

/**
 * "8 or 11 March 2024": candidate days of one month share the month and year as the language writes them (the
 * last date's own parts, its day replaced by the list of days); across months, whole dates.
 */
function oneOf(dates: string[], language: Language, long: Intl.DateTimeFormat): string {
  const or = new Intl.ListFormat(localeOf(language), { type: 'disjunction' });
  const sameMonth = dates.every((iso) => iso.slice(0, 7) === dates[0]?.slice(0, 7));
  if (!sameMonth) return or.format(dates.map((iso) => long.format(day(iso))));
  const days = or.format(
    dates.map((iso) => new Intl.NumberFormat(localeOf(language)).format(Number(iso.slice(8)))),
  );
  return long
    .formatToParts(day(dates[dates.length - 1] as string))
    .map((part) => (part.type === 'day' ? days : part.value))
    .join('');
}

/**
 * From one day to another. ICU's Chinese data has no range pattern for long dates and falls back to "2024/7/3 –
 * 2024/7/4", so Chinese joins the two whole dates with 至 instead.
 */
function dayRange(format: Intl.DateTimeFormat, language: Language, from: Date, to: Date): string {
  return language === 'zh' ? `${format.format(from)}至${format.format(to)}` : format.formatRange(from, to);
}

/**
 * "Monday 29 March 2027, 10:00 (Europe/Zurich, UTC+2)", in the reader's language and the meeting's zone; a meeting
 * of several days names its first and last day. Without confirmed days, the date as far as it is known.
 */
export function meetingWhen(
  meeting: Pick<PlannedMeeting, 'startsAt' | 'endsAt' | 'timeZone' | 'date'>,
  language: Language,
) {
  const t = translator(language);
  if (!meeting.startsAt)
    return t('meeting.dateToBeAnnounced', { date: meeting.date ? dateInWords(meeting.date, language) : '' });
  const start = DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone }).setLocale(localeOf(language));
  const end = meeting.endsAt ? DateTime.fromISO(meeting.endsAt, { zone: meeting.timeZone }) : start;
  const days =
    end.toISODate() === start.toISODate()
      ? start.toLocaleString(DateTime.DATE_HUGE)
      : dayRange(
          new Intl.DateTimeFormat(localeOf(language), { ...DateTime.DATE_HUGE, timeZone: meeting.timeZone }),
          language,
          start.toJSDate(),
          end.toJSDate(),
        );
  return t('meeting.when', {
    date: days,
    time: start.toLocaleString(DateTime.TIME_24_SIMPLE),
    // Isolated, so that the Latin zone name keeps its shape inside right-to-left text.
    zone: `\u2068${meeting.timeZone}, UTC${start.toFormat('ZZ')}\u2069`,
  });
}
