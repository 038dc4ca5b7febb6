import { randomBytes } from 'node:crypto';
import {
  type Contribution,
  ContributionDecision,
  ContributionInput,
  contributionCounts,
} from '#domain/contribution';
import { NotFoundError, parseOrThrow, ValidationError } from '#domain/errors';
import { contributionConfirmationMessage, contributionDecisionMessage } from '#domain/messages';
import type { Review } from '#domain/review';
import { normalizeEmail } from '#domain/text';
import { CONFIRMATION_TOKEN_TTL_SECONDS, epochSeconds, type LinkProblem, verifyToken } from '#domain/tokens';
import type { PageRequest } from '#store/pages';
import type { Needs } from './dependencies';
import { linksFor } from './links';
import { notify } from './notify';
import { requireProofWhenBusy } from './proof-of-work';
import { RateLimitedError } from './registration';
import { reviewOrNotFound } from './reviews';

/** Contributions one email address may send in an hour; a busy network is asked for a proof of work instead. */
export const CONTRIBUTION_LIMITS = { perAddress: 5 };

type ContributionDependencies = Needs<'store' | 'mailer' | 'log' | 'signingKey' | 'site'>;

/** Ids that sort as the contributions came in, unguessable all the same. */
const newContributionId = (now: Date) =>
  `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`;

/** The review a stakeholder can contribute to now, or undefined. */
export async function reviewOpenToContributions(deps: Needs<'store'>, reviewId: string) {
  const review = await deps.store.reviews.get(reviewId);
  return review?.status === 'active' ? review : undefined;
}

/**
 * A stakeholder sends a written contribution: it is kept pending, and a link to send it on goes to their address,
 * in their language. The caller answers the same whatever happened here. `proof` is the proof of work a busy
 * network's form carries.
 */
export async function submitContribution(
  deps: ContributionDependencies,
  body: unknown,
  now: Date,
  client: string,
  proof?: string,
): Promise<void> {
  const input = parseOrThrow(ContributionInput, body);
  await requireProofWhenBusy(deps, client, proof, now);
  const email = `contribution-email:${normalizeEmail(input.email)}`;
  if (!(await deps.store.rateLimits.within(email, CONTRIBUTION_LIMITS.perAddress, now)))
    throw new RateLimitedError();
  const review = await reviewOpenToContributions(deps, input.reviewId);
  if (!review)
    throw new ValidationError([
      { field: 'reviewId', message: `there is no open review "${input.reviewId}"` },
    ]);

  const { consent: _consent, ...details } = input;
  const contribution: Contribution = {
    ...details,
    contributionId: newContributionId(now),
    status: 'pending',
    createdAt: now.toISOString(),
    consentAt: now.toISOString(),
    confirmNonce: randomBytes(16).toString('base64url'),
    expiresAt: epochSeconds(now) + CONFIRMATION_TOKEN_TTL_SECONDS,
  };
  await deps.store.contributions.recordPending(contribution);
  const links = linksFor(deps.site, now, await deps.signingKey());
  const confirmUrl = links.confirmContribution(
    contribution,
    contribution.confirmNonce as string,
    contribution.expiresAt as number,
  );
  await notify(deps, input, contributionConfirmationMessage(review, input, input.title, confirmUrl));
}

export type ContributionLink =
  | { ok: true; review: Review; contribution: Contribution; nonce?: string }
  | { ok: false; reason: LinkProblem };

/** Reads a contribution's confirmation link without using it: the page shows a button, whose POST sends it. */
export async function checkContributionLink(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<ContributionLink> {
  const check = verifyToken(token, 'confirm-contribution', await deps.signingKey(), now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { reviewId, contributionId, nonce } = check.claims;
  const review = await deps.store.reviews.get(reviewId);
  const contribution = contributionId && (await deps.store.contributions.get(reviewId, contributionId, now));
  if (!review || !contribution) return { ok: false, reason: 'expired' };
  return { ok: true, review, contribution, nonce };
}

/** The button's POST: spends the link's nonce, and the contribution reaches the secretariat. */
export async function confirmContribution(
  deps: Needs<'store' | 'signingKey'>,
  token: string,
  now: Date,
): Promise<ContributionLink & ({ ok: true; already: boolean } | { ok: false })> {
  const link = await checkContributionLink(deps, token, now);
  if (!link.ok) return link;
  const { review, contribution, nonce } = link;
  const spent =
    nonce !== undefined &&
    (await deps.store.contributions.confirm(review.reviewId, contribution.contributionId, nonce, now));
  if (spent) return { ...link, contribution: { ...contribution, status: 'received' }, already: false };
  if (contribution.status === 'pending') return { ok: false, reason: 'used' };
  return { ...link, already: true };
}

/** The secretariat accepts or rejects (with its reason) a contribution it received; its sender is told. */
export async function moderateContribution(
  deps: Needs<'store' | 'mailer' | 'log'>,
  reviewId: string | undefined,
  contributionId: string | undefined,
  body: unknown,
  now: Date,
): Promise<Contribution> {
  const decision = parseOrThrow(ContributionDecision, body);
  const review = reviewId ? await deps.store.reviews.get(reviewId) : undefined;
  const contribution =
    review && contributionId
      ? await deps.store.contributions.get(review.reviewId, contributionId, now)
      : undefined;
  if (!review || !contribution || contribution.status === 'pending')
    throw new NotFoundError(`contribution ${contributionId} of review ${reviewId}`);
  if (!(await deps.store.contributions.moderate(review.reviewId, contribution.contributionId, decision, now)))
    throw new NotFoundError(`contribution ${contributionId} of review ${reviewId}`);
  await notify(
    deps,
    contribution,
    contributionDecisionMessage(review, contribution, contribution.title, decision),
  );
  return (await deps.store.contributions.get(
    review.reviewId,
    contribution.contributionId,
    now,
  )) as Contribution;
}

/**
 * What the secretariat sees of a review's contributions (those whose senders confirmed them): each, with the
 * counts per status, and of those received or accepted, per objective and per stakeholder group.
 */
export async function reviewContributions(
  deps: Needs<'store'>,
  reviewId: string | undefined,
  request: PageRequest,
) {
  const review = await reviewOrNotFound(deps, reviewId);
  const [confirmed, page] = await Promise.all([
    deps.store.contributions.tally(review.reviewId),
    deps.store.contributions.page(review.reviewId, request),
  ]);
  const byStatus: Record<string, number> = {};
  for (const { status } of confirmed) byStatus[status] = (byStatus[status] ?? 0) + 1;
  const kept = confirmed.filter((c) => c.status === 'received' || c.status === 'accepted');
  return {
    reviewId: review.reviewId,
    total: confirmed.length,
    byStatus,
    ...contributionCounts(kept),
    contributions: page.items.map(withoutSecrets),
    ...(page.next ? { next: page.next } : {}),
  };
}

const withoutSecrets = ({ confirmNonce: _nonce, expiresAt: _expires, ...shown }: Contribution) => shown;

/** The accepted contributions of a review, for the authors of its analytical paper. */
export async function acceptedContributions(deps: Needs<'store'>, reviewId: string | undefined, now: Date) {
  const review = await reviewOrNotFound(deps, reviewId);
  return (await deps.store.contributions.list(review.reviewId, now))
    .filter((c) => c.status === 'accepted')
    .map(withoutSecrets);
}
