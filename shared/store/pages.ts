import { paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_GSI } from './keys';
import type { Table } from './table';

/** Where a paged read stopped (DynamoDB's LastEvaluatedKey): enough to go on from there in another invocation. */
export type Cursor = Record<string, unknown>;

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  next?: Cursor;
}

/** A query's results a page at a time, from `startAfter` when given, each item mapped (or dropped as undefined). */
export async function* queryPages<T>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName'>,
  map: (item: Record<string, unknown>) => T | undefined,
  startAfter?: Cursor,
): AsyncGenerator<Page<T>> {
  const pages = paginateQuery(
    { client: table.client, ...(startAfter ? { startingToken: startAfter } : {}) },
    { TableName: table.name, ...input },
  );
  for await (const page of pages) {
    const items = (page.Items ?? []).map(map).filter((item): item is T => item !== undefined);
    yield { items, ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}) };
  }
}

/** Every item a query of the table's index `gsi1` finds under one partition, mapped: for the short lists. */
export async function listIndexed<T>(
  table: Table,
  indexKey: string,
  map: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const all: T[] = [];
  const input = {
    IndexName: TABLE_GSI,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKey },
  };
  for await (const page of queryPages(table, input, map)) all.push(...page.items);
  return all;
}
