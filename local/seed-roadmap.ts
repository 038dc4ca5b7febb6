import { parseArgs } from 'node:util';
import { adminClient } from '#cli/admin-client';
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
const client = adminClient(values.api, undefined);
const api = client.base;

/** The local runtime's clock when the service is `npm start`, else the machine's. */
async function now(): Promise<Date> {
  const answer = await fetch(`${api}/_local/clock`).catch(() => undefined);
  return answer?.ok ? new Date(((await answer.json()) as { now: string }).now) : new Date();
}

const round = values.rehearsal ? rehearsalRound(await now()) : SEED_ROUND;
let failed = 0;
for (const { reviewId, review } of round) {
  const answer = await client.call('PUT', `/admin/reviews/${reviewId}`, { json: review });
  const body = answer.body as {
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
