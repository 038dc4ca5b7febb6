import * as z from 'zod';
import { Language } from '#i18n/languages';
import { COUNTRY_CODES } from './countries';
import { ValidationError } from './errors';
import { modeOf } from './meetings';
import type { MeetingKind, MeetingMode } from './review';
import { ReviewId } from './review';
import { multiLineText, oneLineText } from './text';

/** The GCM's stakeholder groups, as the registration form offers them. */
export const STAKEHOLDER_GROUPS = [
  'civil-society',
  'migrant-diaspora',
  'trade-union',
  'employers-private-sector',
  'academia',
  'local-authority',
  'nhri',
  'youth',
  'other',
] as const;
export const StakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

export const ATTENDANCE_MODES = ['in-person', 'online'] as const;
export const AttendanceMode = z.enum(ATTENDANCE_MODES);
export type AttendanceMode = z.infer<typeof AttendanceMode>;

/**
 * `POST /registrations` (JSON): what a stakeholder submits. Only reviewId, email and name are needed; the form
 * (`RegistrationForm`) asks for more. Without `meetings`, every meeting of the review.
 */
export const RegistrationInput = z
  .object({
    reviewId: ReviewId,
    email: z.email({ error: 'must be an email address such as name@example.org' }).max(254),
    name: oneLineText(120),
    language: Language.default('en'),
    organisation: oneLineText(200).optional(),
    stakeholderGroup: StakeholderGroup.optional(),
    country: z.enum(COUNTRY_CODES, { error: 'must be an ISO 3166 country code such as "KE"' }).optional(),
    meetings: z.array(z.string()).min(1).max(10).optional(),
    attendanceMode: AttendanceMode.default('online'),
    accessibilityNeeds: multiLineText(1000).optional(),
    consent: z.literal(true, { error: 'must be true: consent to the processing of the data' }).optional(),
  })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** The registration form: everything it asks is required, consent included. */
export const RegistrationForm = RegistrationInput.extend({
  stakeholderGroup: StakeholderGroup,
  country: z.enum(COUNTRY_CODES, { error: 'choose a country' }),
  consent: z.literal(true, { error: 'consent is needed to register' }),
});

/** What a registrant may change by the link in their emails. */
export const RegistrationChange = z
  .object({
    meetings: z.array(z.string()).min(1).max(10),
    attendanceMode: AttendanceMode,
    language: Language,
  })
  .strict();
export type RegistrationChange = z.infer<typeof RegistrationChange>;

/**
 * `awaiting-approval`: the address is confirmed and the review requires approval; `declined`: the secretariat said
 * no (a declined address cannot register again for the review).
 */
export type RegistrantStatus = 'pending' | 'awaiting-approval' | 'confirmed' | 'declined' | 'cancelled';
export const REGISTRANT_STATUSES: RegistrantStatus[] = [
  'pending',
  'awaiting-approval',
  'confirmed',
  'declined',
  'cancelled',
];

/** An organisation's name as registrations from it are counted: "UNHCR ", "unhcr" and "Unhcr" are one. */
export const organisationKey = (name: string) =>
  name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** Where a registrant attending in person stands for the consultation's places. */
export type SeatStatus = 'seat' | 'waitlisted';

export interface Registrant {
  reviewId: string;
  email: string;
  name: string;
  language: Language;
  organisation?: string;
  stakeholderGroup?: StakeholderGroup;
  country?: string;
  /** The meetings they attend; absent on registrations made before the choice existed: all of them. */
  meetings?: string[];
  attendanceMode: AttendanceMode;
  accessibilityNeeds?: string;
  status: RegistrantStatus;
  createdAt: string;
  confirmedAt?: string;
  cancelledAt?: string;
  consentAt?: string;
  /** Set while pending: the one confirmation link that can confirm (single use). */
  confirmNonce?: string;
  /** Pending registrations lapse (DynamoDB TTL in AWS; filtered on read everywhere). Epoch seconds. */
  expiresAt?: number;
  seat?: SeatStatus;
  /** They asked for no more reminders and notices (List-Unsubscribe); invitations and changes still come. */
  unsubscribedAt?: string;
  /** When they joined the waiting list: their place in it. */
  waitlistedAt?: string;
  /** When the secretariat approved or declined the registration, and why it declined it. */
  decidedAt?: string;
  declineReason?: string;
}

export const attends = (registrant: Pick<Registrant, 'meetings'>, meetingId: string): boolean =>
  registrant.meetings?.includes(meetingId) ?? true;

/**
 * Whether a registrant takes part in a meeting in its room: always at a meeting held in person, by their choice at a
 * hybrid one, never at a virtual one.
 */
export function inPersonAt(
  registrant: Pick<Registrant, 'attendanceMode'>,
  meeting: { kind: MeetingKind; mode?: MeetingMode },
): boolean {
  const mode = modeOf(meeting);
  return mode === 'in-person' || (mode === 'hybrid' && registrant.attendanceMode === 'in-person');
}

/** Refuses a choice of meetings that names one the review does not hold. */
export function assertMeetingsOfReview(chosen: string[], meetings: { id: string }[]): void {
  const unknown = chosen.filter((id) => !meetings.some((m) => m.id === id));
  if (unknown.length > 0)
    throw new ValidationError([
      { field: 'meetings', message: `not meetings of this review: ${unknown.join(', ')}` },
    ]);
}
