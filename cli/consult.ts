import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Language } from '#i18n/languages';
import { type AdminClient, adminClient } from './admin-client';
import { joinCsvParts, joinXlsxParts } from './join-parts';

/**
 * `npm run consult -- <command>`: the admin operations from a terminal, against `npm start` or a deployment
 * (`--url`, `--token`, or CONSULT_URL and CONSULT_TOKEN). Every command is one or more admin API calls.
 */
const USAGE = `Usage: npm run consult -- <command> [options]

  reviews                          list the reviews, their dates and next milestones
  review <reviewId>                show a review: its plan and its Scheduler jobs
  set-review <reviewId> <file>     create or replace a review from a JSON file (- for standard input)
  invite <reviewId> <file.csv>     upload contacts to invite, then follow the invitations going out
  registrants <reviewId> [--csv | --xlsx] [--out <file>] [--lang fr] [--filter language=fr ...]
                                   the registrants, filtered; --csv or --xlsx fetches the spreadsheet (every
                                   part of a large one) into one file: --out, else standard output
  follow <reviewId> <milestoneId> [--at <instant>]
                                   follow a round until nothing is left to send

Options: --url <base URL> (default http://localhost:$PORT or 3000), --token <bearer token>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    csv: { type: 'boolean', default: false },
    xlsx: { type: 'boolean', default: false },
    out: { type: 'string' },
    lang: { type: 'string' },
    filter: { type: 'string', multiple: true, default: [] },
    at: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const [command, ...args] = positionals;

/** One line that a terminal rewrites in place, and a log file gets once per change. */
function progress(text: string, stream: NodeJS.WriteStream = process.stdout) {
  if (stream.isTTY) stream.write(`\r${text.padEnd(70)}`);
  else stream.write(`${text}\n`);
}

const bar = (done: number, total: number, width = 30) => {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

function fail(answer: { status: number; text: string }): never {
  console.error(`${answer.status} ${answer.text}`);
  process.exit(1);
}

function required(name: string, value: string | undefined): string {
  if (value) return value;
  console.error(`missing <${name}>\n\n${USAGE}`);
  process.exit(2);
}

/** Every review, a page after another. */
async function listReviews(client: AdminClient) {
  let cursor: string | undefined;
  do {
    const answer = await client.call('GET', `/admin/reviews${cursor ? `?cursor=${cursor}` : ''}`);
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
    cursor = answer.body.next;
  } while (cursor);
}

async function invite(client: AdminClient, reviewId: string, file: string) {
  const upload = await client.call('POST', `/admin/reviews/${reviewId}/invitations`, {
    csv: readFileSync(file, 'utf8'),
  });
  if (!upload.ok) fail(upload);
  const { importId, rows, invalid, invalidCount } = upload.body as {
    importId: string;
    rows: number;
    invalid: { line: number; reason: string }[];
    invalidCount: number;
  };
  for (const { line, reason } of invalid) console.log(`line ${line}: ${reason}`);
  if (invalidCount > invalid.length) console.log(`... and ${invalidCount - invalid.length} more refused`);
  console.log(`upload ${importId}: ${rows} to check, ${invalidCount} refused`);
  for (;;) {
    const answer = await client.call('GET', `/admin/reviews/${reviewId}/invitations/${importId}`);
    if (!answer.ok) fail(answer);
    const { processed, total, sent, failed, skippedCount, finishedAt } = answer.body as {
      processed: number;
      total: number;
      sent: number;
      failed: number;
      skippedCount: number;
      finishedAt?: string;
    };
    progress(
      processed < rows
        ? `checked ${processed}/${rows}`
        : `sent ${sent}/${total}${failed ? `, failed ${failed}` : ''}, ${skippedCount} skipped`,
    );
    if (finishedAt) break;
    await sleep(2000);
  }
  console.log('');
}

/**
 * An export, part after part with a progress bar on standard error (standard output may be the file), written as
 * one file. The number of parts is read again from each part, in case registrations came in meanwhile.
 */
async function exportParts(
  client: AdminClient,
  path: string,
  query: URLSearchParams,
  format: 'csv' | 'xlsx',
) {
  if (format === 'xlsx' && !values.out && process.stdout.isTTY) {
    console.error('an XLSX file is not for a terminal: give --out <file>, or redirect standard output');
    process.exit(2);
  }
  const pieces: Buffer[] = [];
  let parts = 1;
  let language: Language = 'en';
  query.set('format', format);
  for (let part = 1; part <= parts; part++) {
    query.set('part', String(part));
    const answer = await client.download(`${path}?${query}`);
    if (!answer.ok) fail(answer);
    ({ parts, language } = answer);
    pieces.push(answer.bytes);
    progress(`part ${part}/${parts} ${bar(part, parts)}`, process.stderr);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const file =
    pieces.length === 1
      ? (pieces[0] as Buffer)
      : format === 'csv'
        ? joinCsvParts(pieces.map((piece) => piece.toString('utf8')))
        : await joinXlsxParts(pieces, language);
  if (!values.out) {
    process.stdout.write(file);
    return;
  }
  writeFileSync(values.out, file);
  console.log(`${values.out}: ${parts} ${parts === 1 ? 'part' : 'parts'} in one file`);
}

async function registrants(client: AdminClient, reviewId: string) {
  const query = new URLSearchParams(values.filter.map((pair) => pair.split('=', 2) as [string, string]));
  if (values.lang) query.set('lang', values.lang);
  const path = `/admin/reviews/${reviewId}/registrants`;
  if (values.xlsx || values.csv) return exportParts(client, path, query, values.xlsx ? 'xlsx' : 'csv');
  let list: {
    shown: number;
    total: number;
    registrants: { email: string; name: string; language: string; attendanceMode: string; status: string }[];
    next?: string;
  };
  do {
    const answer = await client.call('GET', `${path}?${query}`);
    if (!answer.ok) fail(answer);
    list = answer.body;
    for (const r of list.registrants)
      console.log(
        `${r.email.padEnd(36)} ${r.status.padEnd(10)} ${r.language} ${r.attendanceMode.padEnd(10)} ${r.name}`,
      );
    if (list.next) query.set('cursor', list.next);
  } while (list.next);
  console.log(`${list.shown} of ${list.total}`);
}

async function follow(client: AdminClient, reviewId: string, milestoneId: string) {
  // The counts are over the whole round on every page: one recipient's page is enough.
  const at = `?limit=1${values.at ? `&at=${encodeURIComponent(values.at)}` : ''}`;
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
