import { GetCommand, PutCommand, paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import type { Registrant } from '../domain/registrant';
import { epochSeconds, REGISTRANT_SK_PREFIX, registrantKey } from './keys';

const table = () => setting('tableName');
const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** A lapsed pending registration counts as absent, whether or not TTL has removed it yet. */
const isLive = (item: Record<string, unknown>, now: Date) =>
  item.status !== 'pending' || typeof item.expiresAt !== 'number' || item.expiresAt > epochSeconds(now);

export async function getRegistrant(
  reviewId: string,
  email: string,
  now: Date,
): Promise<Registrant | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: registrantKey(reviewId, email), ConsistentRead: true }),
  );
  return Item && isLive(Item, now) ? toRegistrant(Item) : undefined;
}

/**
 * Records a pending registration unless the address already has a live one for this review; the key and the
 * condition make the store, not the caller, the guarantee of one registration per address per review.
 * Answers the registrant now stored.
 */
export async function recordPendingRegistrant(registrant: Registrant, now: Date): Promise<Registrant> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...registrantKey(registrant.reviewId, registrant.email), ...registrant },
        ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND expiresAt <= :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': epochSeconds(now) },
      }),
    );
    return registrant;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = await getRegistrant(registrant.reviewId, registrant.email, now);
    if (!existing) throw error;
    return existing;
  }
}

/** Confirms a pending registration; answers false when there is none to confirm (lapsed or never made). */
export async function confirmRegistrant(reviewId: string, email: string, now: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: registrantKey(reviewId, email),
        UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at REMOVE expiresAt',
        ConditionExpression: '#status = :pending AND expiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':confirmed': 'confirmed',
          ':pending': 'pending',
          ':at': now.toISOString(),
          ':now': epochSeconds(now),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The review's confirmed registrants, a page at a time, so a large audience never sits in memory at once. */
export async function* confirmedRegistrants(reviewId: string): AsyncGenerator<Registrant> {
  const pages = paginateQuery(
    { client: dynamo() },
    {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status = :confirmed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': registrantKey(reviewId, '').pk,
        ':prefix': REGISTRANT_SK_PREFIX,
        ':confirmed': 'confirmed',
      },
    },
  );
  for await (const page of pages) for (const item of page.Items ?? []) yield toRegistrant(item);
}

function toRegistrant(item: Record<string, unknown>): Registrant {
  const { pk: _pk, sk: _sk, ...registrant } = item;
  return registrant as unknown as Registrant;
}
