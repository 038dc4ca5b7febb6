import * as z from 'zod';
import { Language } from '#i18n/languages';
import { GcmObjectives } from './contribution';
import { type DateSpec, DateSpecSchema } from './date-spec';
import { ValidationError } from './errors';
import { Region } from './regions';
import { ReviewId } from './review';
import { multiLineText, oneLineText } from './text';

/**
 * What stakeholders may ask the secretariat for: a briefing for their network, or a GCM Talk they propose to
 * organise. Accepted, each becomes a record of its own kind, with its meeting, registration page and emails.
 */
export const REQUEST_KINDS = ['briefing', 'gcm-talk'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Who asks, and in which language they are answered. */
const requester = {
  name: oneLineText(120),
  email: z.email({ error: 'must be an email address such as name@example.org' }).max(254),
  language: Language,
  consent: z.literal(true, { error: 'consent is needed to send a request' }),
};

const interpretation = z.array(Language).max(6).default([]);

/** A stakeholder network asks for a briefing on the reviews, in its languages, around dates it prefers. */
export const BriefingRequestInput = z
  .object({
    kind: z.literal('briefing'),
    network: oneLineText(200),
    scope: z.enum(['sectoral', 'regional'], { error: 'choose sectoral or regional' }),
    /** The region(s) a regional network works in, or a sectoral one would be briefed about. */
    regions: z.array(Region).max(5).default([]),
    topic: oneLineText(200),
    /** When the network would like it, in the requester's own words and language. */
    preferredDates: oneLineText(200),
    languages: interpretation,
    expectedParticipants: z
      .number({ error: 'must be a number of people' })
      .int('must be a whole number')
      .min(1)
      .max(10_000),
    ...requester,
  })
  .strict()
  .refine((input) => input.scope === 'sectoral' || input.regions.length > 0, {
    path: ['regions'],
    message: 'a regional network names its region',
  });
export type BriefingRequestInput = z.infer<typeof BriefingRequestInput>;

export const TALK_LEVELS = ['global', 'regional', 'national'] as const;
export const TALK_FORMATS = ['online', 'hybrid'] as const;

/** Anyone may propose a GCM Talk: a conversation they organise on the Compact's themes, open to all. */
export const TalkProposalInput = z
  .object({
    kind: z.literal('gcm-talk'),
    title: oneLineText(200),
    organisers: oneLineText(300),
    level: z.enum(TALK_LEVELS, { error: 'choose global, regional or national' }),
    themes: multiLineText(2000).pipe(z.string().min(1, 'say what the talk is about')),
    objectives: GcmObjectives,
    /** A date or a period, in the proposer's own words and language. */
    proposedDate: oneLineText(200),
    format: z.enum(TALK_FORMATS, { error: 'choose online or hybrid' }),
    interpretationLanguages: interpretation,
    audience: oneLineText(300),
    ...requester,
  })
  .strict();
export type TalkProposalInput = z.infer<typeof TalkProposalInput>;

export const RequestInput = z.discriminatedUnion('kind', [BriefingRequestInput, TalkProposalInput]);
export type RequestInput = z.infer<typeof RequestInput>;

/**
 * Pending until the requester confirms their address by the emailed link; received (the secretariat is told),
 * then accepted (a record of its kind is created) or declined with a reason.
 */
export type RequestStatus = 'pending' | 'received' | 'accepted' | 'declined';

type WithoutConsent<T> = T extends unknown ? Omit<T, 'consent'> : never;

export type StakeholderRequest = WithoutConsent<RequestInput> & {
  requestId: string;
  status: RequestStatus;
  createdAt: string;
  consentAt: string;
  confirmedAt?: string;
  decidedAt?: string;
  declineReason?: string;
  /** The record an accepted request became. */
  reviewId?: string;
  /** The one confirmation link's nonce, while pending. */
  confirmNonce?: string;
  /** A pending request lapses (DynamoDB TTL in AWS; filtered on read). Epoch seconds. */
  expiresAt?: number;
};

/** How a request is named: a talk by its title, a briefing by its topic. */
export const requestTitle = (request: Pick<RequestInput, 'kind'> & { title?: string; topic?: string }) =>
  (request.kind === 'gcm-talk' ? request.title : request.topic) ?? '';

const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time written HH:mm (24-hour), e.g. "14:00"');

/**
 * The secretariat's decision. Accepting names the record the request becomes and what the request did not say:
 * the time zone, and, when known, the day, time, join link and the rest. The date defaults to the one asked for
 * when this service reads it ("May 2027", "12 or 14 May 2027"); asked in other words, the decision gives it.
 */
export const RequestDecision = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('accept'),
      reviewId: ReviewId,
      timeZone: z.string(),
      date: DateSpecSchema.optional(),
      startTime: LocalTime.optional(),
      durationMinutes: z.number().int().min(15).max(1440).optional(),
      joinUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
      venue: oneLineText(200).optional(),
      contact: z.email({ error: 'must be an email address' }).max(254).optional(),
      cycle: oneLineText(100).optional(),
    })
    .strict(),
  z.object({ decision: z.literal('decline'), reason: oneLineText(500) }).strict(),
]);
export type RequestDecision = z.infer<typeof RequestDecision>;

/**
 * The record an accepted request becomes (the body of `PUT /admin/reviews/{reviewId}`): a briefing or a GCM Talk
 * with its one meeting, named, dated and interpreted as asked unless the decision says otherwise.
 */
export function recordFromRequest(
  request: StakeholderRequest,
  decision: Extract<RequestDecision, { decision: 'accept' }>,
) {
  const {
    reviewId: _id,
    decision: _decision,
    date,
    startTime,
    durationMinutes,
    joinUrl,
    contact,
    ...rest
  } = decision;
  const askedDate = request.kind === 'gcm-talk' ? request.proposedDate : request.preferredDates;
  const readable = DateSpecSchema.safeParse(askedDate);
  if (!date && !readable.success)
    throw new ValidationError([
      {
        field: 'date',
        message: `the request asks for "${askedDate}", which is not a date this service reads: give the date`,
      },
    ]);
  const asked =
    request.kind === 'gcm-talk'
      ? {
          organisers: request.organisers,
          audience: request.audience,
          languages: request.interpretationLanguages,
          mode: request.format === 'hybrid' ? ('hybrid' as const) : ('virtual' as const),
          regions: [],
        }
      : {
          organisers: request.network,
          languages: request.languages,
          mode: 'virtual' as const,
          regions: request.regions,
        };
  return {
    kind: request.kind,
    title: requestTitle(request),
    ...(asked.regions.length > 0 ? { regions: asked.regions } : {}),
    date: date ?? (readable.data as DateSpec),
    organisers: asked.organisers,
    ...(asked.audience ? { audience: asked.audience } : {}),
    ...(asked.languages.length > 0 ? { interpretationLanguages: asked.languages } : {}),
    ...rest,
    meetings: [
      {
        id: request.kind === 'gcm-talk' ? 'talk' : 'briefing',
        kind: request.kind,
        title: requestTitle(request),
        mode: asked.mode,
        ...(startTime ? { startTime } : {}),
        ...(durationMinutes ? { durationMinutes } : {}),
        ...(joinUrl ? { joinUrl } : {}),
        ...(contact ? { contact } : {}),
      },
    ],
  };
}
