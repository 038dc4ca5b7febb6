import type { LocalRuntime } from '#local/runtime';
import type { ServiceClient } from '#test/support/service-client';
import type { throttlingSes } from '#test/support/throttling-ses';
import { addresses, type FaultOutcome, invited, justAfter, reviewAboutToInvite, tally } from './outcome';

/**
 * SES answers "Maximum sending rate exceeded" to a burst of calls a few emails into a round: the SDK and the round
 * retry in place, and each recipient gets the invitation once. (Throttling that outlasts the round's own retries,
 * left queued for the Scheduler's retry, is `test/integration/delivery-failures.test.ts`'s.) `ses` stands between
 * the runtime and the SES emulator.
 */
export async function throttledRound(
  runtime: LocalRuntime,
  api: ServiceClient,
  ses: ReturnType<typeof throttlingSes>,
  recipients = 20,
): Promise<FaultOutcome & { firingSucceeded: boolean; throttled: number }> {
  const to = addresses('throttled', recipients);
  const firing = await reviewAboutToInvite(runtime, api, 'throttled', to);
  ses.throttleBurst(5, 12);
  const { fired } = await api.moveClock({ set: justAfter(firing.at) });
  const firingSucceeded = fired.length === 1 && fired.every((run) => run.ok);
  const { throttled } = ses.counts;
  return {
    fault: 'SES throttling 12 calls from the 6th email of a round on',
    ...tally(to, await invited(api)),
    handled: `${throttled} SendRawEmail throttled, retried in place; the one firing ${firingSucceeded ? 'succeeded' : 'failed'}`,
    firingSucceeded,
    throttled,
  };
}
