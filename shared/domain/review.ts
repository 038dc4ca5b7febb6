import { IANAZone } from 'luxon';
import * as z from 'zod';
import { Language } from '#i18n/languages';
import { DateSpecSchema } from './date-spec';
import { Region } from './regions';
import { oneLineText } from './text';

export const REVIEW_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Review ids become part of Scheduler job names (64 characters of `[0-9A-Za-z._-]`), hence the short slug. */
export const ReviewId = z
  .string()
  .regex(REVIEW_ID_PATTERN, 'must be 1-32 lowercase letters, digits or dashes, e.g. "europe-2027"');

const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time written HH:mm (24-hour), e.g. "09:30"');

const TimeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as "Europe/Zurich"');

/**
 * The meetings around a review: the virtual pre-consultations (12 weeks before at least), further stakeholder
 * consultations (sub-regional or thematic), the hybrid multi-stakeholder consultation, briefings for stakeholder
 * networks, and GCM Talks; and the virtual global consultation that several regions share.
 */
export const MEETING_KINDS = [
  'pre-consultation',
  'consultation',
  'hybrid-consultation',
  'global-consultation',
  'briefing',
  'gcm-talk',
] as const;
export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** How a meeting is held: online only, in a room only, or both. */
export const MEETING_MODES = ['virtual', 'in-person', 'hybrid'] as const;
export const MeetingMode = z.enum(MEETING_MODES);
export type MeetingMode = z.infer<typeof MeetingMode>;

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

export const MeetingInput = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,9}$/, 'must be 1-10 lowercase letters, digits or dashes'),
    kind: MeetingKind,
    /** What the meeting is about; a consultation, a briefing and a GCM Talk are named by it. */
    title: oneLineText(200).optional(),
    /**
     * Omitted: derived from the review's first day (pre-consultation 12 weeks before, the hybrid consultation the
     * day before); other kinds have no date until one is set.
     */
    date: DateSpecSchema.optional(),
    startTime: LocalTime.optional(),
    timeZone: TimeZone.optional(),
    durationMinutes: z.number().int().min(15).max(1440).optional(),
    /** Omitted: hybrid for the multi-stakeholder consultation, virtual for every other kind. */
    mode: MeetingMode.optional(),
    /** The UN languages interpreted at this meeting; the review's when not given. */
    interpretationLanguages: z.array(Language).min(1).max(6).optional(),
    joinUrl: httpsUrl.optional(),
    venue: oneLineText(200).optional(),
    /** In-person places of the hybrid consultation; none given, no limit. */
    capacity: z.number().int().min(1).max(100_000).optional(),
    /** Whom to write to about this meeting: its organiser or focal point. */
    contact: z.email({ error: 'must be an email address' }).max(254).optional(),
  })
  .strict();
export type MeetingInput = z.infer<typeof MeetingInput>;

export const LeadTimes = z
  .object({
    invitationDays: z.number().int().min(1).max(180).default(21),
    materialsDays: z.number().int().min(1).max(180).default(14),
    reminderDays: z
      .array(z.number().int().min(1).max(60))
      .max(5)
      .refine((days) => new Set(days).size === days.length, 'lists each day once')
      .default([7, 1]),
  })
  .strict();
export type LeadTimes = z.infer<typeof LeadTimes>;

/**
 * What the secretariat keeps under `/admin/reviews/{reviewId}`: a region's review with the meetings around it, a
 * global consultation that several regions' reviews of a round share, or a briefing or GCM Talk accepted from a
 * request. Each has a registration page of its own, a plan, Scheduler jobs and emails; they differ in who they are
 * for and which meetings they hold.
 */
