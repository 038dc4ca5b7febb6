import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '#domain/contacts';
import { conditionally } from './conditional';
import { INVITATION_SK_PREFIX, importKey, invitationKey, invitationOptOutKey, reviewPartition } from './keys';
import { type Cursor, type Page, queryPages } from './pages';
import type { Table } from './table';

export interface ContactImport {
  reviewId: string;
  importId: string;
  createdAt: string;
  /** Rows to invite; `sent` and `failed` grow as the round goes. */
  total: number;
  sent: number;
  failed: number;
  invalid: { line: number; reason: string }[];
  skipped: { line: number; email: string; reason: string }[];
}

export function invitationStore(table: Table) {
  return {
    /** Records the invitation unless the address was invited to this review before; false then. */
    record(reviewId: string, contact: Contact, importId: string, now: Date): Promise<boolean> {
      return conditionally(
        table,
        new PutCommand({
          TableName: table.name,
          Item: {
            ...invitationKey(reviewId, contact.email),
            ...contact,
            importId,
            invitedAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    pagesOf(reviewId: string, importId: string, startAfter?: Cursor): AsyncGenerator<Page<Contact>> {
      return queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: 'importId = :importId',
          ExpressionAttributeValues: {
            ':pk': reviewPartition(reviewId),
            ':prefix': INVITATION_SK_PREFIX,
            ':importId': importId,
          },
        },
        ({ email, name, organisation, language }) => ({ email, name, organisation, language }) as Contact,
        startAfter,
      );
    },

    async saveImport(record: ContactImport): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...importKey(record.reviewId, record.importId), ...record },
        }),
      );
    },

    async getImport(reviewId: string, importId: string): Promise<ContactImport | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: importKey(reviewId, importId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...record } = Item;
      return record as ContactImport;
    },

    async countProgress(reviewId: string, importId: string, outcome: 'sent' | 'failed'): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: importKey(reviewId, importId),
          UpdateExpression: 'ADD #outcome :one',
          ExpressionAttributeNames: { '#outcome': outcome },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    },

    /** An address that unsubscribed from an invitation gets no further invitations, to any review. */
    async optOut(email: string, now: Date): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...invitationOptOutKey(email), email, at: now.toISOString() },
        }),
      );
    },

    async optedOut(email: string): Promise<boolean> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: invitationOptOutKey(email), ConsistentRead: true }),
      );
      return Item !== undefined;
    },
  };
}
