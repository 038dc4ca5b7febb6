import type { LocalRuntime } from '#local/runtime';
import type { cuttableProxy } from '#test/support/cuttable-proxy';
import type { ServiceClient } from '#test/support/service-client';
import { storedRegistrants } from '../stored-registrants';
import { addresses, type FaultOutcome, invited, justAfter, reviewAboutToInvite, tally } from './outcome';

/** Registers while the store is away, and again once it is back. */
const REGISTRANT = 'cut@example.org';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * DynamoDB unreachable for a moment, through a proxy the test cuts: a registration sent meanwhile is refused with
 * nothing kept or sent, and goes through when sent again once the store is back; a round that loses the store for
 * a second in the middle goes on. Each person is stored and emailed once. The runtime's DynamoDB endpoint is
 * `proxy`'s, and its sending rate low enough (10 a second) for a round to be caught in the middle.
 */
export async function storeOutage(
  runtime: LocalRuntime,
  api: ServiceClient,
  proxy: ReturnType<typeof cuttableProxy>,
  recipients = 20,
): Promise<
  FaultOutcome & { duringCut: number; retryAfter: string | null; afterCut: number; sentBeforeCut: number }
> {
  const to = addresses('outage', recipients);
  const firing = await reviewAboutToInvite(runtime, api, 'outage', to);
  const register = (email: string) =>
    api.register({ reviewId: 'outage', email, name: 'Someone', language: 'fr' }).then((a) => a.status);

  await proxy.cut();
  const refused = await api.register({
    reviewId: 'outage',
    email: REGISTRANT,
    name: 'Someone',
    language: 'fr',
  });
  const [duringCut, retryAfter] = [refused.status, refused.headers.get('retry-after')];
  await proxy.restore();
  const afterCut = await register(REGISTRANT);

  // The round starts; once its first emails are out, the store goes away for a second, mid-round.
  const round = api.moveClock({ set: justAfter(firing.at) });
  for (let waited = 0; (await invited(api)).length < 3 && waited < 10_000; waited += 20) await sleep(20);
  await proxy.cut();
  const sentBeforeCut = (await invited(api)).length;
  await sleep(1000);
  await proxy.restore();
  // A firing that failed is retried by the Scheduler within minutes.
  const firstRun = (await round).fired;
  const retried = (await api.moveClock({ advanceBy: 'PT30M' })).fired;
  const roundGoes = firstRun.every((run) => run.ok)
    ? 'went on, its marks retried until the store was back'
    : `failed and ${retried.filter((run) => run.ok).length} retry finished it`;

  const stored = await storedRegistrants(runtime.urls.dynamodb, 'outage');
  const confirmations = (await api.outbox())
    .filter((email) => /\/confirm\?token=/.test(email.text ?? ''))
    .flatMap((email) => email.to);
  const counted = tally(
    [...to.map((e) => `invitation ${e}`), `stored ${REGISTRANT}`, `confirmation ${REGISTRANT}`],
    [
      ...(await invited(api)).map((e) => `invitation ${e}`),
      ...stored.filter((e) => e === REGISTRANT).map((e) => `stored ${e}`),
      ...confirmations.map((e) => `confirmation ${e}`),
    ],
  );
  return {
    fault: 'DynamoDB unreachable: during a registration, for 1 s in the middle of a round',
    ...counted,
    handled: `a registration meanwhile answered ${duringCut} (retry-after ${retryAfter}), sent again ${afterCut}; the round (${sentBeforeCut} of ${recipients} sent at the cut) ${roundGoes}`,
    duringCut,
    retryAfter,
    afterCut,
    sentBeforeCut,
  };
}
