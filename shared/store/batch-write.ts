import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

/** BatchWriteItem takes at most 25 puts or deletes per request. */
const BATCH_WRITE_ITEMS = 25;
/** Requests sent at once: enough to keep DynamoDB busy, few enough to leave the invocation's sockets free. */
const PARALLEL_BATCHES = 4;
/** Items DynamoDB left unprocessed (throttling) are sent again this often, 50, 100, 200... ms apart. */
const UNPROCESSED_RETRIES = 8;

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Puts and deletes items in BatchWriteItem requests of 25, a few at once, sending again what DynamoDB left
 * unprocessed. Unconditional: for writes that are the same however often they are made.
 */
export async function writeAll(table: Table, requests: readonly WriteRequest[]): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_WRITE_ITEMS)
    batches.push(requests.slice(i, i + BATCH_WRITE_ITEMS));
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES)
    await Promise.all(batches.slice(i, i + PARALLEL_BATCHES).map((batch) => writeBatch(table, batch)));
}

async function writeBatch(table: Table, batch: WriteRequest[]): Promise<void> {
  let pending = batch;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > UNPROCESSED_RETRIES) throw new Error('DynamoDB kept leaving items of a batch unwritten');
    if (attempt > 0) await sleep(25 * 2 ** attempt);
    const { UnprocessedItems } = await table.client.send(
      new BatchWriteCommand({ RequestItems: { [table.name]: pending } }),
    );
    pending = (UnprocessedItems?.[table.name] ?? []) as WriteRequest[];
  }
}
