import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactRow } from '#domain/contacts';
import { epochSeconds } from '#domain/tokens';
import { writeAll } from './batch-write';
import { uploadRowsKey } from './keys';
import type { Table } from './table';

/**
 * Bytes of rows per item, as JSON: under DynamoDB's 400 KB per item with room to spare, so that the 20,000 rows of a
 * large file are a handful of items, written in one request.
 */
export const UPLOAD_PART_BYTES = 300_000;
/** A part left behind by a crash is removed by the table's TTL; rows are recorded within minutes of the upload. */
const KEPT_DAYS = 7;

/** Rows of an upload in parts of at most `maxBytes` (as JSON), in file order. */
export function partsOf(rows: readonly ContactRow[], maxBytes = UPLOAD_PART_BYTES): ContactRow[][] {
  const parts: ContactRow[][] = [];
  let part: ContactRow[] = [];
  let bytes = 2;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (part.length > 0 && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 2;
    }
    part.push(row);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/**
 * The rows of an upload as the request received them, kept in a few large items for the background step that
 * records them: the request writes a file of 20,000 rows in one BatchWriteItem instead of a write per row.
 */
export function uploadRowsStore(table: Table) {
  return {
    /** Writes the parts (numbered from 0), each as one item. */
    async save(reviewId: string, importId: string, parts: readonly ContactRow[][], now: Date): Promise<void> {
      const expiresAt = epochSeconds(now) + KEPT_DAYS * 86_400;
      await writeAll(
        table,
        parts.map((rows, part) => ({
          PutRequest: {
            Item: { ...uploadRowsKey(reviewId, importId, part), rows: JSON.stringify(rows), expiresAt },
          },
        })),
      );
    },

    /** A part's rows; undefined once the part was recorded and removed. */
    async get(reviewId: string, importId: string, part: number): Promise<ContactRow[] | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: uploadRowsKey(reviewId, importId, part),
          ConsistentRead: true,
        }),
      );
      return Item ? (JSON.parse(String(Item.rows)) as ContactRow[]) : undefined;
    },

    async remove(reviewId: string, importId: string, part: number): Promise<void> {
      await table.client.send(
        new DeleteCommand({ TableName: table.name, Key: uploadRowsKey(reviewId, importId, part) }),
      );
    },
  };
}
