import type { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_DEFINITION } from '#store/table-definition';

/** What the service asked of AWS: calls by command name, and DynamoDB's request units. */
export interface AwsCounts {
  calls: Map<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Of `writeUnits`: writes that put an item into the index, which dynalite does not charge for. */
  indexWriteUnits: number;
}

const DATA_COMMANDS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
]);
const READ_COMMANDS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);
const INDEX_KEY = TABLE_DEFINITION.index.partitionKey;

type ConsumedCapacity = { CapacityUnits?: number };

/**
 * Counts every call of the SDK clients the round runs with, by a middleware on each.
 * DynamoDB calls also ask for their consumed capacity, which dynalite computes by DynamoDB's rules from the
 * items' sizes (a write: 1 unit per KB; a read: 1 unit per 4 KB, half when eventually consistent; a query: its
 * items' sizes summed per page). dynalite leaves out index writes, so a write that sets the index key counts one
 * more unit (items here are under 1 KB). Answers a function that takes the counts so far and starts again.
 */
export function countAwsCalls(clients: { dynamo: DynamoDBDocumentClient; ses: SESClient }): () => AwsCounts {
  let counts = emptyCounts();
  const count = (name: string) => counts.calls.set(name, (counts.calls.get(name) ?? 0) + 1);

  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      count(name);
      if (!DATA_COMMANDS.has(name)) return next(args);
      const result = await next({ ...args, input: { ...args.input, ReturnConsumedCapacity: 'TOTAL' } });
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] })
        .ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (READ_COMMANDS.has(name)) counts.readUnits += units;
      else counts.writeUnits += units;
      if (setsIndexKey(args.input)) {
        counts.writeUnits++;
        counts.indexWriteUnits++;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCountDynamo' },
  );
  clients.ses.middlewareStack.add(
    (next, context) => async (args) => {
      count(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'benchCountSes' },
  );

  // Answers the counts since the previous call, and starts again from zero.
  return () => {
    const done = counts;
    counts = emptyCounts();
    return done;
  };
}

function emptyCounts(): AwsCounts {
  return { calls: new Map(), readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
}

/** Whether a PutItem or UpdateItem (as the document client gets it, before marshalling) writes the index key. */
function setsIndexKey(input: object): boolean {
  const { Item, UpdateExpression } = input as { Item?: Record<string, unknown>; UpdateExpression?: string };
  return (
    (Item !== undefined && INDEX_KEY in Item) ||
    new RegExp(`\\b${INDEX_KEY}\\s*=`).test(UpdateExpression ?? '')
  );
}
