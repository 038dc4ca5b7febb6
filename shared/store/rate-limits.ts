import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import { epochSeconds, rateKey } from './keys';

const WINDOW_SECONDS = 3600;

/**
 * Counts one attempt for `subject` (a client address, an email address) in the current hour and answers whether
 * it stays within `limit`. One atomic counter per subject and hour, removed by TTL a day later.
 */
export async function withinRateLimit(subject: string, limit: number, now: Date): Promise<boolean> {
  const windowStart = Math.floor(epochSeconds(now) / WINDOW_SECONDS) * WINDOW_SECONDS;
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: setting('tableName'),
      Key: rateKey(subject, windowStart),
      UpdateExpression: 'ADD attempts :one SET expiresAt = :expiresAt',
      ExpressionAttributeValues: { ':one': 1, ':expiresAt': windowStart + 24 * 3600 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.attempts ?? 0) <= limit;
}
