import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import { conditionally } from './conditional';
import { CHANGE_SK_PREFIX, changeToTellKey } from './keys';

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

const table = () => setting('tableName');

export async function recordChangeToTell(
  reviewId: string,
  meetingId: string,
  sequence: number,
): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...changeToTellKey(reviewId, meetingId), meetingId, sequence, told: false },
    }),
  );
}

/** Marks the change told, unless a newer one replaced it meanwhile. */
export async function markChangeTold(
  reviewId: string,
  meetingId: string,
  sequence: number,
): Promise<boolean> {
  return conditionally(
    new UpdateCommand({
      TableName: table(),
      Key: changeToTellKey(reviewId, meetingId),
      UpdateExpression: 'SET told = :told',
      ConditionExpression: '#sequence = :sequence',
      ExpressionAttributeNames: { '#sequence': 'sequence' },
      ExpressionAttributeValues: { ':told': true, ':sequence': sequence },
    }),
  );
}

export async function changesToTell(reviewId: string): Promise<ChangeToTell[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': changeToTellKey(reviewId, '').pk, ':prefix': CHANGE_SK_PREFIX },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map(({ meetingId, sequence, told }) => ({ meetingId, sequence, told }));
}
