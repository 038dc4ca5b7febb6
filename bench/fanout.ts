import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createSesClient } from '#aws/ses-client';
import type { Milestone, Plan, PlannedMeeting } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import type { Review } from '#domain/review';
import { localClientConfig } from '#local/composition';
import { startLocalRuntime } from '#local/runtime';
import { composeRawEmail } from '#mail/compose';
import { sesMailer } from '#mail/mailer';
import { renderMessage } from '#mail/render-message';
import { sendRawEmail } from '#mail/ses-sender';
import { DEFAULT_SEND_RATE, SEND_CONCURRENCY } from '#services/delivery-round';
import { currentLinks } from '#services/links';
import { milestoneEmail, runMilestoneRound } from '#services/milestone-round';
import { registrantKey } from '#store/keys';
import { ADMIN_TOKEN, reviewBody, ServiceClient } from '#test/support/service-client';
import { type AwsCounts, countAwsCalls } from './aws-counts';

/**
 * How fast a milestone round fans out through the local pipeline (dynalite, the SES emulator, the real round code),
 * against a bare SendRawEmail loop on the same emulator; what the round asks of DynamoDB and SES per recipient;
 * and what such a round costs on AWS. `npm run bench:fanout -- --recipients 1000` for a quick run.
 */

// us-east-1 on-demand prices, without free tiers (DynamoDB after the November 2024 price cut).
const PRICES = {
  dynamoWritePerMillion: 0.625,
  dynamoReadPerMillion: 0.125,
  sesPerThousand: 0.1,
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  schedulerPerMillion: 1.0,
};
/** The milestone function's memory and timeout (infra/service-function.ts, infra/consultations-stack.ts). */
const LAMBDA_GB = 0.5;
const LAMBDA_TIMEOUT_S = 600;
/** deliverRound keeps this much of an invocation free, then a continuation job takes the rest of the round. */
const ROUND_RESERVE_S = 60;
/** High enough that the bench measures the pipeline, not the SES account's sending rate. */
const UNLIMITED_RATE = 100_000;
const SEED_BATCH = 25;
const SEED_PARALLEL = 4;
const REVIEW_ID = 'fanout';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values: args } = parseArgs({ options: { recipients: { type: 'string' } } });
const recipients = Number(args.recipients ?? process.env.FANOUT_RECIPIENTS ?? 10_000);
if (!Number.isInteger(recipients) || recipients < 1)
  throw new Error('--recipients must be a positive integer');
const concurrencies = [...new Set([SEND_CONCURRENCY, 32])];
const [startLoad = 0] = loadavg();

// The account's rate on AWS (the stack's default), where the bench lifts it for the emulator.
const awsSendRate = DEFAULT_SEND_RATE;

// The emulators run in this process, so the peak is the whole local cloud's.
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();

const runtime = await startLocalRuntime({ port: 0, adminToken: ADMIN_TOKEN, log: () => undefined });
const client = new ServiceClient(runtime.apiUrl);
// The round's own adapters, but for a mailer whose SES client the bench can count calls on, as on the bare loop.
const ses = createSesClient(localClientConfig(runtime.urls.ses));
const deps = {
  ...runtime.dependencies,
  mailer: sesMailer(ses, { mailFrom: runtime.dependencies.site.mailFrom }),
};
const { table } = deps.store;
const takeCounts = countAwsCalls({ dynamo: table.client, ses });

const created = await client.putReview(REVIEW_ID, reviewBody(await client.now(), 120));
if (created.status !== 201) throw new Error(`review not created: ${created.text}`);
const { review, plan } = created.body as { review: Review; plan: Plan };
const schedules = created.body.schedules as {
  milestoneId: string;
  kind: string;
  at: string;
  version: number;
}[];
// One reminder round per concurrency tried: each round has its own delivery records, the registrants are the same.
const reminders = schedules.filter((s) => s.kind === 'reminder' && s.milestoneId.startsWith('hybrid.'));
if (reminders.length < concurrencies.length) throw new Error('the review plans too few hybrid reminders');

const seedSeconds = await seconds(() => seedRegistrants(recipients));
takeCounts();

