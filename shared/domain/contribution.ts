import * as z from 'zod';
import { Language } from '#i18n/languages';
import { StakeholderGroup } from './registrant';
import { ReviewId } from './review';
import { multiLineText, oneLineText } from './text';

/** The Global Compact's 23 objectives, by number. */
export const GCM_OBJECTIVES = Array.from({ length: 23 }, (_, i) => i + 1);

/** The objectives a contribution or a GCM Talk addresses: one at least, each once. */
export const GcmObjectives = z
  .array(z.number().int().min(1).max(23))
  .min(1, 'name at least one objective it addresses')
  .refine((numbers) => new Set(numbers).size === numbers.length, 'lists each objective once');

/** A contribution's text is read whole by the secretariat's authors: long enough for a paper, short of a book. */
export const MAX_CONTRIBUTION_CHARACTERS = 20_000;

/**
 * A stakeholder's written contribution to a region's review, which feeds its analytical paper: a text, or a link to
 * one, with the objectives it addresses and whether it may be published.
 */
export const ContributionInput = z
  .object({
    reviewId: ReviewId,
    name: oneLineText(120),
    email: z.email({ error: 'must be an email address such as name@example.org' }).max(254),
    organisation: oneLineText(200).optional(),
    stakeholderGroup: StakeholderGroup,
    language: Language,
    title: oneLineText(200),
    text: multiLineText(MAX_CONTRIBUTION_CHARACTERS).optional(),
    link: z.url({ protocol: /^https?$/, error: 'must be a web address starting with https://' }).optional(),
    objectives: GcmObjectives,
    publishable: z.boolean(),
    consent: z.literal(true, { error: 'consent is needed to send a contribution' }),
  })
  .strict()
  .refine((input) => input.text || input.link, {
    path: ['text'],
    message: 'write the contribution here, or give a link to it',
  });
export type ContributionInput = z.infer<typeof ContributionInput>;

/**
 * Pending until its sender confirms their address by the emailed link; received, then accepted or rejected by the
 * secretariat.
 */
export type ContributionStatus = 'pending' | 'received' | 'accepted' | 'rejected';

export interface Contribution extends Omit<ContributionInput, 'consent'> {
  contributionId: string;
  status: ContributionStatus;
  createdAt: string;
  consentAt: string;
  confirmedAt?: string;
  moderatedAt?: string;
  rejectionReason?: string;
  /** The one confirmation link's nonce, while pending. */
  confirmNonce?: string;
  /** A pending contribution lapses (DynamoDB TTL in AWS; filtered on read). Epoch seconds. */
  expiresAt?: number;
}

/** The secretariat's decision on a received contribution. */
export const ContributionDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z.object({ decision: z.literal('reject'), reason: oneLineText(500) }).strict(),
]);
export type ContributionDecision = z.infer<typeof ContributionDecision>;

/** How many contributions address each objective, and come from each stakeholder group. */
export function contributionCounts(contributions: Pick<Contribution, 'objectives' | 'stakeholderGroup'>[]) {
  const byObjective: Record<number, number> = Object.fromEntries(GCM_OBJECTIVES.map((n) => [n, 0]));
  const byStakeholderGroup: Record<string, number> = {};
  for (const { objectives, stakeholderGroup } of contributions) {
    for (const n of objectives) byObjective[n] = (byObjective[n] ?? 0) + 1;
    byStakeholderGroup[stakeholderGroup] = (byStakeholderGroup[stakeholderGroup] ?? 0) + 1;
  }
  return { byObjective, byStakeholderGroup };
}
