import { DateTime } from 'luxon';
import { type DateSpec, knownDays } from './date-spec';
import { DEFAULT_PRE_CONSULTATIONS } from './regions';
import type { MeetingInput, MeetingKind, ReviewInput } from './review';

/** The seed: pre-consultations "at least twelve weeks before each regional review". */
export const PRE_CONSULTATION_WEEKS = 12;
/** The seed: the stakeholder consultation "can be held one day before the review meeting" (its first day). */
export const HYBRID_CONSULTATION_DAYS_BEFORE = 1;

const DEFAULTS: Record<MeetingKind, { startTime: string; durationMinutes: number }> = {
  'pre-consultation': { startTime: '10:00', durationMinutes: 120 },
  'hybrid-consultation': { startTime: '09:00', durationMinutes: 480 },
};

/** A meeting with every default applied; `date` is null when it cannot be derived from the review's date. */
export interface Meeting {
  id: string;
  kind: MeetingKind;
  date: DateSpec | null;
  dateSource: 'set' | 'derived';
  startTime: string;
  timeZone: string;
  durationMinutes: number;
  joinUrl?: string;
  venue?: string;
  capacity?: number;
}

export function defaultMeetingInputs(review: Pick<ReviewInput, 'region'>): MeetingInput[] {
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

/**
 * The review's meetings with defaults applied. A meeting without its own date takes one derived from the
 * review's first day: the day before for the consultation, 12 weeks before for the last pre-consultation and one more week
 * earlier for each one before it (Asia-Pacific's two fall on different weeks). A derived date is only as settled
 * as the review's: derived from a tentative date it is tentative; from an imprecise one there is none yet.
 */
export function resolveMeetings(review: ReviewInput): Meeting[] {
  const inputs = review.meetings ?? defaultMeetingInputs(review);
  const preCount = inputs.filter((m) => m.kind === 'pre-consultation').length;
  let preIndex = 0;
  return inputs.map((input) => {
    const weeksBefore =
      input.kind === 'pre-consultation' ? PRE_CONSULTATION_WEEKS + (preCount - ++preIndex) : undefined;
    const derived = deriveDate(review.date, weeksBefore);
    return {
      id: input.id,
      kind: input.kind,
      date: input.date ?? derived,
      dateSource: input.date ? 'set' : 'derived',
      startTime: input.startTime ?? DEFAULTS[input.kind].startTime,
      timeZone: input.timeZone ?? review.timeZone,
      durationMinutes: input.durationMinutes ?? DEFAULTS[input.kind].durationMinutes,
      ...(input.joinUrl ? { joinUrl: input.joinUrl } : {}),
      ...(input.capacity ? { capacity: input.capacity } : {}),
      ...(input.venue || input.kind === 'hybrid-consultation' ? { venue: input.venue ?? review.venue } : {}),
    };
  });
}

function deriveDate(reviewDate: DateSpec, weeksBefore: number | undefined): DateSpec | null {
  const day = knownDays(reviewDate)?.firstDay;
  if (!day) return null;
  const offset =
    weeksBefore === undefined ? { days: HYBRID_CONSULTATION_DAYS_BEFORE } : { weeks: weeksBefore };
  const date = DateTime.fromISO(day).minus(offset).toISODate() as string;
  return { kind: 'exact', date, tentative: reviewDate.tentative };
}