const runs: {
  concurrency: number;
  milestoneId: string;
  pipeline: number;
  bare: number;
  calls: number;
  counts: AwsCounts;
}[] = [];
for (const [i, concurrency] of concurrencies.entries()) {
  const schedule = reminders[i] as (typeof reminders)[number];
  await clearSesStore();
  const pipeline = await seconds(async () => {
    const { milestoneId, kind, at, version } = schedule;
    const outcome = await runMilestoneRound(
      { ...deps, sending: { ...deps.sending, rate: UNLIMITED_RATE, concurrency } },
      { reviewId: REVIEW_ID, milestoneId, kind, at, version, scheduledTime: at },
      await currentLinks(deps),
    );
    if (outcome.status !== 'done' || outcome.sent !== recipients)
      throw new Error(`the round did not send to everyone: ${JSON.stringify(outcome)}`);
  });
  const counts = takeCounts();
  await checkOneEmailEach(schedule, counts);
  takeCounts(); // the check's own reads are not the round's

  await clearSesStore();
  const bare = await seconds(() => bareSendLoop(concurrency, schedule.milestoneId));
  if (takeCounts().calls.get('SendRawEmail') !== recipients) throw new Error('the bare loop miscounted');

  await clearSesStore();
  const calls = await seconds(() => roundCallsLoop(concurrency, schedule.milestoneId));
  const callCounts = takeCounts().calls;
  if (callCounts.get('SendRawEmail') !== recipients || callCounts.get('UpdateItem') !== 2 * recipients)
    throw new Error("the loop of the round's calls miscounted");
  runs.push({ concurrency, milestoneId: schedule.milestoneId, pipeline, bare, calls, counts });
}

printReport();
await runtime.close();

/** The n-th registrant (from 1), confirmed for every meeting, as the confirmation link would have left them. */
function registrant(n: number): Registrant {
  const at = new Date().toISOString();
  return {
    reviewId: REVIEW_ID,
    email: `r${String(n).padStart(5, '0')}@example.org`,
    name: `Registrant ${n}`,
    language: 'en',
    attendanceMode: 'online',
    status: 'confirmed',
    createdAt: at,
    confirmedAt: at,
    consentAt: at,
    meetings: plan.meetings.map((m) => m.id),
  };
}

/** Straight into the table: registering 10,000 people through the API would take longer than the round. */
async function seedRegistrants(count: number): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => {
    const r = registrant(i + 1);
    return { ...registrantKey(REVIEW_ID, r.email), ...r };
  });
  const batches = Array.from({ length: Math.ceil(count / SEED_BATCH) }, (_, i) =>
    items.slice(i * SEED_BATCH, (i + 1) * SEED_BATCH),
  );
  await inParallel(SEED_PARALLEL, batches.length, async (i) => {
    let requests = (batches[i] ?? []).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await table.client.send(
        new BatchWriteCommand({ RequestItems: { [table.name]: requests } }),
      );
      requests = (UnprocessedItems?.[table.name] ?? []) as typeof requests;
    }
  });
}

/** Exactly once: one SES call and one `sent` delivery record, with its own message id, per recipient. */
async function checkOneEmailEach(schedule: { milestoneId: string; at: string }, counts: AwsCounts) {
  const deliveries = await deps.store.deliveries.list({
    reviewId: REVIEW_ID,
    milestoneId: schedule.milestoneId,
    at: schedule.at,
  });
  const sent = deliveries.filter((d) => d.status === 'sent');
  const messageIds = new Set(sent.map((d) => d.messageId));
  if (
    counts.calls.get('SendRawEmail') !== recipients ||
    sent.length !== recipients ||
    messageIds.size !== recipients
  )
    throw new Error(
      `expected ${recipients} emails, got ${counts.calls.get('SendRawEmail')} SES calls, ` +
        `${sent.length} sent records, ${messageIds.size} message ids`,
    );
}

