import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds } from '#domain/tokens';
import { conditionally } from './conditional';
import { isLive } from './pending';
import type { Table } from './table';

type Key = { pk: string; sk: string };

/**
 * What stakeholders send through a public form and confirm by an emailed link (a contribution, a request): kept
 * pending with the link's nonce until confirmed, when it is received by the secretariat.
 */
export function submissionItems<T>(table: Table) {
  const strip = (item: Record<string, unknown>): T => {
    const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...rest } = item;
    return rest as T;
  };
  return {
    strip,

    async recordPending(key: Key & Record<string, unknown>, submission: T): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...key, ...submission },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(key: Key, now: Date): Promise<T | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
      );
      return Item && isLive(Item, now) ? strip(Item) : undefined;
    },

    /** Spends the confirmation link's nonce; false when the submission lapsed or the link was used. */
    confirm(key: Key, nonce: string, now: Date): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: key,
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

    /**
     * Records the secretariat's decision: `status` with `fields` set and `cleared` removed, if the submission is
     * in one of the `from` statuses; false when it is not (never confirmed, or decided for good).
     */
    decide(
      key: Key,
      from: string[],
      status: string,
      fields: Record<string, unknown>,
      cleared: string[],
    ): Promise<boolean> {
      const names = Object.keys(fields);
      const set = ['#status = :status', ...names.map((_, i) => `#f${i} = :f${i}`)].join(', ');
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: key,
          UpdateExpression: `SET ${set}${cleared.length > 0 ? ` REMOVE ${cleared.join(', ')}` : ''}`,
          ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':status': status,
            ...Object.fromEntries(from.map((value, i) => [`:from${i}`, value])),
            ...Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
          },
        }),
      );
    },
  };
}
