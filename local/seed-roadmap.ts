import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN_TOKEN_FILE } from './runtime';
import { rehearsalRound } from './seed/rehearsal';
import { SEED_ROUND } from './seed/roadmap-2023-2024';

/**
 * `npm run seed:roadmap`: puts the seed document's 2023-2024 timeline and its two global consultations into a
 * running service through its admin API, as the secretariat would; `-- --rehearsal` puts a round in the future
 * instead, to move the local clock through. It talks to `npm start` on PORT (3000) with the admin token kept in
 * the data folder, or to any deployment: `--api https://...` with ADMIN_TOKEN set.
 */
const { values } = parseArgs({
  options: {
    api: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    rehearsal: { type: 'boolean', default: false },
  },
});
const api = values.api.replace(/\/+$/, '');

function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = join(resolve(process.env.LOCAL_DATA_DIR ?? '.local/data'), ADMIN_TOKEN_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  console.error(
    'No admin token: set ADMIN_TOKEN (as `npm start -- --memory` needs), or start the service with its data folder.',
  );
  process.exit(1);
}

/** The local runtime's clock when the service is `npm start`, else the machine's. */
async function now(): Promise<Date> {
  const answer = await fetch(`${api}/_local/clock`).catch(() => undefined);
  return answer?.ok ? new Date(((await answer.json()) as { now: string }).now) : new Date();
}

const token = adminToken();
const round = values.rehearsal ? rehearsalRound(await now()) : SEED_ROUND;
let failed = 0;
for (const { reviewId, review } of round) {
  const answer = await fetch(`${api}/admin/reviews/${reviewId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(review),
  });
  const body = (await answer.json()) as {
    plan?: { warnings: string[] };
    schedules?: unknown[];
    issues?: unknown;
  };
  if (!answer.ok) failed++;
  console.log(
    `${String(answer.status).padEnd(4)} ${reviewId.padEnd(24)} ${
      answer.ok ? `${body.schedules?.length ?? 0} jobs scheduled` : JSON.stringify(body)
    }`,
  );
  for (const warning of body.plan?.warnings ?? []) console.log(`       warning: ${warning}`);
}
console.log(`\nThe round is on the home page: ${api}/`);
process.exit(failed > 0 ? 1 : 0);
