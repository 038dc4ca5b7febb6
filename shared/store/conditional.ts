import type { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table';

export const isConditionFailure = (error: unknown): boolean =>
  (error as Error).name === 'ConditionalCheckFailedException';

/**
 * Sends a conditional write and answers whether its condition held: false is the ordinary answer of a race
 * lost or a state already reached, not an error.
 */
export async function conditionally(
  table: Table,
  command: PutCommand | UpdateCommand | DeleteCommand,
): Promise<boolean> {
  try {
    // The document client's send is overloaded per command; the union needs one signature.
    await table.client.send(command as UpdateCommand);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
