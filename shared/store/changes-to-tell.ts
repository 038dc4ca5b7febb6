import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './conditional';
import { CHANGE_SK_PREFIX, changeToTellKey } from './keys';
import { withPrefix } from './pages';
import type { Table } from './table';

/**
 * The durable side of a meeting change: recorded before the review is saved, marked told once its round ran. The
 * hourly reconcile schedules again any change of the current sequence still untold, so a crash between saving a
 * review and scheduling its round loses no notice.
 */
export interface ChangeToTell {
  meetingId: string;
  sequence: number;
  told: boolean;
}

export function changeStore(table: Table) {
  return {
    async record(reviewId: string, meetingId: string, sequence: number): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...changeToTellKey(reviewId, meetingId), meetingId, sequence, told: false },
        }),
      );
    },

    /** Marks the change told, unless a newer one replaced it meanwhile. */
    markTold(reviewId: string, meetingId: string, sequence: number): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: changeToTellKey(reviewId, meetingId),
          UpdateExpression: 'SET told = :told',
          ConditionExpression: '#sequence = :sequence',
          ExpressionAttributeNames: { '#sequence': 'sequence' },
          ExpressionAttributeValues: { ':told': true, ':sequence': sequence },
        }),
      );
    },

    async list(reviewId: string): Promise<ChangeToTell[]> {
      const { Items } = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          ...withPrefix(changeToTellKey(reviewId, '').pk, CHANGE_SK_PREFIX),
          ConsistentRead: true,
        }),
      );
      return (Items ?? []).map(({ meetingId, sequence, told }) => ({ meetingId, sequence, told }));
    },
  };
}
