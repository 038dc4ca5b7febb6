import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from '#local/composition';
import { startLocalDynamo } from '#local/dynamo';
import { deliveryKey } from '#store/keys';
import { confirmationLink, reviewBody } from '#test/support/service-client';
import { spawnService } from '#test/support/spawn-service';
import { addresses, type FaultOutcome, tally } from './outcome';

// A slow round (SES at 10 emails a second) that the crash can catch in the middle, and claims that lapse fast.
const SLOW = { SES_SEND_RATE: '10', DELIVERY_LEASE_MS: '500' };

/** What the table in `dataDir` holds of the round while no runtime runs: each recipient's delivery status. */
async function statusesOnDisk(dataDir: string, round: { reviewId: string; milestoneId: string; at: string }) {
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

/**
 * `npm start` (on `dataDir`) is killed, as a crash would, in the middle of an invitation round to `recipients`
 * confirmed registrants, and started again: the job, never completed, is due again and finishes the round once the
 * dead worker's claims lapse. Each recipient is sent to once: before the crash (marked `sent` in the table) or
 * after the restart (in the new process's outbox).
 */
export async function crashMidRound(
  dataDir: string,
  recipients = 30,
): Promise<FaultOutcome & { sentBeforeCrash: number; notSentOnDisk: string[] }> {
  const to = addresses('crash', recipients);
  const first = await spawnService(dataDir, SLOW);
  const api = first.client;
  const review = await api.putReview('crash', reviewBody(await api.now(), 120));
  const invitation = (review.body.plan.milestones as { id: string; at: string }[]).find(
    (m) => m.id === 'pre-1.invitation',
  ) as { id: string; at: string };
  for (const email of to) {
    await api.register({ reviewId: 'crash', email, name: email });
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
  const before = await statusesOnDisk(dataDir, round);
  const sentBefore = to.filter((email) => before.get(email) === 'sent');

  // On restart the job, never completed, is due: it runs again, and the claims of the dead worker have lapsed.
  const second = await spawnService(dataDir, SLOW);
  let invitedAfter: string[];
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await second.client.moveClock({ advanceBy: 'PT1M' });
    invitedAfter = (await second.client.outbox())
      .filter((e) => e.subject.startsWith('Invitation: Virtual pre-consultation'))
      .map((e) => e.to[0] as string);
  } finally {
    await second.stop();
  }
  const after = await statusesOnDisk(dataDir, round);
  return {
    fault: `npm start killed mid-round (${sentBefore.length} of ${recipients} sent), then restarted`,
    ...tally(to, [...sentBefore, ...invitedAfter]),
    handled: `the job fired again on restart and sent the other ${invitedAfter.length}`,
    sentBeforeCrash: sentBefore.length,
    notSentOnDisk: to.filter((email) => after.get(email) !== 'sent'),
  };
}
