import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import type { HeldInvite } from '../domain/calendar';
import { isConditionFailure } from './conditional';
import { heldInviteKey } from './keys';

const table = () => setting('tableName');

export async function heldInvite(
  reviewId: string,
  meetingId: string,
  email: string,
): Promise<HeldInvite | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({
      TableName: table(),
      Key: heldInviteKey(reviewId, meetingId, email),
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  const { sequence, emitted, startsAt, durationMinutes, kind, timeZone, cancelled } = Item;
  return {
    sequence,
    emitted: emitted ?? sequence,
    startsAt,
    durationMinutes,
    kind,
    timeZone,
    ...(cancelled ? { cancelled: true } : {}),
  };
}

/** Written after each invitation, update or cancellation sent: never moves back to an older one. */
export async function recordHeldInvite(reviewId: string, meetingId: string, email: string, held: HeldInvite) {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...heldInviteKey(reviewId, meetingId, email), ...held },
        ConditionExpression: 'attribute_not_exists(pk) OR emitted <= :emitted',
        ExpressionAttributeValues: { ':emitted': held.emitted },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
