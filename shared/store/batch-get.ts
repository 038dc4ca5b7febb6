import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

/** BatchGetItem reads at most 100 keys per request. */
const BATCH_GET_KEYS = 100;
/** Keys DynamoDB left unprocessed (throttling) are asked again this often, 50, 100, 200... ms apart. */
const UNPROCESSED_RETRIES = 6;

/**
 * Which of these items exist, by partition key (each item's own: keys of one partition each), in BatchGetItem
 * requests of 100 keys, consistent reads, projecting the key alone: one request per 100 addresses rather than a
 * GetItem each.
 */
export async function existingPartitions(
  table: Table,
  keys: readonly { pk: string; sk: string }[],
): Promise<Set<string>> {
  // Duplicates are asked once.
  const unique = [...new Map(keys.map((key) => [key.pk, key])).values()];
  const found = new Set<string>();
  for (let i = 0; i < unique.length; i += BATCH_GET_KEYS)
    await readBatch(table, unique.slice(i, i + BATCH_GET_KEYS), found);
  return found;
}

async function readBatch(table: Table, batch: { pk: string; sk: string }[], found: Set<string>) {
  let pending = batch;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > UNPROCESSED_RETRIES) throw new Error('DynamoDB kept leaving keys of a batch unread');
    if (attempt > 0) await sleep(25 * 2 ** attempt);
    const { Responses, UnprocessedKeys } = await table.client.send(
      new BatchGetCommand({
        RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'pk' } },
      }),
    );
    for (const { pk } of Responses?.[table.name] ?? []) found.add(String(pk));
    pending = (UnprocessedKeys?.[table.name]?.Keys ?? []) as typeof pending;
  }
}