export const REVIEW_KINDS = ['regional-review', 'global-consultation', 'briefing', 'gcm-talk'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Kinds of record that hold a single meeting of their own kind, on the record's own date. */
export const SINGLE_MEETING_KINDS: readonly ReviewKind[] = ['global-consultation', 'briefing', 'gcm-talk'];

const IsoDate = z.iso.date({ error: 'must be a day written YYYY-MM-DD' });

/**
 * The region's discussion space on the Migration Network Hub, open for a while before the review: registrants are
 * told when it opens and a week before it closes. Its discussions feed the analytical paper.
 */
export const DiscussionSpace = z
  .object({
    opens: IsoDate,
    closes: IsoDate,
    url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
    /** Who moderates it, as the notices name them. */
    moderators: z.array(oneLineText(120)).max(10).default([]),
    /** The languages the space is moderated in; the review's interpretation languages when not given. */
    languages: z.array(Language).min(1).max(6).optional(),
  })
  .strict()
  .refine((space) => space.closes > space.opens, { path: ['closes'], message: 'must be after `opens`' });
export type DiscussionSpace = z.infer<typeof DiscussionSpace>;

/** Someone the reminders about the analytical paper go to: a focal point of the region. */
export const FocalPoint = z
  .object({
    email: z.email({ error: 'must be an email address' }).max(254),
    name: oneLineText(120).optional(),
    language: Language.default('en'),
  })
  .strict();
export type FocalPoint = z.infer<typeof FocalPoint>;

/** The analytical paper on the region's discussions, due some weeks before the review. */
export const AnalyticalPaper = z
  .object({
    weeksBefore: z.number().int().min(1).max(26).default(4),
    focalPoints: z.array(FocalPoint).max(20).default([]),
    /** Days before the paper is due that its focal points are reminded. */
    reminderDays: z
      .array(z.number().int().min(1).max(60))
      .max(5)
      .refine((days) => new Set(days).size === days.length, 'lists each day once')
      .default([14, 3]),
  })
  .strict();
export type AnalyticalPaper = z.infer<typeof AnalyticalPaper>;

/** What the secretariat sends to create or change a review (`PUT /admin/reviews/{reviewId}`). */
export const ReviewInput = z
  .object({
    kind: z.enum(REVIEW_KINDS).default('regional-review'),
    /** A regional review's region. */
    region: Region.optional(),
    /** The regions a global consultation is held for (two at least), or a briefing or GCM Talk is about. */
    regions: z.array(Region).min(1).max(5).optional(),
    title: oneLineText(200).optional(),
    /** The round of reviews it belongs to, e.g. "2023-2025, second round". */
    cycle: oneLineText(100).optional(),
    date: DateSpecSchema,
    /** Where the review meets; not yet known while its date is a month or a year. */
    venue: oneLineText(200).optional(),
    timeZone: TimeZone,
    /** Where the meeting documents are published; linked from the materials-publication email. */
    materialsUrl: httpsUrl.optional(),
    /** The materials in each language they exist in; a reader is given their own language's first. */
    materials: z.partialRecord(Language, httpsUrl).optional(),
    /** The UN languages interpreted at the review's meetings; the region's usual ones when not given. */
    interpretationLanguages: z.array(Language).min(1).max(6).optional(),
    /** When the review itself begins on its first day, local time; meetings have their own. */
    startTime: LocalTime.default('09:00'),
    /**
     * Omitted: a review's region's default meetings (one pre-consultation, two for Asia-Pacific, and the hybrid
     * consultation); a global consultation's one meeting, on its date.
     */
    meetings: z.array(MeetingInput).min(1).max(10).optional(),
    leadTimes: LeadTimes.default({ invitationDays: 21, materialsDays: 14, reminderDays: [7, 1] }),
    /** Who organises it (a GCM Talk's organisers, a briefing's network), as the public listing shows. */
    organisers: oneLineText(300).optional(),
    /** Whom it is for, as the public listing shows. */
    audience: oneLineText(300).optional(),
    discussionSpace: DiscussionSpace.optional(),
    /** Registrations wait for the secretariat's approval once their address is confirmed. */
    requiresApproval: z.boolean().optional(),
    /**
     * At most this many registrations (confirmed or awaiting approval) from one organisation, its name compared
     * without regard to case, accents' composition or spacing.
     */
    organisationCap: z.number().int().min(1).max(1000).optional(),
    /** A regional review's analytical paper: due 4 weeks before it unless given otherwise. */
    analyticalPaper: AnalyticalPaper.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'regional-review') {
      if (!input.region) issue('region', 'a regional review needs its region');
      if (input.regions) issue('regions', 'a regional review has one region: give `region`');
    } else {
      const named = {
        'global-consultation': 'global consultation',
        briefing: 'briefing',
        'gcm-talk': 'GCM Talk',
      }[input.kind];
      if (input.kind === 'global-consultation' && (input.regions?.length ?? 0) < 2)
        issue('regions', 'a global consultation needs the regions it is held for, two at least');
      if (input.region)
        issue(
          'region',
          input.kind === 'global-consultation'
            ? 'a global consultation is held for several regions: give `regions`'
            : `a ${named} names the regions it is about in \`regions\``,
        );
      if (!input.title) issue('title', `a ${named} is named by its title: give one`);
      if (input.discussionSpace || input.analyticalPaper)
        issue(
          input.discussionSpace ? 'discussionSpace' : 'analyticalPaper',
          'only a regional review has a discussion space and an analytical paper',
        );
    }
  });
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The interpretation a region's consultations usually have, among the six UN languages. */
const REGION_INTERPRETATION: Record<Region, Language[]> = {
  europe: ['en', 'fr', 'ru'],
  africa: ['ar', 'en', 'fr'],
  arab: ['ar', 'en', 'fr'],
  lac: ['es', 'en'],
  'asia-pacific': ['en', 'zh', 'ru'],
};

/** The review's interpretation: as given, else its region's usual languages, or all its regions' together. */
export const interpretationLanguagesOf = (
  review: Pick<ReviewInput, 'region' | 'regions' | 'interpretationLanguages'>,
): Language[] =>
  review.interpretationLanguages ?? [
    ...new Set(regionsOf(review).flatMap((region) => REGION_INTERPRETATION[region])),
  ];

/** The regions a review or a global consultation is for. */
export const regionsOf = (review: Pick<ReviewInput, 'region' | 'regions'>): Region[] =>
  review.regions ?? (review.region ? [review.region] : []);

export type ReviewStatus = 'active' | 'cancelled';

/** A review as stored: the secretariat's input plus identity, status and an optimistic-locking version. */
export interface Review extends ReviewInput {
  reviewId: string;
  status: ReviewStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /**
   * Per meeting, the start last announced and how many times it changed: the SEQUENCE of its calendar
   * invitations, raised by each move or cancellation.
   */
  calendar?: Record<string, MeetingCalendar>;
  /** The briefing request or GCM Talk proposal it was accepted from. */
  requestId?: string;
  /** When its registrants' personal data was purged, its retention having ended. */
  purgedAt?: string;
}

export interface MeetingCalendar {
  sequence: number;
  /** UTC start, or null while the meeting has no confirmed date (or is cancelled). */
  startsAt: string | null;
}
