import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Registrant, RegistrationChange, SeatStatus } from '#domain/registrant';
import { epochSeconds } from '#domain/tokens';
import { conditionally, isConditionFailure } from './conditional';
import { REGISTRANT_SK_PREFIX, registrantKey } from './keys';
import { type Cursor, type Page, queryPages, withPrefix } from './pages';
import { isLive } from './pending';
import type { Table } from './table';

/**
 * The review's confirmed registrants are read a page at a time (so a large audience never sits in memory at once,
 * and a round can stop between pages and go on in another invocation). 200 keeps the page reads of a round to
 * 0.005 requests per recipient, beside its two BatchGetItems of suppressions (100 keys each), and a page to 15 s at
 * SES's default 14 emails per second, well within the minute a round keeps free for stopping.
 */
export const REGISTRANT_PAGE_SIZE = 200;

export function registrantStore(table: Table) {
  /** An update of a confirmed registration; false when it is no longer confirmed (or `condition` fails). */
  const updateConfirmed = (
    reviewId: string,
    email: string,
    UpdateExpression: string,
    values: Record<string, unknown>,
    names: Record<string, string>,
    condition?: string,
  ) =>
    conditionally(
      table,
      new UpdateCommand({
        TableName: table.name,
        Key: registrantKey(reviewId, email),
        UpdateExpression,
        ConditionExpression: `#registrationStatus = :isConfirmed${condition ? ` AND ${condition}` : ''}`,
        ExpressionAttributeNames: { '#registrationStatus': 'status', ...names },
        ExpressionAttributeValues: { ':isConfirmed': 'confirmed', ...values },
      }),
    );

  const get = async (reviewId: string, email: string, now: Date): Promise<Registrant | undefined> => {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: registrantKey(reviewId, email), ConsistentRead: true }),
    );
    return Item && isLive(Item, now) ? toRegistrant(Item) : undefined;
  };

  return {
    get,

    /**
     * Records a pending registration unless the address already has a live one for this review (pending or
     * confirmed); a lapsed or cancelled one is replaced. The key and the condition make the store, not the caller,
     * the guarantee of one registration per address per review, concurrent submissions included. Answers the
     * registrant now stored.
     */
    async recordPending(registrant: Registrant, now: Date): Promise<Registrant> {
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...registrantKey(registrant.reviewId, registrant.email), ...registrant },
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :cancelled OR (#status = :pending AND expiresAt <= :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':cancelled': 'cancelled',
              ':now': epochSeconds(now),
            },
          }),
        );
        return registrant;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get(registrant.reviewId, registrant.email, now);
        if (!existing) throw error;
        return existing;
      }
    },

    /**
     * Confirms a pending registration with the nonce of its one confirmation link, which is spent in the same
     * write; `to` is `awaiting-approval` when the review approves registrations. Answers false when that is not
     * possible (lapsed, used, or never made).
     */
    confirm(
      reviewId: string,
      email: string,
      nonce: string,
      now: Date,
      to: 'confirmed' | 'awaiting-approval' = 'confirmed',
    ): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: registrantKey(reviewId, email),
          UpdateExpression:
            'SET #status = :confirmed, confirmedAt = :at, consentAt = if_not_exists(consentAt, :at) REMOVE expiresAt, confirmNonce',
          ConditionExpression: '#status = :pending AND expiresAt > :now AND confirmNonce = :nonce',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':confirmed': to,
            ':pending': 'pending',
            ':at': now.toISOString(),
            ':now': epochSeconds(now),
            ':nonce': nonce,
          },
        }),
      );
    },

    /** The secretariat's decision on a registration awaiting approval; false when it awaits none. */
    decide(
      reviewId: string,
      email: string,
      to: 'confirmed' | 'declined',
      now: Date,
      reason?: string,
    ): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: registrantKey(reviewId, email),
          UpdateExpression: `SET #status = :to, decidedAt = :at${reason ? ', declineReason = :reason' : ''}`,
          ConditionExpression: '#status = :awaiting',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': to,
            ':at': now.toISOString(),
            ':awaiting': 'awaiting-approval',
            ...(reason ? { ':reason': reason } : {}),
          },
        }),
      );
    },

    /** Applies a confirmed registrant's own change; false when they are no longer confirmed. */
    change(reviewId: string, email: string, change: RegistrationChange): Promise<boolean> {
      return updateConfirmed(
        reviewId,
        email,
        'SET meetings = :meetings, attendanceMode = :mode, #language = :language',
        { ':meetings': change.meetings, ':mode': change.attendanceMode, ':language': change.language },
        { '#language': 'language' },
      );
    },

    cancel(reviewId: string, email: string, now: Date): Promise<boolean> {
      return updateConfirmed(
        reviewId,
        email,
        'SET #status = :cancelled, cancelledAt = :at REMOVE seat, waitlistedAt',
        { ':cancelled': 'cancelled', ':at': now.toISOString() },
        { '#status': 'status' },
      );
    },

    /** Stops reminders and notices for a registration (any status); false when the address has none here. */
    markUnsubscribed(reviewId: string, email: string, now: Date): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: registrantKey(reviewId, email),
          UpdateExpression: 'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': now.toISOString() },
        }),
      );
    },

    /**
     * Records where a confirmed registrant stands for in-person places. `from` makes the write conditional on the
     * current standing, so that a promotion never overrides a cancellation or a change made meanwhile.
     */
    setSeat(
      reviewId: string,
      email: string,
      seat: { status: SeatStatus; waitlistedAt?: string } | undefined,
      from?: SeatStatus,
    ): Promise<boolean> {
      const values: Record<string, unknown> = {};
      const names: Record<string, string> = {};
      let expression: string;
      if (!seat) expression = 'REMOVE seat, waitlistedAt';
      else if (seat.status === 'seat') {
        expression = 'SET seat = :seat REMOVE waitlistedAt';
        values[':seat'] = 'seat';
      } else {
        expression = 'SET seat = :seat, waitlistedAt = :waitlistedAt';
        values[':seat'] = 'waitlisted';
        values[':waitlistedAt'] = seat.waitlistedAt;
      }
      if (from) {
        values[':from'] = from;
        names['#seat'] = 'seat';
      }
      return updateConfirmed(reviewId, email, expression, values, names, from ? '#seat = :from' : undefined);
    },

    /** Every registration of a review still kept (pending ones until they lapse), a page at a time. */
    allPages(reviewId: string, now: Date): AsyncGenerator<Page<Registrant>> {
      return queryPages(table, withPrefix(registrantKey(reviewId, '').pk, REGISTRANT_SK_PREFIX), (item) =>
        isLive(item, now) ? toRegistrant(item) : undefined,
      );
    },

    confirmedPages(reviewId: string, startAfter?: Cursor): AsyncGenerator<Page<Registrant>> {
      return queryPages(
        table,
        {
          Limit: REGISTRANT_PAGE_SIZE,
          ...withPrefix(registrantKey(reviewId, '').pk, REGISTRANT_SK_PREFIX, { ':confirmed': 'confirmed' }),
          FilterExpression: '#status = :confirmed',
          ExpressionAttributeNames: { '#status': 'status' },
        },
        toRegistrant,
        startAfter,
      );
    },
  };
}

function toRegistrant(item: Record<string, unknown>): Registrant {
  const { pk: _pk, sk: _sk, ...registrant } = item;
  return registrant as unknown as Registrant;
}
