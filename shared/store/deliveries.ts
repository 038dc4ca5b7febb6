import { GetCommand, PutCommand, paginateQuery, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally, isConditionFailure } from './conditional';
import { type DeliveryRound, deliveryKey } from './keys';
import { type Page, type PageRequest, queryPage, queryPages } from './pages';
import type { Table } from './table';

/**
 * One record per recipient of a milestone round: `sending` while a worker holds it, then `sent` with the SES
 * message id, or `failed` when SES refused it for good. A claim is a single conditional write, so of two
 * concurrent firings only one sends; a claim left by a crashed worker can be taken over once its lease ends.
 */
export type DeliveryStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'bounced'
  | 'complained'
  | 'failed'
  | 'suppressed';
/** What SES tells about a message after sending it (through the configuration set's events). */
export type DeliveryEvent = 'delivered' | 'bounced' | 'complained' | 'failed';
export type ClaimResult = 'claimed' | 'done' | 'in-flight';

export interface Delivery {
  recipient: string;
  status: DeliveryStatus;
  messageId?: string;
  attempts: number;
  claimedAt?: string;
  sentAt?: string;
  error?: string;
  /** The latest SES event's time and detail (bounce type, complaint feedback). */
  eventAt?: string;
  eventDetail?: string;
}

export type DeliveryKey = { pk: string; sk: string };

export function deliveryStore(table: Table) {
  return {
    async claim(round: DeliveryRound, recipient: string, now: Date, leaseMs: number): Promise<ClaimResult> {
      const key = deliveryKey(round, recipient);
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression:
              'SET #status = :sending, claimedAt = :now, recipient = :recipient, attempts = if_not_exists(attempts, :zero) + :one',
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :queued OR (#status = :sending AND claimedAt < :leaseEnded)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':queued': 'queued',
              ':now': now.toISOString(),
              ':leaseEnded': new Date(now.getTime() - leaseMs).toISOString(),
              ':recipient': recipient,
              ':zero': 0,
              ':one': 1,
            },
          }),
        );
        return 'claimed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await table.client.send(
          new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
        );
        return Item?.status === 'sending' ? 'in-flight' : 'done';
      }
    },

    /** Records that a suppressed address was left out of the round; false when it had a record already. */
    markSuppressed(round: DeliveryRound, recipient: string): Promise<boolean> {
      return conditionally(
        table,
        new PutCommand({
          TableName: table.name,
          Item: { ...deliveryKey(round, recipient), recipient, status: 'suppressed', attempts: 0 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async mark(
      round: DeliveryRound,
      recipient: string,
      outcome:
        | { status: 'sent'; messageId: string; at: Date }
        | { status: 'queued' | 'failed'; error: string },
    ): Promise<void> {
      const values =
        outcome.status === 'sent'
          ? {
              ':status': 'sent',
              ':messageId': outcome.messageId,
              ':sentAt': outcome.at.toISOString(),
            }
          : { ':status': outcome.status, ':error': outcome.error };
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: deliveryKey(round, recipient),
          UpdateExpression:
            outcome.status === 'sent'
              ? 'SET #status = :status, messageId = :messageId, sentAt = :sentAt REMOVE claimedAt'
              : 'SET #status = :status, #error = :error REMOVE claimedAt',
          ExpressionAttributeNames:
            outcome.status === 'sent' ? { '#status': 'status' } : { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: values,
        }),
      );
    },

    /**
     * The delivery that sent this message: an SES event names the round (its tags) and the recipient, and the record
     * must hold the event's message id (a message sent before a crash, then sent again, is not the record's). A
     * consistent read, as a Delivery event may follow the `sent` mark by a second.
     */
    async sentMessage(
      round: DeliveryRound,
      recipient: string,
      messageId: string,
    ): Promise<{ key: DeliveryKey; delivery: Delivery } | undefined> {
      const key = deliveryKey(round, recipient);
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
      );
      if (!Item || Item.messageId !== messageId) return undefined;
      const { pk: _pk, sk: _sk, ...delivery } = Item;
      return { key, delivery: delivery as Delivery };
    },

    /**
     * Records what SES said of a sent message. A bounce or a complaint is final: a later "delivered" (events may
     * arrive out of order) does not overwrite it.
     */
    async recordEvent(key: DeliveryKey, event: DeliveryEvent, detail: string, at: Date): Promise<void> {
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression: 'SET #status = :status, eventAt = :at, eventDetail = :detail',
            ConditionExpression:
              event === 'delivered'
                ? 'attribute_exists(pk) AND NOT #status IN (:bounced, :complained)'
                : 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': event,
              ':at': at.toISOString(),
              ':detail': detail,
              ...(event === 'delivered' ? { ':bounced': 'bounced', ':complained': 'complained' } : {}),
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async list(round: DeliveryRound): Promise<Delivery[]> {
      const deliveries: Delivery[] = [];
      const pages = paginateQuery(
        { client: table.client },
        {
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
        },
      );
      for await (const page of pages)
        for (const { pk: _pk, sk: _sk, ...delivery } of page.Items ?? [])
          deliveries.push(delivery as Delivery);
      return deliveries;
    },

    /** One page of a round's deliveries, in the order of their addresses. */
    page(round: DeliveryRound, request: PageRequest): Promise<Page<Delivery>> {
      return queryPage(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
        },
        ({ pk: _pk, sk: _sk, ...delivery }) => delivery as unknown as Delivery,
        request,
      );
    },

    /** How many of a round's deliveries are in each status: all of them read, their statuses alone answered. */
    async countByStatus(round: DeliveryRound): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
          ExpressionAttributeNames: { '#status': 'status' },
          ProjectionExpression: '#status',
        },
        ({ status }) => String(status),
      );
      for await (const page of pages)
        for (const status of page.items) counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    },

    async roundStarted(round: DeliveryRound): Promise<boolean> {
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
          Limit: 1,
        }),
      );
      return (page.Items ?? []).length > 0;
    },
  };
}
