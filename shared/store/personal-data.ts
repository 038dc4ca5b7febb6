import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeEmail } from '#domain/text';
import { writeAll } from './batch-write';
import { isConditionFailure } from './conditional';
import { auditPartition, type DeliveryRound, deliveryKey, rateKey, reviewPartition, roundKey } from './keys';
import { queryPages } from './pages';
import type { Table } from './table';

type Key = { pk: string; sk: string };

/** Items of a review that hold someone's personal data, by the beginning of their sort key (`SEATS#` names holders). */
export const PERSONAL_SK_PREFIXES = [
  'REGISTRANT#',
  'INVITATION#',
  'CALENDAR#',
  'WAITLIST#',
  'SEATS#',
  'CONTRIBUTION#',
  'IMPORT#',
];

/** The rate limits counted per address (`shared/services/registration.ts`, `contributions.ts`, `requests.ts`). */
const ATTEMPT_SUBJECTS = ['email', 'contribution-email', 'request-email'];

/** What an audit entry names in place of an erased person's address. */
export const ERASED = 'erased';

/** What a delivery keeps once its recipient is erased: what happened to the message, not to whom. */
const KEPT_DELIVERY_FIELDS = ['status', 'attempts', 'sentAt', 'eventAt'];

/**
 * Erasing personal data (on request, and when a review's retention ends). DynamoDB has no transactions locally,
 * so each step is idempotent and ordered so that a crash at any point and a retry leave no personal data behind
 * and count no delivery twice.
 */
export function personalDataStore(table: Table) {
  const deleteAll = (keys: Key[]) =>
    writeAll(
      table,
      keys.map((Key) => ({ DeleteRequest: { Key } })),
    );

  return {
    /** A review's items about one address, whole: its registration, invitation, calendar, waiting list, contributions. */
    async itemsAbout(reviewId: string, email: string): Promise<(Key & Record<string, unknown>)[]> {
      const address = normalizeEmail(email);
      const items: (Key & Record<string, unknown>)[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': reviewPartition(reviewId) },
        },
        (item) => item as Key & { email?: string },
      );
      for await (const page of pages)
        for (const item of page.items)
          if (item.sk.endsWith(`#${address}`) || (item.email && normalizeEmail(item.email) === address))
            items.push(item);
      return items;
    },

    /** One delivery of a round to an address, as recorded. */
    async deliveryTo(round: DeliveryRound, email: string): Promise<Record<string, unknown> | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: deliveryKey(round, email), ConsistentRead: true }),
      );
      return Item;
    },

    /** Every item of a review holding personal data, and the addresses they are about. */
    async personalItems(reviewId: string): Promise<{ keys: Key[]; addresses: Set<string> }> {
      const keys: Key[] = [];
      const addresses = new Set<string>();
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': reviewPartition(reviewId) },
          ProjectionExpression: 'pk, sk, email',
        },
        (item) => item as Key & { email?: string },
      );
      for await (const page of pages)
        for (const { pk, sk, email } of page.items)
          if (PERSONAL_SK_PREFIXES.some((prefix) => sk.startsWith(prefix))) {
            keys.push({ pk, sk });
            if (email) addresses.add(normalizeEmail(email));
          }
      return { keys, addresses };
    },

    deleteAll,

    /**
     * A delivery to an erased address becomes one to no one: the delivery is first marked with the id of its
     * anonymous copy, the copy is written under that id, and the original deleted. A retry finds the same id.
     */
    async forgetDelivery(round: DeliveryRound, email: string): Promise<boolean> {
      const key = deliveryKey(round, email);
      let marked: Record<string, unknown> | undefined;
      try {
        ({ Attributes: marked } = await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression: 'SET erasedAs = if_not_exists(erasedAs, :id)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':id': randomUUID() },
            ReturnValues: 'ALL_NEW',
          }),
        ));
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      if (!marked) return false;
      const kept = Object.fromEntries(
        KEPT_DELIVERY_FIELDS.filter((f) => f in marked).map((f) => [f, marked[f]]),
      );
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { pk: key.pk, sk: `ERASED#${marked.erasedAs}`, ...kept, erased: true },
        }),
      );
      await table.client.send(new DeleteCommand({ TableName: table.name, Key: key }));
      return true;
    },

    /**
     * A round whose review's retention ended keeps its counts only: they are written on the round's record once,
     * then its deliveries are deleted a batch at a time.
     */
    async summarizeRound(round: DeliveryRound): Promise<void> {
      const counts: Record<string, number> = {};
      const keys: Key[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
          ProjectionExpression: 'pk, sk, #status',
          ExpressionAttributeNames: { '#status': 'status' },
        },
        (item) => item as Key & { status: string },
      );
      for await (const page of pages)
        for (const { pk, sk, status } of page.items) {
          counts[status] = (counts[status] ?? 0) + 1;
          keys.push({ pk, sk });
        }
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: roundKey(round),
            UpdateExpression: 'SET purgedCounts = :counts',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(purgedCounts)',
            ExpressionAttributeValues: { ':counts': counts },
          }),
        );
      } catch (error) {
        // Summarized already by an earlier run that stopped before deleting everything: those counts stand.
        if (!isConditionFailure(error)) throw error;
      }
      await deleteAll(keys);
    },

    /** The counts of an address's recent attempts (they lapse within the hour anyway). */
    async forgetAttempts(email: string): Promise<void> {
      const address = normalizeEmail(email);
      const keys: Key[] = [];
      for (const subject of ATTEMPT_SUBJECTS) {
        const pages = queryPages(
          table,
          {
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': rateKey(`${subject}:${address}`, 0).pk },
            ProjectionExpression: 'pk, sk',
          },
          (item) => item as Key,
        );
        for await (const page of pages) keys.push(...page.items);
      }
      await deleteAll(keys);
    },

    /** An audit log about one person, removed whole. */
    async forgetAuditScope(scope: string): Promise<void> {
      const keys: Key[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(scope) },
          ProjectionExpression: 'pk, sk',
        },
        (item) => item as Key,
      );
      for await (const page of pages) keys.push(...page.items);
      await deleteAll(keys);
    },

    /**
     * Entries of a review's audit log about an erased person keep who changed what when, but no longer whom or
     * the values: the address and the before and after are removed.
     */
    async redactAudit(scope: string, email: string | undefined): Promise<number> {
      const address = email && normalizeEmail(email);
      let redacted = 0;
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(scope) },
        },
        (item) => item as Key & { target?: { email?: string } },
      );
      for await (const page of pages)
        for (const { pk, sk, target } of page.items) {
          const about = target?.email && normalizeEmail(target.email);
          if (!about || about === ERASED || (address && about !== address)) continue;
          await table.client.send(
            new UpdateCommand({
              TableName: table.name,
              Key: { pk, sk },
              UpdateExpression: 'SET target.email = :erased, redacted = :yes REMOVE #before, #after',
              ExpressionAttributeNames: { '#before': 'before', '#after': 'after' },
              ExpressionAttributeValues: { ':erased': ERASED, ':yes': true },
            }),
          );
          redacted++;
        }
      return redacted;
    },
  };
}
