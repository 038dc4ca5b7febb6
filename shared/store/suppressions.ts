import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeEmail } from '#domain/text';
import { existingPartitions } from './batch-get';
import { conditionally, isConditionFailure } from './conditional';
import { SUPPRESSIONS_INDEX_PK, softBounceKey, suppressionKey } from './keys';
import { indexedPage, listIndexed, type Page, type PageRequest } from './pages';
import type { Table } from './table';

export type SuppressionReason = 'hard-bounce' | 'complaint';

/** Why nothing more is sent to an address: what SES said, about which message, and when. */
export interface Suppression {
  /** The address as SES reported it. */
  email: string;
  reason: SuppressionReason;
  /** The bounce's type and the receiving server's diagnostic, or the complaint's feedback type. */
  detail: string;
  /** The SES message id of the email that bounced or was complained about. */
  messageId: string;
  /** When SES saw the bounce or the complaint (ISO 8601). */
  at: string;
}

export function suppressionStore(table: Table) {
  return {
    /**
     * Suppresses an address for good. The first reason wins: a complaint about an address that already bounced, or
     * the same event delivered twice by SNS, changes nothing. Answers whether this call suppressed the address.
     */
    suppress(
      email: string,
      cause: { reason: SuppressionReason; detail: string; messageId: string; at: Date },
    ): Promise<boolean> {
      const suppression: Suppression = { email, ...cause, at: cause.at.toISOString() };
      return conditionally(
        table,
        new PutCommand({
          TableName: table.name,
          Item: {
            ...suppressionKey(email),
            gsi1pk: SUPPRESSIONS_INDEX_PK,
            gsi1sk: normalizeEmail(email),
            ...suppression,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /**
     * The suppression of an address (compared case-insensitively), or undefined when it may be sent to. A
     * consistent read: an address suppressed a moment ago is not sent to by a round that starts now.
     */
    async get(email: string): Promise<Suppression | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: suppressionKey(email), ConsistentRead: true }),
      );
      return Item ? toSuppression(Item) : undefined;
    },

    /**
     * Which of these addresses are suppressed (normalized), in one BatchGetItem per 100 addresses: a round reads a
     * page's addresses at once rather than one GetItem per recipient. Consistent reads, as `get`.
     */
    async suppressedAmong(emails: readonly string[]): Promise<Set<string>> {
      const found = await existingPartitions(table, emails.map(suppressionKey));
      return new Set(emails.filter((email) => found.has(suppressionKey(email).pk)).map(normalizeEmail));
    },

    /** Every suppressed address, in address order. */
    list(): Promise<Suppression[]> {
      return listIndexed(table, SUPPRESSIONS_INDEX_PK, toSuppression);
    },

    /** One page of the suppressed addresses, in address order. */
    page(request: PageRequest): Promise<Page<Suppression>> {
      return indexedPage(table, SUPPRESSIONS_INDEX_PK, toSuppression, request);
    },

    /**
     * Counts a soft bounce (SES gave up on a temporary failure) of an address and answers its count. SNS may
     * deliver the same event twice, so the counter keeps the ids of the messages it counted and counts each message
     * once, atomically: the ADD happens only if the id is new. Nothing acts on the count yet; a later issue could
     * suppress an address after N soft bounces (which would also bound the set of ids), or show the counts to the
     * secretariat.
     */
    async countSoftBounce(email: string, messageId: string, at: Date): Promise<number> {
      try {
        const { Attributes } = await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: softBounceKey(email),
            UpdateExpression: 'ADD softBounces :one, messageIds :ids SET email = :email, lastBounceAt = :at',
            ConditionExpression: 'NOT contains(messageIds, :id)',
            ExpressionAttributeValues: {
              ':one': 1,
              ':ids': new Set([messageId]),
              ':id': messageId,
              ':email': email,
              ':at': at.toISOString(),
            },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.softBounces);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await table.client.send(
          new GetCommand({ TableName: table.name, Key: softBounceKey(email), ConsistentRead: true }),
        );
        return Number(Item?.softBounces ?? 0);
      }
    },
  };
}

function toSuppression({ email, reason, detail, messageId, at }: Record<string, unknown>): Suppression {
  return { email, reason, detail, messageId, at } as Suppression;
}
