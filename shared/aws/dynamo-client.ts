import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientConfig, requestHandler } from './request-handler';

export function createDynamoClient(config: ClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ ...config, requestHandler }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
