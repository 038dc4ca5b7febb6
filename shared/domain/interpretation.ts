import { LANGUAGES, type Language } from '#i18n/languages';
import { modeOf } from './meetings';
import type { PlannedMeeting } from './plan';
import { attends, inPersonAt, type Registrant } from './registrant';

/** One meeting's needs, from its confirmed registrants: languages by attendance, places, accessibility. */
export interface MeetingNeeds {
  meetingId: string;
  total: number;
  /** Per language asked for: how many attend online and in the room. */
  byLanguage: { language: Language; online: number; inPerson: number; interpreted: boolean }[];
  /** Languages registrants asked for that the meeting has no interpretation in. */
  uninterpreted: Language[];
  inPerson: number;
  capacity?: number;
  seats: { taken: number; waitlisted: number };
  /** What registrants wrote about their accessibility needs, as they wrote it. */
  accessibilityNeeds: string[];
}

/**
 * What the secretariat plans interpretation and the room with: for each meeting, its confirmed registrants by the
 * language they asked for and how they attend, the places taken and the waiting list, and the accessibility needs.
 */
export function meetingNeeds(meetings: PlannedMeeting[], registrants: Registrant[]): MeetingNeeds[] {
  const confirmed = registrants.filter((r) => r.status === 'confirmed');
  return meetings.map((meeting) => {
    const attending = confirmed.filter((r) => attends(r, meeting.id));
    const inRoom = (r: Registrant) => inPersonAt(r, { kind: meeting.kind, mode: modeOf(meeting) });
    const byLanguage = LANGUAGES.flatMap((language) => {
      const speakers = attending.filter((r) => r.language === language);
      if (speakers.length === 0) return [];
      const inPerson = speakers.filter(inRoom).length;
      return [
        {
          language,
          online: speakers.length - inPerson,
          inPerson,
          interpreted: meeting.interpretationLanguages.includes(language),
        },
      ];
    });
    return {
      meetingId: meeting.id,
      total: attending.length,
      byLanguage,
      uninterpreted: byLanguage.filter((row) => !row.interpreted).map((row) => row.language),
      inPerson: attending.filter(inRoom).length,
      ...(meeting.capacity ? { capacity: meeting.capacity } : {}),
      seats: {
        taken: attending.filter((r) => r.seat === 'seat').length,
        waitlisted: attending.filter((r) => r.seat === 'waitlisted').length,
      },
      accessibilityNeeds: attending.flatMap((r) => (r.accessibilityNeeds ? [r.accessibilityNeeds] : [])),
    };
  });
}