/** The same number of SendRawEmail calls with one message composed beforehand: what the emulator alone allows. */
async function bareSendLoop(concurrency: number, milestoneId: string): Promise<void> {
  const raw = await roundMessage(milestoneId);
  const from = deps.site.mailFrom;
  const to = registrant(1).email;
  await inParallel(concurrency, recipients, () => sendRawEmail(ses, { raw, from, to }));
}

/**
 * The AWS calls the round makes for each recipient and nothing else: claim, SendRawEmail of one message composed
 * beforehand, mark, through the round's own store adapter. The most the round could do on this machine, where the
 * SDK's work for each call and the emulators' share the pipeline's CPUs.
 */
async function roundCallsLoop(concurrency: number, milestoneId: string): Promise<void> {
  const raw = await roundMessage(milestoneId);
  const from = deps.site.mailFrom;
  const round = {
    reviewId: REVIEW_ID,
    milestoneId: `${milestoneId}.calls-only`,
    at: new Date().toISOString(),
  };
  await inParallel(concurrency, recipients, async (i) => {
    const to = registrant(i + 1).email;
    if ((await deps.store.deliveries.claim(round, to, new Date(), 60_000)) !== 'claimed')
      throw new Error(`${to} was not claimed`);
    const messageId = await sendRawEmail(ses, { raw, from, to });
    await deps.store.deliveries.mark(round, to, { status: 'sent', messageId, at: new Date() });
  });
}

/** The round's email to its first registrant, composed once. */
async function roundMessage(milestoneId: string): Promise<Buffer> {
  const from = deps.site.mailFrom;
  const to = registrant(1);
  const meeting = plan.meetings.find((m) =>
    m.milestones.some((ms) => ms.id === milestoneId),
  ) as PlannedMeeting;
  const milestone = meeting.milestones.find((ms) => ms.id === milestoneId) as Milestone;
  // The round's own email, so that both loops send messages of the same size.
  const content = milestoneEmail(
    deps.site,
    review,
    meeting,
    milestone,
    to,
    await currentLinks(deps),
    new Date(),
  );
  return composeRawEmail({
    from: { address: from, name: 'UN Network on Migration' },
    to: { address: to.email, name: to.name },
    ...renderMessage(content),
  });
}

