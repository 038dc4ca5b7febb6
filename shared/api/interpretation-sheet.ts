import type { MeetingNeeds } from '#domain/interpretation';
import type { PlannedMeeting } from '#domain/plan';
import { meetingName, meetingWhen } from '#domain/wording';
import { type Language, nativeName } from '#i18n/languages';
import { translator } from '#i18n/translate';
import type { Sheet } from './spreadsheet';

/**
 * Interpretation totals as a sheet for the interpreters' booking: a row per meeting and language asked for, its
 * confirmed registrants online and in the room, and whether the meeting has interpretation into it. `needs` are
 * `meetingNeeds(meetings, ...)`, in the meetings' order.
 */
export function interpretationSheet(
  meetings: PlannedMeeting[],
  needs: MeetingNeeds[],
  language: Language,
): Sheet {
  const t = translator(language);
  return {
    name: t('console.column.interpretation'),
    headings: [
      t('console.column.meeting'),
      t('console.column.when'),
      t('console.column.language'),
      t('attendance.online'),
      t('attendance.in-person'),
      t('console.planning.totalColumn'),
      t('console.column.interpretation'),
    ],
    rows: meetings.flatMap((meeting, i) =>
      (needs[i]?.byLanguage ?? []).map((row) => [
        meetingName(meeting, t),
        meetingWhen(meeting, language),
        nativeName(row.language),
        row.online,
        row.inPerson,
        row.online + row.inPerson,
        row.interpreted ? t('console.planning.yes') : t('console.planning.no'),
      ]),
    ),
    language,
  };
}
