import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '#local/runtime';
import { registrantKey } from '#store/keys';

/**
 * Confirmed registrants straight into the table, for rounds of many recipients (the API would take longer), as
 * the confirmation link would have left them: online, in English, for every meeting.
 */
export async function seedConfirmed(runtime: LocalRuntime, reviewId: string, emails: string[], now: Date) {
  const { table } = runtime.dependencies.store;
  for (let i = 0; i < emails.length; i += 25)
    await table.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [table.name]: emails.slice(i, i + 25).map((email) => ({
            PutRequest: {
              Item: {
                ...registrantKey(reviewId, email),
                reviewId,
                email,
                name: email,
                language: 'en',
                attendanceMode: 'online',
                status: 'confirmed',
                createdAt: now.toISOString(),
              },
            },
          })),
        },
      }),
    );
}
