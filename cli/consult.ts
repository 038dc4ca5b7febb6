import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AdminClient, adminClient } from './admin-client';

/**
 * `npm run consult -- <command>`: the admin operations from a terminal, against `npm start` or a deployment
 * (`--url`, `--token`, or CONSULT_URL and CONSULT_TOKEN). Every command is one or more admin API calls.
 */
const USAGE = `Usage: npm run consult -- <command> [options]

  reviews                          list the reviews, their dates and next milestones
  review <reviewId>                show a review: its plan and its Scheduler jobs
  set-review <reviewId> <file>     create or replace a review from a JSON file (- for standard input)
  invite <reviewId> <file.csv>     upload contacts to invite, then follow the invitations going out
  registrants <reviewId> [--csv] [--lang fr] [--filter language=fr ...]
                                   the registrants, filtered; --csv writes a spreadsheet to standard output
  follow <reviewId> <milestoneId> [--at <instant>]
                                   follow a round until nothing is left to send

Options: --url <base URL> (default http://localhost:$PORT or 3000), --token <bearer token>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    csv: { type: 'boolean', default: false },
    lang: { type: 'string' },
    filter: { type: 'string', multiple: true, default: [] },
    at: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const [command, ...args] = positionals;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One line that a terminal rewrites in place, and a log file gets once per change. */
function progress(text: string) {
  if (process.stdout.isTTY) process.stdout.write(`\r${text.padEnd(70)}`);
  else console.log(text);
}

function fail(answer: { status: number; text: string }): never {
  console.error(`${answer.status} ${answer.text}`);
  process.exit(1);
}

function required(name: string, value: string | undefined): string {
  if (value) return value;
  console.error(`missing <${name}>\n\n${USAGE}`);
  process.exit(2);
}

async function listReviews(client: AdminClient) {
  const answer = await client.call('GET', '/admin/reviews');
  if (!answer.ok) fail(answer);
  for (const review of answer.body.reviews as {
    reviewId: string;
    date: string;
    status: string;
    nextMilestone: { id: string; at: string } | null;
  }[])
    console.log(
      `${review.reviewId.padEnd(28)} ${review.date.padEnd(30)} ${review.status.padEnd(10)} ${
        review.nextMilestone ? `${review.nextMilestone.id} at ${review.nextMilestone.at}` : '-'
      }`,
    );
}

async function invite(client: AdminClient, reviewId: string, file: string) {
  const upload = await client.call('POST', `/admin/reviews/${reviewId}/invitations`, {
    csv: readFileSync(file, 'utf8'),
  });
  if (!upload.ok) fail(upload);
  const { importId, total, invalid, skipped } = upload.body as {
    importId: string;
    total: number;
    invalid: { line: number; reason: string }[];
    skipped: unknown[];
  };
  for (const { line, reason } of invalid) console.log(`line ${line}: ${reason}`);
  console.log(
    `${total} to invite (${invalid.length} refused, ${skipped.length} skipped); upload ${importId}`,
  );
  for (;;) {
    const answer = await client.call('GET', `/admin/reviews/${reviewId}/invitations/${importId}`);
    if (!answer.ok) fail(answer);
    const { sent = 0, failed = 0 } = answer.body as { sent?: number; failed?: number };
    progress(`sent ${sent}/${total}${failed ? `, failed ${failed}` : ''}`);
    if (sent + failed >= total) break;
    await sleep(2000);
  }
  console.log('');
}

async function registrants(client: AdminClient, reviewId: string) {
  const query = new URLSearchParams(values.filter.map((pair) => pair.split('=', 2) as [string, string]));
  if (values.csv) query.set('format', 'csv');
  if (values.lang) query.set('lang', values.lang);
  const answer = await client.call('GET', `/admin/reviews/${reviewId}/registrants?${query}`);
  if (!answer.ok) fail(answer);
  if (values.csv) {
    process.stdout.write(answer.text);
    return;
  }
  const list = answer.body as {
    shown: number;
    total: number;
    registrants: { email: string; name: string; language: string; attendanceMode: string; status: string }[];
  };
  for (const r of list.registrants)
    console.log(
      `${r.email.padEnd(36)} ${r.status.padEnd(10)} ${r.language} ${r.attendanceMode.padEnd(10)} ${r.name}`,
    );
  console.log(`${list.shown} of ${list.total}`);
}

async function follow(client: AdminClient, reviewId: string, milestoneId: string) {
  const at = values.at ? `?at=${encodeURIComponent(values.at)}` : '';
  for (;;) {
    const answer = await client.call('GET', `/admin/reviews/${reviewId}/deliveries/${milestoneId}${at}`);
    if (!answer.ok) fail(answer);
    const { total, counts } = answer.body as { total: number; counts: Record<string, number> };
    progress(
      `${total} recipients: ${Object.entries(counts)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ')}`,
    );
    if ((counts.queued ?? 0) + (counts.sending ?? 0) === 0) break;
    await sleep(2000);
  }
  console.log('');
}

async function main() {
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const client = adminClient(values.url, values.token);
  switch (command) {
    case 'reviews':
      return listReviews(client);
    case 'review': {
      const answer = await client.call('GET', `/admin/reviews/${required('reviewId', args[0])}`);
      if (!answer.ok) fail(answer);
      console.log(JSON.stringify(answer.body, null, 2));
      return;
    }
    case 'set-review': {
      const reviewId = required('reviewId', args[0]);
      const file = required('file', args[1]);
      const json = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
      const answer = await client.call('PUT', `/admin/reviews/${reviewId}`, { json });
      if (!answer.ok) fail(answer);
      console.log(`${answer.status} ${reviewId}: ${answer.body.schedules.length} jobs scheduled`);
      for (const warning of answer.body.plan.warnings) console.log(`warning: ${warning}`);
      return;
    }
    case 'invite':
      return invite(client, required('reviewId', args[0]), required('file.csv', args[1]));
    case 'registrants':
      return registrants(client, required('reviewId', args[0]));
    case 'follow':
      return follow(client, required('reviewId', args[0]), required('milestoneId', args[1]));
    default:
      console.error(`unknown command ${command}\n\n${USAGE}`);
      process.exit(2);
  }
}

await main();