/** The emulator keeps every message; each timed phase starts from an empty store. */
async function clearSesStore(): Promise<void> {
  const response = await fetch(`${runtime.urls.ses}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`the SES emulator did not clear its store: ${response.status}`);
}

/** Runs `task(0)` … `task(count - 1)`, `workers` at a time. */
async function inParallel(workers: number, count: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

async function seconds(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return (performance.now() - started) / 1000;
}

function printReport(): void {
  const [first] = runs as [(typeof runs)[number]];
  const perRecipient = (n: number) => (n / recipients).toFixed(4);
  const perSecond = (s: number) => `${fmt(Math.round(recipients / s))} emails/s`;
  const row = (label: string, ...cells: string[]) =>
    console.log(`${label.padEnd(34)}${cells.map((c) => c.padStart(20)).join('')}`);

  console.log(`fanout: a reminder round through the local pipeline, and a bare SendRawEmail loop`);
  row('Node', process.version);
  row('CPUs', String(availableParallelism()));
  // Everything runs on this machine's CPUs: other work on them (a test run) slows both loops.
  row('load average at start (1 min)', startLoad.toFixed(2));
  row('recipients', fmt(recipients));
  row('seeding (BatchWriteItem)', `${seedSeconds.toFixed(1)} s`);
  console.log();
  row('', ...runs.map((r) => `concurrency ${r.concurrency}`));
  row('milestone', ...runs.map((r) => r.milestoneId));
  row('pipeline', ...runs.map((r) => perSecond(r.pipeline)));
  row('pipeline wall time', ...runs.map((r) => `${r.pipeline.toFixed(1)} s`));
  row('bare SendRawEmail loop', ...runs.map((r) => perSecond(r.bare)));
  row('ratio pipeline / bare', ...runs.map((r) => (r.bare / r.pipeline).toFixed(2)));
  row("the round's AWS calls alone", ...runs.map((r) => perSecond(r.calls)));
  row('ratio calls alone / bare', ...runs.map((r) => (r.bare / r.calls).toFixed(2)));
  row('ratio pipeline / calls alone', ...runs.map((r) => (r.calls / r.pipeline).toFixed(2)));
  row('peak RSS (whole process)', `${Math.round(peakRss / 1024 / 1024)} MB`);
  console.log();

  const { calls, readUnits, writeUnits, indexWriteUnits } = first.counts;
  const dynamoCalls = [...calls].filter(([name]) => name !== 'SendRawEmail');
  const dynamoTotal = dynamoCalls.reduce((sum, [, n]) => sum + n, 0);
  console.log(`per recipient (round at concurrency ${first.concurrency})`);
  for (const [name, n] of dynamoCalls.sort()) row(`  DynamoDB ${name}`, perRecipient(n));
  row('  DynamoDB operations', perRecipient(dynamoTotal));
  row('  SES SendRawEmail', perRecipient(calls.get('SendRawEmail') ?? 0));
  row('  read request units', perRecipient(readUnits));
  row('  write request units', perRecipient(writeUnits));
  console.log(
    '  (units as dynalite charges them by DynamoDB rules: a write 1 WRU per KB; a strongly consistent read\n' +
      '   1 RRU per 4 KB, eventually consistent half; a query page 1 RRU per 4 KB of items read; plus\n' +
      `   1 WRU per write that adds an item (< 1 KB) to the index: ${perRecipient(indexWriteUnits)} per recipient)`,
  );
  console.log();

  // The bench lifts the rate limit; on AWS the round takes as long as SES's sending rate makes it.
  const roundSeconds = recipients / awsSendRate;
  const invocations = Math.ceil(roundSeconds / (LAMBDA_TIMEOUT_S - ROUND_RESERVE_S));
  const costs: [string, string, number][] = [
    [
      'DynamoDB writes',
      `${fmt(writeUnits)} WRU x $${PRICES.dynamoWritePerMillion} per million`,
      (writeUnits / 1e6) * PRICES.dynamoWritePerMillion,
    ],
    [
      'DynamoDB reads',
      `${fmt(readUnits)} RRU x $${PRICES.dynamoReadPerMillion} per million`,
      (readUnits / 1e6) * PRICES.dynamoReadPerMillion,
    ],
    [
      'SES',
      `${fmt(recipients)} emails x $${PRICES.sesPerThousand.toFixed(2)} per 1,000`,
      (recipients / 1000) * PRICES.sesPerThousand,
    ],
    [
      'Lambda duration (arm64)',
      `${fmt(Math.round(roundSeconds))} s at ${awsSendRate} emails/s x ${LAMBDA_GB} GB x $${PRICES.lambdaArmPerGbSecond} per GB-s`,
      roundSeconds * LAMBDA_GB * PRICES.lambdaArmPerGbSecond,
    ],
    [
      'Lambda requests',
      `${invocations} x $${PRICES.lambdaPerMillionRequests.toFixed(2)} per million`,
      (invocations / 1e6) * PRICES.lambdaPerMillionRequests,
    ],
    [
      'EventBridge Scheduler',
      `${invocations} invocations x $${PRICES.schedulerPerMillion.toFixed(2)} per million`,
      (invocations / 1e6) * PRICES.schedulerPerMillion,
    ],
  ];
  const total = costs.reduce((sum, [, , cost]) => sum + cost, 0);
  console.log('AWS cost of the round (us-east-1 on-demand, no free tier)');
  for (const [label, basis, cost] of costs)
    console.log(`  ${label.padEnd(24)}${basis.padEnd(62)}${usd(cost)}`);
  console.log(`  ${'total'.padEnd(86)}${usd(total)}`);
  console.log(`  ${'per 1,000 recipients'.padEnd(86)}${usd((total / recipients) * 1000)}`);
  console.log(
    `  (${invocations} invocation(s): the ${LAMBDA_TIMEOUT_S} s function stops at a page boundary once less than ` +
      `${ROUND_RESERVE_S} s is left, and a Scheduler job continues the round)`,
  );
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function usd(amount: number): string {
  return `$${amount.toFixed(7)}`.padStart(11);
}
