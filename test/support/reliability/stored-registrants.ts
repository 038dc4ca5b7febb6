import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from '#local/composition';
import { REGISTRANT_SK_PREFIX, reviewPartition } from '#store/keys';

/** The review's registrations as the table holds them, read behind the API, one address per item. */
export async function storedRegistrants(dynamoEndpoint: string, reviewId: string): Promise<string[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamoEndpoint)));
  const emails: string[] = [];
  try {
    const pages = paginateQuery(
      { client },
      {
        TableName: 'gcm-consultations',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :registrant)',
        ExpressionAttributeValues: { ':pk': reviewPartition(reviewId), ':registrant': REGISTRANT_SK_PREFIX },
      },
    );
    for await (const page of pages) emails.push(...(page.Items ?? []).map((item) => String(item.email)));
  } finally {
    client.destroy();
  }
  return emails;
}
