import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds } from '#domain/tokens';
import { conditionally } from './conditional';
import { rateKey } from './keys';
import type { Table } from './table';

const WINDOW_SECONDS = 3600;

export function rateLimitStore(table: Table) {
  const count = async (subject: string, now: Date): Promise<number> => {
    const windowStart = Math.floor(epochSeconds(now) / WINDOW_SECONDS) * WINDOW_SECONDS;
    const { Attributes } = await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: rateKey(subject, windowStart),
        UpdateExpression: 'ADD attempts :one SET expiresAt = :expiresAt',
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': windowStart + 24 * 3600 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.attempts ?? 0);
  };

  return {
    /**
     * Counts one attempt for `subject` (a client address, an email address) in the current hour and answers
     * whether it stays within `limit`. One atomic counter per subject and hour, removed by TTL a day later.
     */
    async within(subject: string, limit: number, now: Date): Promise<boolean> {
      return (await count(subject, now)) <= limit;
    },

    /** Counts one attempt for `subject` in the current hour and answers how many there were, this one included. */
    count,

    /** Records that something single-use (a solved challenge) was used; false when it was already. */
    once(subject: string, expiresAt: number): Promise<boolean> {
      return conditionally(
        table,
        new PutCommand({
          TableName: table.name,
          Item: { ...rateKey(subject, 0), expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };
}
