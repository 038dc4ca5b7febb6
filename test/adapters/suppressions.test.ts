import 'aws-sdk-client-mock-vitest/extend';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { suppressionStore } from '#store/suppressions';

const dynamo = mockClient(DynamoDBDocumentClient);
// The test files share their workers' modules (vitest.config.ts): the real client comes back after this file.
afterAll(() => dynamo.restore());
const table = { client: DynamoDBDocumentClient.from(new DynamoDBClient({})), name: 'gcm-consultations' };
const suppressions = suppressionStore(table);
const meta = { $metadata: {} };
const keyOf = (address: string) => ({ pk: `SUPPRESSED#${address}`, sk: 'SUPPRESSION' });
const askedKeys = () =>
  dynamo
    .commandCalls(BatchGetCommand)
    .map((call) => call.args[0].input.RequestItems?.[table.name]?.Keys?.map((key) => key.pk));

describe('suppressedAmong', () => {
  beforeEach(() => dynamo.reset());

  it("reads a page's addresses in one consistent BatchGetItem and answers the suppressed ones, normalized", async () => {
    dynamo
      .on(BatchGetCommand)
      .resolves({ Responses: { [table.name]: [{ pk: 'SUPPRESSED#bounced@example.org' }] }, ...meta });

    const suppressed = await suppressions.suppressedAmong([
      'amina@example.org',
      'Bounced@Example.org',
      'bounced@example.org',
    ]);

    expect(suppressed).toEqual(new Set(['bounced@example.org']));
    expect(dynamo).toHaveReceivedCommandTimes(BatchGetCommand, 1);
    expect(dynamo.commandCalls(BatchGetCommand)[0]?.args[0].input).toStrictEqual({
      RequestItems: {
        [table.name]: {
          // An address twice (in any case) is asked once: BatchGetItem refuses duplicate keys.
          Keys: [keyOf('amina@example.org'), keyOf('bounced@example.org')],
          ConsistentRead: true,
          ProjectionExpression: 'pk',
        },
      },
    });
  });

  it('asks 100 keys at a time, and asks again for the keys DynamoDB left unprocessed', async () => {
    const addresses = Array.from({ length: 150 }, (_, i) => `p${String(i).padStart(3, '0')}@example.org`);
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { [table.name]: [{ pk: 'SUPPRESSED#p000@example.org' }] },
        UnprocessedKeys: { [table.name]: { Keys: [keyOf('p099@example.org')] } },
        ...meta,
      })
      .resolvesOnce({ Responses: { [table.name]: [{ pk: 'SUPPRESSED#p099@example.org' }] }, ...meta })
      .resolves({ Responses: { [table.name]: [{ pk: 'SUPPRESSED#p149@example.org' }] }, ...meta });

    const suppressed = await suppressions.suppressedAmong(addresses);

    expect(suppressed).toEqual(new Set(['p000@example.org', 'p099@example.org', 'p149@example.org']));
    expect(askedKeys().map((keys) => keys?.length)).toEqual([100, 1, 50]);
    expect(askedKeys()[1]).toEqual(['SUPPRESSED#p099@example.org']);
  });

  it('asks nothing for no addresses', async () => {
    expect(await suppressions.suppressedAmong([])).toEqual(new Set());
    expect(dynamo).not.toHaveReceivedCommand(BatchGetCommand);
  });
});
