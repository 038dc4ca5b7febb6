import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Announcement } from '#domain/announcement';
import { conditionally } from './conditional';
import { ANNOUNCEMENT_SK_PREFIX, announcementKey, reviewPartition } from './keys';
import { queryPages, withPrefix } from './pages';
import type { Table } from './table';

/**
 * What the secretariat published about a review. Publishing again changes what is published (a corrected link)
 * and keeps whether its readers were told: they are told once.
 */
/** What a correction may leave out that an earlier publication gave. */
const OPTIONAL_FIELDS = ['summaryUrl', 'recordingUrl'];

export function announcementStore(table: Table) {
  return {
    /** Keeps `told` as it was (false the first time): publishing again corrects, and tells no one again. */
    async publish(reviewId: string, announcement: Omit<Announcement, 'told'>): Promise<void> {
      const given = Object.entries(announcement).filter(([, value]) => value !== undefined);
      const absent = OPTIONAL_FIELDS.filter((name) => !(name in announcement));
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: announcementKey(reviewId, announcement.id),
          UpdateExpression: [
            `SET ${given.map((_, i) => `#n${i} = :v${i}`).join(', ')}, told = if_not_exists(told, :untold)`,
            ...(absent.length > 0 ? [`REMOVE ${absent.join(', ')}`] : []),
          ].join(' '),
          ExpressionAttributeNames: Object.fromEntries(given.map(([name], i) => [`#n${i}`, name])),
          ExpressionAttributeValues: {
            ...Object.fromEntries(given.map(([, value], i) => [`:v${i}`, value])),
            ':untold': false,
          },
        }),
      );
    },

    markTold(reviewId: string, announcementId: string): Promise<boolean> {
      return conditionally(
        table,
        new UpdateCommand({
          TableName: table.name,
          Key: announcementKey(reviewId, announcementId),
          UpdateExpression: 'SET told = :told',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':told': true },
        }),
      );
    },

    /** Everything published about a review. */
    async list(reviewId: string): Promise<Announcement[]> {
      const all: Announcement[] = [];
      const pages = queryPages(
        table,
        {
          ...withPrefix(reviewPartition(reviewId), ANNOUNCEMENT_SK_PREFIX),
          ConsistentRead: true,
        },
        ({ pk: _pk, sk: _sk, ...announcement }) => announcement as unknown as Announcement,
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },
  };
}
