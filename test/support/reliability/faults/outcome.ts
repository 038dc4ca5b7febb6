import { GetScheduleCommand } from '@aws-sdk/client-scheduler';
import { createSchedulerClient } from '#aws/scheduler-client';
import type { MilestoneFiring } from '#domain/firing';
import { localClientConfig } from '#local/composition';
import type { LocalRuntime } from '#local/runtime';
import { SCHEDULED_TIME_PLACEHOLDER } from '#scheduling/job-names';
import { seedConfirmed } from '#test/support/confirmed-registrants';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

/** What a fault did to the effects that must happen once each: an email per recipient, a record per person. */
export interface FaultOutcome {
  fault: string;
  /** How many effects were due, those that did not happen, and those that happened more than once. */
  expected: number;
  lost: string[];
  doubled: string[];
  /** What the service made of the fault, in a line: its answers, its retries. */
  handled: string;
}

/** Of `expected`, those missing from `got`, and those in it more than once. */
export function tally(
  expected: string[],
  got: string[],
): Pick<FaultOutcome, 'expected' | 'lost' | 'doubled'> {
  const times = new Map<string, number>();
  for (const item of got) times.set(item, (times.get(item) ?? 0) + 1);
  return {
    expected: expected.length,
    lost: expected.filter((item) => !times.has(item)),
    doubled: [...times].filter(([, n]) => n > 1).map(([item]) => item),
  };
}

/** `count` distinct example.org addresses: `crash000@example.org`, `crash001@example.org`, ... */
export const addresses = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}@example.org`);

/** A review four months ahead whose first invitation goes to `recipients`, confirmed; answers its job's firing. */
export async function reviewAboutToInvite(
  runtime: LocalRuntime,
  api: ServiceClient,
  reviewId: string,
  recipients: string[],
): Promise<MilestoneFiring> {
  const now = await api.now();
  const created = await api.putReview(reviewId, reviewBody(now, 120));
  if (created.status !== 201) throw new Error(`the review was not created: ${created.text}`);
  await seedConfirmed(runtime, reviewId, recipients, now);
  return scheduledFiring(runtime, `${reviewId}.pre-1.invitation`);
}

/** A job's firing as the Scheduler hands it to the sending function, read from the local Scheduler itself. */
async function scheduledFiring(runtime: LocalRuntime, name: string): Promise<MilestoneFiring> {
  const client = createSchedulerClient(localClientConfig(runtime.urls.scheduler));
  try {
    const job = await client.send(new GetScheduleCommand({ Name: name, GroupName: 'gcm-consultations' }));
    const firing = JSON.parse(job.Target?.Input ?? 'null');
    return {
      ...firing,
      scheduledTime: firing.scheduledTime === SCHEDULED_TIME_PLACEHOLDER ? firing.at : firing.scheduledTime,
    };
  } finally {
    client.destroy();
  }
}

/** The recipient of each invitation to a pre-consultation in the outbox: an address twice is an email twice. */
export const invited = async (api: ServiceClient) =>
  (await api.outbox())
    .filter((email) => email.subject.startsWith('Invitation: Virtual pre-consultation'))
    .flatMap((email) => email.to);

export const justAfter = (instant: string) => new Date(Date.parse(instant) + 1000).toISOString();
