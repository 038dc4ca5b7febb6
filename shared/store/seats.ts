import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import { conditionally } from './conditional';
import { seatCounterKey, WAITLIST_SK_PREFIX, waitlistKey } from './keys';

/**
 * In-person places, counted exactly under concurrency with single-item conditional writes (no transactions):
 * a counter per meeting that never passes the capacity, and a waiting list ordered by arrival.
 */
const table = () => setting('tableName');

/** Takes a place if one is free; false when the meeting is full. */
export async function reserveSeat(reviewId: string, meetingId: string, capacity: number): Promise<boolean> {
  return conditionally(
    new UpdateCommand({
      TableName: table(),
      Key: seatCounterKey(reviewId, meetingId),
      UpdateExpression: 'ADD taken :one',
      ConditionExpression: 'attribute_not_exists(taken) OR taken < :capacity',
      ExpressionAttributeValues: { ':one': 1, ':capacity': capacity },
    }),
  );
}

export async function releaseSeat(reviewId: string, meetingId: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: seatCounterKey(reviewId, meetingId),
      UpdateExpression: 'ADD taken :minusOne',
      ConditionExpression: 'taken > :zero',
      ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
    }),
  );
}

export async function seatsTaken(reviewId: string, meetingId: string): Promise<number> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: seatCounterKey(reviewId, meetingId), ConsistentRead: true }),
  );
  return Number(Item?.taken ?? 0);
}

export async function joinWaitlist(reviewId: string, meetingId: string, email: string, joinedAt: string) {
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...waitlistKey(reviewId, meetingId, joinedAt, email), email, joinedAt },
    }),
  );
}

/** Removes an entry; false when it was already gone (promoted or removed by someone else meanwhile). */
export async function leaveWaitlist(reviewId: string, meetingId: string, email: string, joinedAt: string) {
  return conditionally(
    new DeleteCommand({
      TableName: table(),
      Key: waitlistKey(reviewId, meetingId, joinedAt, email),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

export async function firstWaiting(
  reviewId: string,
  meetingId: string,
): Promise<{ email: string; joinedAt: string } | undefined> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `REVIEW#${reviewId}`, ':prefix': WAITLIST_SK_PREFIX(meetingId) },
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  const item = Items?.[0];
  return item ? { email: String(item.email), joinedAt: String(item.joinedAt) } : undefined;
}

/** 1 for the first in line. */
export async function waitlistPosition(reviewId: string, meetingId: string, email: string, joinedAt: string) {
  const { Count } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :own',
      ExpressionAttributeValues: {
        ':pk': `REVIEW#${reviewId}`,
        ':first': WAITLIST_SK_PREFIX(meetingId),
        ':own': waitlistKey(reviewId, meetingId, joinedAt, email).sk,
      },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return Count ?? 0;
}
