import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import { ConflictError } from '../domain/errors';
import type { Review } from '../domain/review';
import { isConditionFailure } from './conditional';
import { REVIEWS_INDEX_PK, reviewKey } from './keys';
import { listIndexed } from './pages';

const table = () => setting('tableName');

export async function getReview(reviewId: string): Promise<Review | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: reviewKey(reviewId) }));
  return Item ? toReview(Item) : undefined;
}

export async function listReviews(): Promise<Review[]> {
  return listIndexed(REVIEWS_INDEX_PK, toReview);
}

/**
 * Writes the review if nobody else wrote it since it was read (`expectedVersion`, 0 for a new one): the version
 * orders the Scheduler jobs' payloads, so two concurrent writers must not both win.
 */
export async function saveReview(review: Review, expectedVersion: number): Promise<void> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...reviewKey(review.reviewId), gsi1pk: REVIEWS_INDEX_PK, gsi1sk: review.reviewId, ...review },
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
}

function toReview(item: Record<string, unknown>): Review {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...review } = item;
  return review as unknown as Review;
}
