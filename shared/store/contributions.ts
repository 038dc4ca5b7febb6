import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Contribution, ContributionDecision } from '#domain/contribution';
import { epochSeconds } from '#domain/tokens';
import { conditionally } from './conditional';
import { CONTRIBUTION_SK_PREFIX, contributionKey, reviewPartition } from './keys';
import { queryPages } from './pages';
import { isLive } from './pending';
import type { Table } from './table';

export function contributionStore(table: Table) {
  return {
    async recordPending(contribution: Contribution): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...contributionKey(contribution.reviewId, contribution.contributionId), ...contribution },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(reviewId: string, contributionId: string, now: Date): Promise<Contribution | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: contributionKey(reviewId, contributionId),
          ConsistentRead: true,
        }),
      );
      return Item && isLive(Item, now) ? toContribution(Item) : undefined;
    },

    /** Spends the confirmation link's nonce; false when the contribution lapsed or the link was used. */
    confirm(reviewId: string, contributionId: string, nonce: string, now: Date): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: contributionKey(reviewId, contributionId),
          UpdateExpression: 'SET #status = :received, confirmedAt = :at REMOVE expiresAt, confirmNonce',
          ConditionExpression: '#status = :pending AND expiresAt > :now AND confirmNonce = :nonce',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':received': 'received',
            ':pending': 'pending',
            ':at': now.toISOString(),
            ':now': epochSeconds(now),
            ':nonce': nonce,
          },
        }),
      );
    },

    /** Records the secretariat's decision on a confirmed contribution; false when there is none to decide on. */
    moderate(
      reviewId: string,
      contributionId: string,
      decision: ContributionDecision,
      now: Date,
    ): Promise<boolean> {
      const accepted = decision.decision === 'accept';
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: contributionKey(reviewId, contributionId),
          UpdateExpression: accepted
            ? 'SET #status = :status, moderatedAt = :at REMOVE rejectionReason'
            : 'SET #status = :status, moderatedAt = :at, rejectionReason = :reason',
          ConditionExpression: '#status IN (:received, :accepted, :rejected)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': accepted ? 'accepted' : 'rejected',
            ':at': now.toISOString(),
            ':received': 'received',
            ':accepted': 'accepted',
            ':rejected': 'rejected',
            ...(accepted ? {} : { ':reason': decision.reason }),
          },
        }),
      );
    },

    /** Every live contribution to a review, oldest first. */
    async list(reviewId: string, now: Date): Promise<Contribution[]> {
      const all: Contribution[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': reviewPartition(reviewId), ':prefix': CONTRIBUTION_SK_PREFIX },
        },
        (item) => (isLive(item, now) ? toContribution(item) : undefined),
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },
  };
}

function toContribution(item: Record<string, unknown>): Contribution {
  const { pk: _pk, sk: _sk, ...contribution } = item;
  return contribution as unknown as Contribution;
}
