import type { PublicApiDependencies } from '#api/public-routes';
import { dynamoStore, mailingOf, retentionOf, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import type { Instrumented } from '#observability/instrumentation';
import { powertoolsTelemetry } from '#observability/powertools';
import { DEFAULT_SEND_RATE } from '#services/delivery-round';
import { systemClock } from '#services/dependencies';

/** The public API's adapters in AWS, from its environment. */
export async function composePublicApi(
  env: Record<string, string | undefined>,
): Promise<PublicApiDependencies & Instrumented> {
  const settings = readEnvironment('public-api', env);
  const { traced, ...observability } = await powertoolsTelemetry('public-api');
  return {
    store: dynamoStore(settings, traced),
    mailer: sesMailerOf(settings, traced),
    // A late joiner's invitation is one email: the account's rate is never in reach.
    ...mailingOf(settings, DEFAULT_SEND_RATE, traced),
    clock: systemClock,
    ...observability,
    retention: retentionOf(settings),
  };
}
