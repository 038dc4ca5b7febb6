import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalRuntime } from './runtime';
import { isLocalLogLevel, LOCAL_LOG_LEVELS } from './terminal-telemetry';

/**
 * `npm start`: the whole service on this machine, no AWS account needed.
 *   npm start                 data kept under .local/data (a restart keeps everything)
 *   npm start -- --memory     a throw-away run, nothing written to disk
 *   PORT=4000 ADMIN_TOKEN=... LOCAL_DATA_DIR=... npm start
 *   SES_SEND_RATE=14          rounds at a new SES account's pace (emails per second)
 *   DELIVERY_LEASE_MS=500     how soon a claim left by a killed process may be taken over
 *   MAIL_FROM=...             the sending address shown in the outbox
 *   EXPORT_PART_ROWS=100      rows per part of an export (5,000 in AWS), to see a large export's parts
 *   LOG_LEVEL=warn            only the functions' warnings and errors (as POWERTOOLS_LOG_LEVEL does in AWS)
 */
// The SDK warns of its coming end of Node 20 support; the Lambda runtime is Node 22 (see README).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({ options: { memory: { type: 'boolean', default: false } } });
const dataDir = values.memory ? undefined : resolve(process.env.LOCAL_DATA_DIR ?? '.local/data');

const port = Number(process.env.PORT ?? 3000);
const numberFrom = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const logLevel = process.env.LOG_LEVEL?.toLowerCase();
if (logLevel !== undefined && !isLocalLogLevel(logLevel)) {
  console.error(
    `Could not start: LOG_LEVEL must be one of ${LOCAL_LOG_LEVELS.join(', ')}, not "${logLevel}"`,
  );
  process.exit(1);
}
const runtime = await startLocalRuntime({
  port,
  dataDir,
  adminToken: process.env.ADMIN_TOKEN || undefined,
  mailFrom: process.env.MAIL_FROM || undefined,
  sending: { rate: numberFrom('SES_SEND_RATE'), leaseMs: numberFrom('DELIVERY_LEASE_MS') },
  exportPartRows: numberFrom('EXPORT_PART_ROWS'),
  purgeAfterMonths: numberFrom('PURGE_AFTER_MONTHS'),
  logLevel,
}).catch((error: NodeJS.ErrnoException) => {
  const hint =
    error.code === 'EADDRINUSE'
      ? `port ${port} is in use: set PORT to another one`
      : /in use by another local runtime/.test(error.message)
        ? `${error.message}: stop it, set LOCAL_DATA_DIR, or use --memory`
        : String(error.stack ?? error);
  console.error(`Could not start: ${hint}`);
  process.exit(1);
});

const { urls } = runtime;
console.log(`
GCM consultations, running locally (${dataDir ? `data in ${dataDir}` : 'in memory, nothing kept'})

  HTTP API            ${urls.api}
    console           ${urls.api}/console   (sign in as the secretariat or a region's focal point)
    admin             ${urls.api}/admin/reviews   (Authorization: Bearer <admin token>, or POST ${urls.api}/_local/tokens)
    home              ${urls.api}/   (the round's timeline; npm run seed:roadmap loads the seed's)
    registration      ${urls.api}/register/<reviewId>   (the form; ?lang=ar|zh|en|fr|ru|es), or POST ${urls.api}/registrations
  admin token         ${runtime.adminToken}${process.env.ADMIN_TOKEN ? '   (from ADMIN_TOKEN)' : dataDir ? '   (kept in the data folder; set ADMIN_TOKEN to choose it)' : '   (generated; set ADMIN_TOKEN to choose it)'}
  outbox (JSON)       ${urls.outbox}
  SES web inbox       ${urls.sesInbox}
  local clock         ${urls.clock}   (POST {"advanceBy":"P30D"} or {"set":"2027-01-01T00:00:00Z"})
  dead letters        ${urls.deadLetters}
  SES events          POST ${urls.sesEvents}   (an SES event's JSON, or an array: bounce, complaint, delivery, reject)
  DynamoDB (dynalite) ${urls.dynamodb}
  EventBridge Scheduler ${urls.scheduler}

Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    runtime.close().then(() => process.exit(0));
  });
