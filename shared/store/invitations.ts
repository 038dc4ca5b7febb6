import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '#domain/contacts';
import { conditionally } from './conditional';
import {
  IMPORT_SK_PREFIX,
  INVITATION_SK_PREFIX,
  importKey,
  invitationKey,
  invitationOptOutKey,
  reviewPartition,
} from './keys';
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
  /** When its round went through every contact; until then it is waiting or sending. */
  finishedAt?: string;
}

const contactOf = ({ email, name, organisation, language }: Record<string, unknown>) =>
  ({ email, name, organisation, language }) as Contact;

const recordOf = ({ pk: _pk, sk: _sk, ...record }: Record<string, unknown>) =>
  record as unknown as ContactImport;

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
        contactOf,
        startAfter,
      );
    },

    /** Everyone invited to the review, whatever the upload. */
    pagesOfReview(reviewId: string, startAfter?: Cursor): AsyncGenerator<Page<Contact>> {
      return queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': reviewPartition(reviewId), ':prefix': INVITATION_SK_PREFIX },
        },
        contactOf,
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
      return Item ? recordOf(Item) : undefined;
    },

    /** The review's uploads, the latest first. */
    async listImports(reviewId: string): Promise<ContactImport[]> {
      const all: ContactImport[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': reviewPartition(reviewId), ':prefix': IMPORT_SK_PREFIX },
          ConsistentRead: true,
        },
        recordOf,
      );
      for await (const page of pages) all.push(...page.items);
      return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** The round went through every contact of the upload (the first time it did, when retried). */
    async finishImport(reviewId: string, importId: string, now: Date): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: importKey(reviewId, importId),
          UpdateExpression: 'SET finishedAt = if_not_exists(finishedAt, :now)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
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
