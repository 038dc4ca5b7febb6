import { lambdaContext } from '#local/api-gateway';
import type { LocalRuntime } from '#local/runtime';
import type { ServiceClient } from '#test/support/service-client';
import { addresses, type FaultOutcome, invited, justAfter, reviewAboutToInvite, tally } from './outcome';

/**
 * The Scheduler fires at least once: the invitation job fires as its time comes, while the same firing reaches the
 * sending function three more times at once (Lambda's retries, a second delivery of the event), and once more after
 * everything is done. Each recipient must get the invitation once.
 */
export async function doubleAndConcurrentFiring(
  runtime: LocalRuntime,
  api: ServiceClient,
  recipients = 20,
): Promise<FaultOutcome & { runs: string[] }> {
  const to = addresses('fired', recipients);
  const firing = await reviewAboutToInvite(runtime, api, 'fired', to);
  const fire = () =>
    runtime.functions.milestone(firing, lambdaContext('milestone')).then(
      (outcome) => JSON.stringify(outcome),
      // Another firing's claim still held: the invocation fails, for Lambda or the Scheduler to retry.
      (error: Error) => `failed: ${error.message}`,
    );
  const scheduled = api.moveClock({ set: justAfter(firing.at) }).then(({ fired }) => JSON.stringify(fired));
  const together = await Promise.all([scheduled, fire(), fire(), fire()]);
  const last = await fire();
  // Each of those at once sends to those it claimed first, and fails ("still pending") over the others' claims.
  const sharing = together.filter((run) => /still pending/.test(run)).length;
  return {
    fault: 'one job fired 5 times, 4 of them at once',
    ...tally(to, await invited(api)),
    handled: `${sharing} of the 4 at once shared the round out, each failing over the others' claims for a retry; the 5th: ${last}`,
    runs: [...together, last],
  };
}
