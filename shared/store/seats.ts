import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeEmail } from '#domain/text';
import { conditionally } from './conditional';
import { reviewPartition, seatCounterKey, WAITLIST_SK_PREFIX, waitlistKey } from './keys';
import { withPrefix } from './pages';
import type { Table } from './table';

/**
 * In-person places, held exactly under concurrency with single-item conditional writes (no transactions): the
 * places of a meeting are the set of addresses holding them, in one item, which never grows past the capacity; and
 * a waiting list ordered by arrival. Because a place names its holder, one taken by a registration that a crash
 * then left without it can be found and given back (`shared/services/seat-repair.ts`); a bare count could not.
 */
export function seatStore(table: Table) {
  const holders = async (reviewId: string, meetingId: string): Promise<string[]> => {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: seatCounterKey(reviewId, meetingId),
        ConsistentRead: true,
      }),
    );
    return [...((Item?.holders as Set<string> | undefined) ?? [])];
  };

  return {
    /** Takes a place for `email` if one is free; true as well when the address holds one already. */
    async reserve(reviewId: string, meetingId: string, capacity: number, email: string): Promise<boolean> {
      const holder = normalizeEmail(email);
      const taken = await conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: seatCounterKey(reviewId, meetingId),
          UpdateExpression: 'ADD holders :holder',
          ConditionExpression:
            'attribute_not_exists(holders) OR (size(holders) < :capacity AND NOT contains(holders, :email))',
          ExpressionAttributeValues: {
            ':holder': new Set([holder]),
            ':capacity': capacity,
            ':email': holder,
          },
        }),
      );
      return taken || (await holders(reviewId, meetingId)).includes(holder);
    },

    /** Gives back the place `email` holds, if it holds one. */
    async release(reviewId: string, meetingId: string, email: string): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: seatCounterKey(reviewId, meetingId),
          UpdateExpression: 'DELETE holders :holder',
          ExpressionAttributeValues: { ':holder': new Set([normalizeEmail(email)]) },
        }),
      );
    },

    holders,

    async taken(reviewId: string, meetingId: string): Promise<number> {
      return (await holders(reviewId, meetingId)).length;
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
          ...withPrefix(reviewPartition(reviewId), WAITLIST_SK_PREFIX(meetingId)),
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
