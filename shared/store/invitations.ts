import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact, SkippedRow } from '#domain/contacts';
import { normalizeEmail } from '#domain/text';
import { existingPartitions } from './batch-get';
import { writeAll } from './batch-write';
import { conditionally } from './conditional';
import {
  IMPORT_SK_PREFIX,
  INVITATION_SK_PREFIX,
  importKey,
  invitationKey,
  invitationOptOutKey,
  reviewPartition,
} from './keys';
import { type Cursor, type Page, type PageRequest, queryPage, queryPages, withPrefix } from './pages';
import type { Table } from './table';

export interface ContactImport {
  reviewId: string;
  importId: string;
  createdAt: string;
  /** Valid rows of the file, each checked in the background: `processed` of them so far. */
  rows: number;
  processed: number;
  /** The rows are kept in `parts` items until recorded, `partsDone` of them so far (`./upload-rows.ts`). */
  parts: number;
  partsDone: number;
  /** Contacts to invite, counted as the rows are checked; `sent` and `failed` grow as the round goes. */
  total: number;
  sent: number;
  failed: number;
  /** The first `LISTED_ROWS` rows refused, and how many in all. */
  invalid: { line: number; reason: string }[];
  invalidCount: number;
  /** The first `LISTED_ROWS` rows skipped (duplicates in the file, then as the rows are checked), and how many. */
  skipped: SkippedRow[];
  skippedCount: number;
  /** When its round went through every contact; until then it is waiting, being checked or sending. */
  finishedAt?: string;
}

/** Invitations are read 200 at a time for a round: a page takes 15 s at SES's default rate (see registrants). */
export const INVITATION_PAGE_SIZE = 200;

const contactOf = ({ email, name, organisation, language }: Record<string, unknown>) =>
  ({ email, name, organisation, language }) as Contact;

/** An upload recorded before rows were checked in the background was checked whole at once: so it reads. */
function recordOf({ pk: _pk, sk: _sk, ...item }: Record<string, unknown>): ContactImport {
  const record = item as Omit<ContactImport, 'rows' | 'processed' | 'parts' | 'partsDone'> &
    Partial<ContactImport>;
  return {
    ...record,
    rows: record.rows ?? record.total,
    processed: record.processed ?? record.total,
    parts: record.parts ?? 0,
    partsDone: record.partsDone ?? 0,
    invalidCount: record.invalidCount ?? record.invalid.length,
    skippedCount: record.skippedCount ?? record.skipped.length,
  };
}

export function invitationStore(table: Table) {
  return {
    /** Records invitations of one upload, in batches: the background step has checked that they are new. */
    async recordMany(reviewId: string, contacts: readonly Contact[], importId: string, now: Date) {
      const invitedAt = now.toISOString();
      await writeAll(
        table,
        contacts.map((contact) => ({
          PutRequest: {
            Item: { ...invitationKey(reviewId, contact.email), ...contact, importId, invitedAt },
          },
        })),
      );
    },

    /** Every address invited to the review (normalized), with the upload that invited it: one read for a file. */
    async invitedBy(reviewId: string): Promise<Map<string, string>> {
      const invited = new Map<string, string>();
      const pages = queryPages(
        table,
        {
          ...withPrefix(reviewPartition(reviewId), INVITATION_SK_PREFIX),
          ProjectionExpression: 'email, importId',
          ConsistentRead: true,
        },
        ({ email, importId }) => [normalizeEmail(String(email)), String(importId)] as const,
      );
      for await (const page of pages)
        for (const [address, importId] of page.items) invited.set(address, importId);
      return invited;
    },

    pagesOf(reviewId: string, importId: string, startAfter?: Cursor): AsyncGenerator<Page<Contact>> {
      return queryPages(
        table,
        {
          Limit: INVITATION_PAGE_SIZE,
          ...withPrefix(reviewPartition(reviewId), INVITATION_SK_PREFIX, { ':importId': importId }),
          FilterExpression: 'importId = :importId',
        },
        contactOf,
        startAfter,
      );
    },

    /** Everyone invited to the review, whatever the upload. */
    pagesOfReview(reviewId: string, startAfter?: Cursor): AsyncGenerator<Page<Contact>> {
      return queryPages(
        table,
        withPrefix(reviewPartition(reviewId), INVITATION_SK_PREFIX),
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

    /** A page of the review's uploads, the latest first: an upload's id begins with when it was made. */
    importsPage(reviewId: string, request: PageRequest): Promise<Page<ContactImport>> {
      return queryPage(
        table,
        {
          ...withPrefix(reviewPartition(reviewId), IMPORT_SK_PREFIX),
          ConsistentRead: true,
          ScanIndexForward: false,
        },
        recordOf,
        request,
      );
    },

    /**
     * Everyone the review's uploads invited: of each upload only its count comes back, not its rows' problems (the
     * read units are still those of the whole items).
     */
    async invitedInAll(reviewId: string): Promise<number> {
      let invited = 0;
      const pages = queryPages(
        table,
        {
          ...withPrefix(reviewPartition(reviewId), IMPORT_SK_PREFIX),
          // A reserved word.
          ExpressionAttributeNames: { '#total': 'total' },
          ProjectionExpression: '#total',
          ConsistentRead: true,
        },
        (item) => Number(item.total ?? 0),
      );
      for await (const page of pages) for (const total of page.items) invited += total;
      return invited;
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

    /**
     * Counts one part of the upload's rows as checked, once: the write names the part it follows, so a retry or a
     * second invocation that checked the same part counts nothing. False then.
     */
    countChecked(
      reviewId: string,
      importId: string,
      part: number,
      checked: { rows: number; invited: number; skipped: SkippedRow[]; skippedCount: number },
    ): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: importKey(reviewId, importId),
          UpdateExpression:
            'SET partsDone = :next, skipped = list_append(skipped, :skipped) ADD #processed :rows, #total :invited, skippedCount :skippedCount',
          ConditionExpression: 'partsDone = :part',
          // Both are DynamoDB reserved words.
          ExpressionAttributeNames: { '#processed': 'processed', '#total': 'total' },
          ExpressionAttributeValues: {
            ':part': part,
            ':next': part + 1,
            ':skipped': checked.skipped,
            ':rows': checked.rows,
            ':invited': checked.invited,
            ':skippedCount': checked.skippedCount,
          },
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

    /** Which of these addresses asked for no more invitations (normalized): one request per 100 addresses. */
    async optedOutAmong(emails: readonly string[]): Promise<Set<string>> {
      const found = await existingPartitions(table, emails.map(invitationOptOutKey));
      return new Set(emails.filter((email) => found.has(invitationOptOutKey(email).pk)).map(normalizeEmail));
    },

    async optedOut(email: string): Promise<boolean> {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: invitationOptOutKey(email), ConsistentRead: true }),
      );
      return Item !== undefined;
    },
  };
}
