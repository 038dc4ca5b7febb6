import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '#local/composition';
import { startLocalDynamo } from '#local/dynamo';
import { deliveryKey } from '#store/keys';
import { confirmationLink, reviewBody } from '#test/support/service-client';
import { SPAWNED, spawnService } from '#test/support/spawn-service';

const dataDir = mkdtempSync(join(tmpdir(), 'gcm-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A slow round (SES at 10 emails a second) that the crash can catch in the middle, and claims that lapse fast.
const SLOW = { SES_SEND_RATE: '10', DELIVERY_LEASE_MS: '500' };
const people = Array.from({ length: 30 }, (_, i) => `crash${String(i).padStart(2, '0')}@example.org`);

/** What the table holds of the round while no runtime runs: each recipient's delivery status. */
async function statusesOnDisk(round: { reviewId: string; milestoneId: string; at: string }) {
  const dynamo = await startLocalDynamo({ port: 0, path: join(dataDir, 'dynamodb') });
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamo.endpoint)));
  try {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: 'gcm-consultations',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': deliveryKey(round, '').pk },
      }),
    );
    return new Map((Items ?? []).map((item) => [String(item.recipient), String(item.status)]));
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

describe('a crash in the middle of a round, then a restart', SPAWNED, () => {
  it('ends with every recipient sent to exactly once', async () => {
    const first = await spawnService(dataDir, SLOW);
    const api = first.client;
    const review = await api.putReview('crash', reviewBody(await api.now(), 120));
    const invitation = (review.body.plan.milestones as { id: string; at: string }[]).find(
      (m) => m.id === 'pre-1.invitation',
    ) as { id: string; at: string };
    for (const email of people) {
      expect((await api.register({ reviewId: 'crash', email, name: email })).status).toBe(202);
      const link = confirmationLink(await api.outbox(email));
      await api.request('POST', '/confirm', {
        form: { token: new URL(link).searchParams.get('token') as string },
      });
    }

    // The round starts (ten emails a second); once the first invitations are out, the process dies, mid-send.
    const moving = api
      .moveClock({ set: new Date(Date.parse(invitation.at) + 1000).toISOString() })
      .catch(() => null);
    const invitationsSent = async () =>
      (await api.outbox()).filter((e) => e.subject.startsWith('Invitation')).length;
    for (let waited = 0; (await invitationsSent()) < 3 && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await first.kill();
    await moving;

    const round = { reviewId: 'crash', milestoneId: invitation.id, at: invitation.at };
    const before = await statusesOnDisk(round);
    const sentBefore = people.filter((email) => before.get(email) === 'sent');
    expect(sentBefore.length).toBeGreaterThan(0);
    expect(sentBefore.length).toBeLessThan(people.length);

    // On restart the job, never completed, is due: it runs again, and the claims of the dead worker have lapsed.
    const second = await spawnService(dataDir, SLOW);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await second.client.moveClock({ advanceBy: 'PT1M' });
      const invited = (await second.client.outbox())
        .filter((e) => e.subject.startsWith('Invitation: Virtual pre-consultation'))
        .map((e) => e.to[0] as string);
      expect(new Set(invited).size).toBe(invited.length);
      expect(invited.sort()).toEqual(people.filter((email) => !sentBefore.includes(email)));
    } finally {
      await second.stop();
    }
    const after = await statusesOnDisk(round);
    expect(people.every((email) => after.get(email) === 'sent')).toBe(true);
  });
});
