import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientConfig, requestHandler } from './request-handler';

/** `traced` wraps the low-level client, whose middleware the document client shares. */
export function createDynamoClient(
  config: ClientConfig = {},
  traced: <C>(client: C) => C = (client) => client,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(traced(new DynamoDBClient({ ...config, requestHandler })), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
