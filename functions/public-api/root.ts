import type { PublicApiDependencies } from '#api/public-routes';
import { dynamoStore, mailingOf, retentionOf, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { DEFAULT_SEND_RATE } from '#services/delivery-round';
import { jsonLog, systemClock } from '#services/dependencies';

/** The public API's adapters in AWS, from its environment. */
export function composePublicApi(env: Record<string, string | undefined>): PublicApiDependencies {
  const settings = readEnvironment('public-api', env);
  return {
    store: dynamoStore(settings),
    mailer: sesMailerOf(settings),
    // A late joiner's invitation is one email: the account's rate is never in reach.
    ...mailingOf(settings, DEFAULT_SEND_RATE),
    clock: systemClock,
    log: jsonLog,
    retention: retentionOf(settings),
  };
}
