import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/audit';
import { auditPartition } from './keys';
import { type Page, type PageRequest, queryPage, queryPages } from './pages';
import type { Table } from './table';

const entryOf = ({ pk: _pk, sk: _sk, ...entry }: Record<string, unknown>) => entry as unknown as AuditEntry;

/**
 * The audit log's store: one partition per review (or request), entries in time order. It can add and read;
 * nothing here changes or removes an entry.
 */
export function auditStore(table: Table) {
  return {
    async record(scope: string, entry: AuditEntry): Promise<void> {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { pk: auditPartition(scope), sk: `${entry.at}#${randomBytes(4).toString('hex')}`, ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** One page of a review's (or request's) entries, newest first. */
    page(scope: string, request: PageRequest): Promise<Page<AuditEntry>> {
      return queryPage(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(scope) },
          ScanIndexForward: false,
        },
        entryOf,
        request,
      );
    },

    /** A review's (or request's) entries, newest first. */
    async list(scope: string): Promise<AuditEntry[]> {
      const all: AuditEntry[] = [];
      const pages = queryPages(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(scope) },
          ScanIndexForward: false,
        },
        entryOf,
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },
  };
}
