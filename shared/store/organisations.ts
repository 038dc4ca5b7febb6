import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { organisationKey } from '#domain/registrant';
import { conditionally } from './conditional';
import { organisationCountKey } from './keys';
import type { Table } from './table';

/**
 * The registrations each organisation holds in a review that caps them: a counter taken with one conditional
 * write, so that two people of one organisation confirming at once cannot both take its last place.
 */
export function organisationStore(table: Table) {
  return {
    async taken(reviewId: string, organisation: string): Promise<number> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: organisationCountKey(reviewId, organisationKey(organisation)),
          ConsistentRead: true,
        }),
      );
      return Number(Item?.taken ?? 0);
    },

    /** One more registration of the organisation, unless it holds `cap` already. */
    take(reviewId: string, organisation: string, cap: number): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: organisationCountKey(reviewId, organisationKey(organisation)),
          UpdateExpression: 'ADD taken :one',
          ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap',
          ExpressionAttributeValues: { ':one': 1, ':cap': cap },
        }),
      );
    },

    /** A registration of the organisation is gone (cancelled, declined, erased). */
    release(reviewId: string, organisation: string): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: organisationCountKey(reviewId, organisationKey(organisation)),
          UpdateExpression: 'ADD taken :minusOne',
          ConditionExpression: 'taken > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    },
  };
}
