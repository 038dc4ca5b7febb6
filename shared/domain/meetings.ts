import { DateTime } from 'luxon';
import type { Language } from '#i18n/languages';
import { type DateSpec, knownDays } from './date-spec';
import { DEFAULT_PRE_CONSULTATIONS } from './regions';
import {
  interpretationLanguagesOf,
  type MeetingInput,
  type MeetingKind,
  type MeetingMode,
  type ReviewInput,
} from './review';

/** The seed: pre-consultations "at least twelve weeks before each regional review". */
export const PRE_CONSULTATION_WEEKS = 12;
/** The seed: the stakeholder consultation "can be held one day before the review meeting" (its first day). */
export const HYBRID_CONSULTATION_DAYS_BEFORE = 1;

const DEFAULTS: Record<MeetingKind, { startTime: string; durationMinutes: number; mode: MeetingMode }> = {
  'pre-consultation': { startTime: '10:00', durationMinutes: 120, mode: 'virtual' },
  consultation: { startTime: '10:00', durationMinutes: 120, mode: 'virtual' },
  'hybrid-consultation': { startTime: '09:00', durationMinutes: 480, mode: 'hybrid' },
  'global-consultation': { startTime: '13:00', durationMinutes: 120, mode: 'virtual' },
  briefing: { startTime: '14:00', durationMinutes: 60, mode: 'virtual' },
  'gcm-talk': { startTime: '14:00', durationMinutes: 90, mode: 'virtual' },
};

/** A meeting with every default applied; `date` is null when it cannot be derived from the review's date. */
export interface Meeting {
  id: string;
  kind: MeetingKind;
  title?: string;
  date: DateSpec | null;
  dateSource: 'set' | 'derived';
  startTime: string;
  timeZone: string;
  durationMinutes: number;
  mode: MeetingMode;
  interpretationLanguages: Language[];
  joinUrl?: string;
  venue?: string;
  capacity?: number;
  contact?: string;
}

/** The id of the one meeting a global consultation, a briefing or a GCM Talk holds by default. */
const SINGLE_MEETING_IDS = {
  'global-consultation': 'global',
  briefing: 'briefing',
  'gcm-talk': 'talk',
} as const;

export function defaultMeetingInputs(review: Pick<ReviewInput, 'kind' | 'region'>): MeetingInput[] {
  if (review.kind !== 'regional-review' || !review.region) {
    const kind = review.kind === 'regional-review' ? 'global-consultation' : review.kind;
    return [{ id: SINGLE_MEETING_IDS[kind], kind }];
  }
  const count = DEFAULT_PRE_CONSULTATIONS[review.region];
  const pre = Array.from(
    { length: count },
    (_, i): MeetingInput => ({
      id: `pre-${i + 1}`,
      kind: 'pre-consultation',
    }),
  );
  return [...pre, { id: 'hybrid', kind: 'hybrid-consultation' }];
}

/** How a meeting is held: as set, else as its kind usually is. */
export const modeOf = (meeting: { kind: MeetingKind; mode?: MeetingMode }): MeetingMode =>
  meeting.mode ?? DEFAULTS[meeting.kind].mode;

/** Whether people may come to the meeting's room: then it has a venue, and perhaps a number of places. */
export const heldInPerson = (meeting: { mode: MeetingMode }): boolean => meeting.mode !== 'virtual';

/**
 * The review's meetings with defaults applied. A pre-consultation or the hybrid consultation without its own date
 * takes one derived from the review's first day: the day before for the consultation, 12 weeks before for the last
 * pre-consultation and one more week earlier for each one before it (Asia-Pacific's two fall on different weeks);
 * the meeting of a global consultation, a briefing or a GCM Talk is held on the record's own date.
 * A derived date is only as settled as the review's: derived from a tentative date it is tentative; from an
 * imprecise one there is none yet. Other kinds have no date until the secretariat sets one.
 */
export function resolveMeetings(review: ReviewInput): Meeting[] {
  const inputs = review.meetings ?? defaultMeetingInputs(review);
  const preCount = inputs.filter((m) => m.kind === 'pre-consultation').length;
  let preIndex = 0;
  return inputs.map((input) => {
    const derived =
      input.kind === 'pre-consultation'
        ? deriveDate(review.date, { weeks: PRE_CONSULTATION_WEEKS + (preCount - ++preIndex) })
        : input.kind === 'hybrid-consultation'
          ? deriveDate(review.date, { days: HYBRID_CONSULTATION_DAYS_BEFORE })
          : input.kind === review.kind
            ? deriveDate(review.date, { days: 0 })
            : null;
    const defaults = DEFAULTS[input.kind];
    const mode = modeOf(input);
    const venue = input.venue ?? (heldInPerson({ mode }) ? review.venue : undefined);
    return {
      id: input.id,
      kind: input.kind,
      ...(input.title ? { title: input.title } : {}),
      date: input.date ?? derived,
      dateSource: input.date ? 'set' : 'derived',
      startTime: input.startTime ?? defaults.startTime,
      timeZone: input.timeZone ?? review.timeZone,
      durationMinutes: input.durationMinutes ?? defaults.durationMinutes,
      mode,
      interpretationLanguages: input.interpretationLanguages ?? interpretationLanguagesOf(review),
      ...(input.joinUrl ? { joinUrl: input.joinUrl } : {}),
      ...(input.capacity ? { capacity: input.capacity } : {}),
      ...(venue ? { venue } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
    };
  });
}

function deriveDate(reviewDate: DateSpec, before: { weeks: number } | { days: number }): DateSpec | null {
  const day = knownDays(reviewDate)?.firstDay;
  if (!day) return null;
  const date = DateTime.fromISO(day).minus(before).toISODate() as string;
  return { kind: 'exact', date, tentative: reviewDate.tentative };
}
