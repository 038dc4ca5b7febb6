import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DeliveryRound, ROUND_SK_PREFIX, reviewPartition, roundKey } from './keys';
import { type Page, type PageRequest, queryPage, queryPages, withPrefix } from './pages';
import type { Table } from './table';

/** A round of a review's emails, and when it first started. */
export interface RoundRecord extends DeliveryRound {
  startedAt: string;
  /** Once the review's retention ended: the counts per status its deliveries had when they were deleted. */
  purgedCounts?: Record<string, number>;
}

const roundOf = ({ pk: _pk, sk: _sk, ...round }: Record<string, unknown>) => round as unknown as RoundRecord;

/**
 * The rounds each review's emails went out in. Deliveries are kept per round, so without this list the
 * secretariat could not see every round (a milestone moved since, an upload's invitations, a one-off message)
 * and an erasure could not find every delivery to an address.
 */
export function roundStore(table: Table) {
  return {
    /** Records the round, started now unless an earlier invocation started it; answers when it started. */
    async record(round: DeliveryRound, now: Date): Promise<Date> {
      const { Attributes } = await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: roundKey(round),
          UpdateExpression:
            'SET reviewId = :reviewId, milestoneId = :milestoneId, #at = :at, startedAt = if_not_exists(startedAt, :now)',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: {
            ':reviewId': round.reviewId,
            ':milestoneId': round.milestoneId,
            ':at': round.at,
            ':now': now.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return new Date(Attributes?.startedAt ?? now);
    },

    /** One page of a review's rounds, in the order of their ids (milestone, then time). */
    page(reviewId: string, request: PageRequest): Promise<Page<RoundRecord>> {
      return queryPage(table, withPrefix(reviewPartition(reviewId), ROUND_SK_PREFIX), roundOf, request);
    },

    /** Every round of a review, the latest started first. */
    async list(reviewId: string): Promise<RoundRecord[]> {
      const all: RoundRecord[] = [];
      const pages = queryPages(table, withPrefix(reviewPartition(reviewId), ROUND_SK_PREFIX), roundOf);
      for await (const page of pages) all.push(...page.items);
      return all.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
  };
}
