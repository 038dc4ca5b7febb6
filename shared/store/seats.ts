import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './conditional';
import { reviewPartition, seatCounterKey, WAITLIST_SK_PREFIX, waitlistKey } from './keys';
import type { Table } from './table';

/**
 * In-person places, counted exactly under concurrency with single-item conditional writes (no transactions):
 * a counter per meeting that never passes the capacity, and a waiting list ordered by arrival.
 */
export function seatStore(table: Table) {
  return {
    /** Takes a place if one is free; false when the meeting is full. */
    reserve(reviewId: string, meetingId: string, capacity: number): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: seatCounterKey(reviewId, meetingId),
          UpdateExpression: 'ADD taken :one',
          ConditionExpression: 'attribute_not_exists(taken) OR taken < :capacity',
          ExpressionAttributeValues: { ':one': 1, ':capacity': capacity },
        }),
      );
    },

    async release(reviewId: string, meetingId: string): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: seatCounterKey(reviewId, meetingId),
          UpdateExpression: 'ADD taken :minusOne',
          ConditionExpression: 'taken > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    },

    async taken(reviewId: string, meetingId: string): Promise<number> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: seatCounterKey(reviewId, meetingId),
          ConsistentRead: true,
        }),
      );
      return Number(Item?.taken ?? 0);
    },

    async joinWaitlist(reviewId: string, meetingId: string, email: string, joinedAt: string): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...waitlistKey(reviewId, meetingId, joinedAt, email), email, joinedAt },
        }),
      );
    },

    /** Removes an entry; false when it was already gone (promoted or removed by someone else meanwhile). */
    leaveWaitlist(reviewId: string, meetingId: string, email: string, joinedAt: string): Promise<boolean> {
      return conditionally(
        table,
        new DeleteCommand({
          TableName: table.name,
          Key: waitlistKey(reviewId, meetingId, joinedAt, email),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    },

    async firstWaiting(
      reviewId: string,
      meetingId: string,
    ): Promise<{ email: string; joinedAt: string } | undefined> {
      const { Items } = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': reviewPartition(reviewId),
            ':prefix': WAITLIST_SK_PREFIX(meetingId),
          },
          ConsistentRead: true,
          Limit: 1,
        }),
      );
      const item = Items?.[0];
      return item ? { email: String(item.email), joinedAt: String(item.joinedAt) } : undefined;
    },

    /** 1 for the first in line. */
    async waitlistPosition(
      reviewId: string,
      meetingId: string,
      email: string,
      joinedAt: string,
    ): Promise<number> {
      const { Count } = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :own',
          ExpressionAttributeValues: {
            ':pk': reviewPartition(reviewId),
            ':first': WAITLIST_SK_PREFIX(meetingId),
            ':own': waitlistKey(reviewId, meetingId, joinedAt, email).sk,
          },
          Select: 'COUNT',
          ConsistentRead: true,
        }),
      );
      return Count ?? 0;
    },
  };
}
