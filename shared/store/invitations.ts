import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client';
import { setting } from '../config';
import type { Contact } from '../domain/contacts';
import { conditionally } from './conditional';
import { INVITATION_SK_PREFIX, importKey, invitationKey, invitationOptOutKey } from './keys';
import { type Cursor, type Page, queryPages } from './pages';

const table = () => setting('tableName');

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

/** Records the invitation unless the address was invited to this review before; false then. */
export async function recordInvitation(reviewId: string, contact: Contact, importId: string, now: Date) {
  return conditionally(
    new PutCommand({
      TableName: table(),
      Item: {
        ...invitationKey(reviewId, contact.email),
        ...contact,
        importId,
        invitedAt: now.toISOString(),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export function invitationsOf(
  reviewId: string,
  importId: string,
  startAfter?: Cursor,
): AsyncGenerator<Page<Contact>> {
  return queryPages(
    {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'importId = :importId',
      ExpressionAttributeValues: {
        ':pk': `REVIEW#${reviewId}`,
        ':prefix': INVITATION_SK_PREFIX,
        ':importId': importId,
      },
    },
    ({ email, name, organisation, language }) => ({ email, name, organisation, language }) as Contact,
    startAfter,
  );
}

export async function saveImport(record: ContactImport): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...importKey(record.reviewId, record.importId), ...record },
    }),
  );
}

export async function getImport(reviewId: string, importId: string): Promise<ContactImport | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: importKey(reviewId, importId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, ...record } = Item;
  return record as ContactImport;
}

export async function countImportProgress(reviewId: string, importId: string, outcome: 'sent' | 'failed') {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: importKey(reviewId, importId),
      UpdateExpression: 'ADD #outcome :one',
      ExpressionAttributeNames: { '#outcome': outcome },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

/** An address that unsubscribed from an invitation gets no further invitations, to any review. */
export async function optOutOfInvitations(email: string, now: Date): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: table(),
      Item: { ...invitationOptOutKey(email), email, at: now.toISOString() },
    }),
  );
}

export async function optedOutOfInvitations(email: string): Promise<boolean> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: invitationOptOutKey(email), ConsistentRead: true }),
  );
  return Item !== undefined;
}
