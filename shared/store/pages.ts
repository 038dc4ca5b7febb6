import { paginateQuery, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#domain/errors';
import { TABLE_GSI } from './keys';
import type { Table } from './table';
import { TABLE_DEFINITION } from './table-definition';

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

/** One page of the items a query of the table's index `gsi1` finds under one partition, mapped or dropped. */
export function indexedPage<T>(
  table: Table,
  indexKey: string,
  map: (item: Record<string, unknown>) => T | undefined,
  request: PageRequest,
): Promise<Page<T>> {
  const input = {
    IndexName: TABLE_GSI,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKey },
  };
  return queryPage(table, input, map, request);
}

/**
 * A query's key condition: the items of partition `pk` whose sort key begins with `prefix`, and the values a filter
 * names (`extra`). These are the names `queryPage` checks a cursor against.
 */
export const withPrefix = (pk: string, prefix: string, extra: Record<string, unknown> = {}) => ({
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...extra },
});

/** A page of a listing to read: at most `limit` items, after the item whose key is `after`. */
export interface PageRequest {
  after?: Cursor;
  limit: number;
}

const { partitionKey, sortKey, index } = TABLE_DEFINITION;

/**
 * One page of a query's results, each item mapped (or dropped as undefined): DynamoDB's pages read on (a filter may
 * leave one short) until `limit` items are found, and `next` is the key of the last of them, absent on the last
 * page. Its input names the partition `:pk` (and a sort key's beginning `:prefix`): a cursor from another listing
 * is refused as the field `cursor`, before DynamoDB would refuse it as a server error.
 */
export async function queryPage<T>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  map: (item: Record<string, unknown>) => T | undefined,
  { after, limit }: PageRequest,
): Promise<Page<T>> {
  const keyNames = input.IndexName
    ? [partitionKey, sortKey, index.partitionKey, index.sortKey]
    : [partitionKey, sortKey];
  if (after) checkCursor(after, keyNames, input);
  const found: { item: Record<string, unknown>; mapped: T }[] = [];
  let start = after;
  // One more than asked for: whether there is a next page is then known, never an empty last page.
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        ...input,
        Limit: limit + 1 - found.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const mapped = map(item);
      if (mapped !== undefined) found.push({ item, mapped });
    }
    start = page.LastEvaluatedKey;
  } while (start && found.length <= limit);
  const items = found.slice(0, limit);
  const last = items.at(-1)?.item;
  const next =
    found.length > limit && last ? Object.fromEntries(keyNames.map((name) => [name, last[name]])) : undefined;
  return { items: items.map(({ mapped }) => mapped), ...(next ? { next } : {}) };
}

function checkCursor(after: Cursor, keyNames: string[], input: Omit<QueryCommandInput, 'TableName'>) {
  const values = input.ExpressionAttributeValues ?? {};
  const partition = input.IndexName ? index.partitionKey : partitionKey;
  const prefix = values[':prefix'];
  const sort = String(after[input.IndexName ? index.sortKey : sortKey]);
  const fits =
    Object.keys(after).length === keyNames.length &&
    keyNames.every((name) => typeof after[name] === 'string') &&
    after[partition] === values[':pk'] &&
    (typeof prefix !== 'string' || sort.startsWith(prefix));
  if (!fits) throw new ValidationError([{ field: 'cursor', message: 'not a cursor of this listing' }]);
}
