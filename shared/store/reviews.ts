import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors';
import type { Review } from '#domain/review';
import { isConditionFailure } from './conditional';
import { REVIEWS_INDEX_PK, reviewKey } from './keys';
import { indexedPage, listIndexed, type Page, type PageRequest } from './pages';
import type { Table } from './table';

export function reviewStore(table: Table) {
  return {
    async get(reviewId: string): Promise<Review | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: reviewKey(reviewId) }),
      );
      return Item ? toReview(Item) : undefined;
    },

    list(): Promise<Review[]> {
      return listIndexed(table, REVIEWS_INDEX_PK, toReview);
    },

    /** One page of the reviews `keep` lets through, in the index's order. */
    page(request: PageRequest, keep: (review: Review) => boolean): Promise<Page<Review>> {
      return indexedPage(
        table,
        REVIEWS_INDEX_PK,
        (item) => {
          const review = toReview(item);
          return keep(review) ? review : undefined;
        },
        request,
      );
    },

    /** Its personal data purged: outside the version, which orders what the review plans, not what it keeps. */
    async markPurged(reviewId: string, at: Date): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: reviewKey(reviewId),
          UpdateExpression: 'SET purgedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
    },

    /**
     * Writes the review if nobody else wrote it since it was read (`expectedVersion`, 0 for a new one): the version
     * orders the Scheduler jobs' payloads, so two concurrent writers must not both win.
     */
    async save(review: Review, expectedVersion: number): Promise<void> {
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...reviewKey(review.reviewId),
              gsi1pk: REVIEWS_INDEX_PK,
              gsi1sk: review.reviewId,
              ...review,
            },
            ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
            ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error))
          throw new ConflictError(
            `review ${review.reviewId} was changed by someone else meanwhile; read it again`,
          );
        throw error;
      }
    },
  };
}

function toReview(item: Record<string, unknown>): Review {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...review } = item;
  return review as unknown as Review;
}
