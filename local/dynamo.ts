import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '#store/table-definition';
import { localClientConfig } from './composition';

/** dynalite ships no types: a function of options answering a node http server. */
const dynalite = createRequire(import.meta.url)('dynalite') as (options: Record<string, unknown>) => Server;

export interface LocalDynamo {
  /** For `AWS_ENDPOINT_URL_DYNAMODB`. */
  endpoint: string;
  close(): Promise<void>;
}

/** dynalite on loopback; persisted in LevelDB under `path`, in memory without it. */
export async function startLocalDynamo(options: { port: number; path?: string }): Promise<LocalDynamo> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Creates the table as the CDK stack defines it, unless a persisted one is there already. dynalite keeps no TTL
 * setting (UpdateTimeToLive is unknown to it), which is why every read filters lapsed items itself.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  const { partitionKey, sortKey, index } = TABLE_DEFINITION;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [partitionKey, sortKey, index.partitionKey, index.sortKey].map(
          (AttributeName) => ({
            AttributeName,
            AttributeType: 'S',
          }),
        ),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
}
