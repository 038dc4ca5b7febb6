import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './conditional';
import { INVITATION_REMINDER_SK_PREFIX, invitationReminderKey, reviewPartition } from './keys';
import { queryPages, withPrefix } from './pages';
import type { Table } from './table';

/** A reminder to a review's invitees who had not registered, with its progress. */
export interface InvitationReminder {
  reviewId: string;
  reminderId: string;
  createdAt: string;
  /** When its round fires. */
  at: string;
  /** The invitees still to register when it was asked for; `sent` and `failed` grow as the round goes. */
  total: number;
  sent: number;
  failed: number;
  /** When its round went through every invitee; until then it is waiting or sending. */
  finishedAt?: string;
}

const reminderOf = ({ pk: _pk, sk: _sk, ...record }: Record<string, unknown>) =>
  record as unknown as InvitationReminder;

export function invitationReminderStore(table: Table) {
  return {
    /** Saves a new reminder; false when one of the same id (the same minute) is there already. */
    create(reminder: InvitationReminder): Promise<boolean> {
      return conditionally(
        table,
        new PutCommand({
          TableName: table.name,
          Item: { ...invitationReminderKey(reminder.reviewId, reminder.reminderId), ...reminder },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(reviewId: string, reminderId: string): Promise<InvitationReminder | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: invitationReminderKey(reviewId, reminderId),
          ConsistentRead: true,
        }),
      );
      return Item ? reminderOf(Item) : undefined;
    },

    /** The review's reminders, the latest first. */
    async list(reviewId: string): Promise<InvitationReminder[]> {
      const all: InvitationReminder[] = [];
      const pages = queryPages(
        table,
        {
          ...withPrefix(reviewPartition(reviewId), INVITATION_REMINDER_SK_PREFIX),
          ConsistentRead: true,
          ScanIndexForward: false,
        },
        reminderOf,
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },

    async countProgress(reviewId: string, reminderId: string, outcome: 'sent' | 'failed'): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: invitationReminderKey(reviewId, reminderId),
          UpdateExpression: 'ADD #outcome :one',
          ExpressionAttributeNames: { '#outcome': outcome },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    },

    /** The round went through every invitee (the first time it did, when retried). */
    async finish(reviewId: string, reminderId: string, now: Date): Promise<void> {
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: invitationReminderKey(reviewId, reminderId),
          UpdateExpression: 'SET finishedAt = if_not_exists(finishedAt, :now)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
    },
  };
}
