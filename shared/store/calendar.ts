import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HeldInvite } from '#domain/calendar';
import { isConditionFailure } from './conditional';
import { heldInviteKey } from './keys';
import type { Table } from './table';

/** What each registrant's calendar holds of each meeting: the invitation, update or cancellation last sent. */
export function calendarStore(table: Table) {
  return {
    async held(reviewId: string, meetingId: string, email: string): Promise<HeldInvite | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: heldInviteKey(reviewId, meetingId, email),
          ConsistentRead: true,
        }),
      );
      if (!Item) return undefined;
      const { sequence, emitted, startsAt, durationMinutes, kind, title, timeZone, cancelled } = Item;
      return {
        sequence,
        emitted: emitted ?? sequence,
        startsAt,
        durationMinutes,
        kind,
        ...(title ? { title } : {}),
        timeZone,
        ...(cancelled ? { cancelled: true } : {}),
      };
    },

    /** Written after each invitation, update or cancellation sent: never moves back to an older one. */
    async recordHeld(reviewId: string, meetingId: string, email: string, held: HeldInvite): Promise<void> {
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...heldInviteKey(reviewId, meetingId, email), ...held },
            ConditionExpression: 'attribute_not_exists(pk) OR emitted <= :emitted',
            ExpressionAttributeValues: { ':emitted': held.emitted },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
