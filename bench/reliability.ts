import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalRuntimeOptions, startLocalRuntime } from '#local/runtime';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import { cuttableProxy } from '#test/support/cuttable-proxy';
import { GROUPS } from '#test/support/reliability/bad-inputs/groups';
import { figuresOf, problems, tryInputs } from '#test/support/reliability/bad-inputs/try';
import { prepareWorld } from '#test/support/reliability/bad-inputs/world';
import { crowdThroughNpmStart, THOUSAND } from '#test/support/reliability/crowd';
import { adminsSaveOneReview, confirmationsRace } from '#test/support/reliability/faults/conflicts';
import { crashMidRound } from '#test/support/reliability/faults/crash-mid-round';
import { doubleAndConcurrentFiring } from '#test/support/reliability/faults/firing';
import type { FaultOutcome } from '#test/support/reliability/faults/outcome';
import { throttledRound } from '#test/support/reliability/faults/ses-throttling';
import { storeOutage } from '#test/support/reliability/faults/store-outage';
import { ADMIN_TOKEN, ServiceClient } from '#test/support/service-client';
import { throttlingSes } from '#test/support/throttling-ses';

/**
 * The reliability suite's scenarios (`test/reliability/`), run once more to print what they show: bad inputs to
 * every route (5xx, validation errors naming their field), a thousand registrations through `npm start` (stored,
 * emailed, doubled, how fast), and each fault with what became of it. `npm run bench:reliability`.
 */

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const [startLoad = 0] = loadavg();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (text: string | number, width: number) => String(text).padStart(width);

/** An in-process runtime for one scenario, quiet, closed after it with whatever stood in front of it. */
async function withRuntime<T>(
  options: Partial<LocalRuntimeOptions>,
  scenario: (runtime: Awaited<ReturnType<typeof startLocalRuntime>>, api: ServiceClient) => Promise<T>,
): Promise<T> {
  const runtime = await startLocalRuntime({
    port: 0,
    adminToken: ADMIN_TOKEN,
    log: () => undefined,
    ...options,
  });
  try {
    return await scenario(runtime, new ServiceClient(runtime.apiUrl));
  } finally {
    await runtime.close();
  }
}

console.log('bad inputs');
console.log(
  `  ${'route group'.padEnd(30)} ${pad('tried', 6)} ${pad('routes', 7)} ${pad('5xx', 4)}  validation errors naming their field`,
);
const totals = { tried: 0, routes: 0, fiveHundreds: 0, validation: 0, naming: 0, wrong: [] as string[] };
const statuses: Record<string, number> = {};
for (const [group, inputsOf] of Object.entries(GROUPS)) {
  const outcomes = await withRuntime({}, async (runtime, api) =>
    tryInputs(api.baseUrl, inputsOf(await prepareWorld(api, runtime.signingKey))),
  );
  const figures = figuresOf(outcomes);
  totals.tried += figures.tried;
  totals.routes += figures.routes;
  totals.fiveHundreds += figures.fiveHundreds;
  totals.validation += figures.validationErrors;
  totals.naming += figures.namingTheirField;
  totals.wrong.push(...problems(outcomes));
  for (const [status, count] of Object.entries(figures.statuses))
    statuses[status] = (statuses[status] ?? 0) + count;
  console.log(
    `  ${group.padEnd(30)} ${pad(figures.tried, 6)} ${pad(figures.routes, 7)} ${pad(figures.fiveHundreds, 4)}  ${figures.namingTheirField} of ${figures.validationErrors}`,
  );
}
console.log(
  `  ${'all'.padEnd(30)} ${pad(totals.tried, 6)} ${pad(totals.routes, 7)} ${pad(totals.fiveHundreds, 4)}  ${totals.naming} of ${totals.validation}`,
);
console.log(
  `  answered ${Object.entries(statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')}`,
);
for (const wrong of totals.wrong) console.log(`  wrong: ${wrong}`);

console.log('\na thousand registrations through npm start');
const crowd = await crowdThroughNpmStart(THOUSAND);
const rows: [string, string | number][] = [
  [
    'sent',
    `${crowd.sent} (from ${Math.ceil((crowd.sent - THOUSAND.inTheRoom) / THOUSAND.perNetwork) + 1} network addresses, ${THOUSAND.inFlight} in flight)`,
  ],
  ['accepted (202)', crowd.accepted],
  [
    'asked for a proof of work',
    `${crowd.challenged} (of the conference room's ${THOUSAND.inTheRoom}, past its first ${PROOF_AFTER_PER_CLIENT})`,
  ],
  ['refused', JSON.stringify(crowd.refused)],
  [
    'stored',
    `${crowd.stored} (lost ${crowd.lost.length}, twice ${crowd.storedTwice.length}, unknown ${crowd.strangers.length})`,
  ],
  [
    'confirmation emails',
    `${crowd.emails} (none ${crowd.notEmailed.length}, twice ${crowd.emailedTwice.length})`,
  ],
  ['elapsed', seconds(crowd.elapsedMs)],
  ['throughput', `${(crowd.accepted / (crowd.elapsedMs / 1000)).toFixed(1)} registrations/s`],
  ['slowest answer', seconds(crowd.slowestMs)],
];
for (const [name, value] of rows) console.log(`  ${name.padEnd(28)} ${value}`);

console.log('\nfaults');
const faults: FaultOutcome[] = [];
faults.push(await withRuntime({}, (runtime, api) => doubleAndConcurrentFiring(runtime, api)));
const ses = throttlingSes();
faults.push(
  await withRuntime({ sesInFront: ses.inFront }, (runtime, api) => throttledRound(runtime, api, ses)),
);
await ses.close();
faults.push(await withRuntime({}, (_, api) => adminsSaveOneReview(api)));
faults.push(await withRuntime({}, (runtime, api) => confirmationsRace(runtime, api)));
const proxy = cuttableProxy();
faults.push(
  await withRuntime({ dynamoInFront: proxy.inFront, sending: { rate: 10 } }, (runtime, api) =>
    storeOutage(runtime, api, proxy),
  ),
);
await proxy.close();
const dataDir = mkdtempSync(join(tmpdir(), 'gcm-bench-crash-'));
try {
  faults.push(await crashMidRound(dataDir));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
for (const fault of faults) {
  console.log(`  ${fault.fault}`);
  console.log(
    `    expected ${fault.expected}, lost ${fault.lost.length}, doubled ${fault.doubled.length}: ${fault.handled}`,
  );
  for (const problem of [...fault.lost, ...fault.doubled]) console.log(`    ${problem}`);
}
console.log(
  `\nload average ${startLoad.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
);
