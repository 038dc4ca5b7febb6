import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The single table the stores read and write: the document client that reaches it, and its name. */
export interface Table {
  client: DynamoDBDocumentClient;
  name: string;
}
