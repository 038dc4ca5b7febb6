import type { Contribution, ContributionDecision } from '#domain/contribution';
import { CONTRIBUTION_SK_PREFIX, contributionKey, reviewPartition } from './keys';
import { type Page, type PageRequest, queryPage, queryPages, withPrefix } from './pages';
import { isLive } from './pending';
import { submissionItems } from './submissions';
import type { Table } from './table';

/** The query of a review's contributions that their senders confirmed. */
const confirmedOf = (reviewId: string) => ({
  ...withPrefix(reviewPartition(reviewId), CONTRIBUTION_SK_PREFIX, { ':pending': 'pending' }),
  FilterExpression: '#status <> :pending',
  ExpressionAttributeNames: { '#status': 'status' },
});

export function contributionStore(table: Table) {
  const items = submissionItems<Contribution>(table);
  return {
    recordPending: (contribution: Contribution) =>
      items.recordPending(contributionKey(contribution.reviewId, contribution.contributionId), contribution),

    get: (reviewId: string, contributionId: string, now: Date) =>
      items.get(contributionKey(reviewId, contributionId), now),

    /** Spends the confirmation link's nonce; false when the contribution lapsed or the link was used. */
    confirm: (reviewId: string, contributionId: string, nonce: string, now: Date) =>
      items.confirm(contributionKey(reviewId, contributionId), nonce, now),
    /** Records the secretariat's decision on a confirmed contribution; false when there is none to decide on. */
    moderate(reviewId: string, contributionId: string, decision: ContributionDecision, now: Date) {
      const accepted = decision.decision === 'accept';
      return items.decide(
        contributionKey(reviewId, contributionId),
        ['received', 'accepted', 'rejected'],
        accepted ? 'accepted' : 'rejected',
        { moderatedAt: now.toISOString(), ...(accepted ? {} : { rejectionReason: decision.reason }) },
        accepted ? ['rejectionReason'] : [],
      );
    },

    /** One page of the contributions to a review that their senders confirmed, oldest first. */
    page(reviewId: string, request: PageRequest): Promise<Page<Contribution>> {
      return queryPage(table, confirmedOf(reviewId), items.strip, request);
    },

    /** What the counts of a review's confirmed contributions need of each, without their texts. */
    async tally(
      reviewId: string,
    ): Promise<Pick<Contribution, 'status' | 'objectives' | 'stakeholderGroup'>[]> {
      const all: Pick<Contribution, 'status' | 'objectives' | 'stakeholderGroup'>[] = [];
      const pages = queryPages(
        table,
        {
          ...confirmedOf(reviewId),
          ProjectionExpression: '#status, objectives, stakeholderGroup',
        },
        (item) => item as Pick<Contribution, 'status' | 'objectives' | 'stakeholderGroup'>,
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },

    /** Every live contribution to a review, oldest first. */
    async list(reviewId: string, now: Date): Promise<Contribution[]> {
      const all: Contribution[] = [];
      const pages = queryPages(
        table,
        withPrefix(reviewPartition(reviewId), CONTRIBUTION_SK_PREFIX),
        (item) => (isLive(item, now) ? items.strip(item) : undefined),
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },
  };
}
