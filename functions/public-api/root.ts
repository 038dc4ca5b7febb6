import type { PublicApiDependencies } from '#api/public-routes';
import { createDynamoClient } from '#aws/dynamo-client';
import { createSesClient } from '#aws/ses-client';
import { secretsManagerSigningKey } from '#aws/signing-key';
import { readEnvironment } from '#config/environment';
import { sesMailer } from '#mail/mailer';
import { DEFAULT_DELIVERY_LEASE_MS, DEFAULT_SEND_RATE, SEND_CONCURRENCY } from '#services/delivery-round';
import { jsonLog, systemClock } from '#services/dependencies';
import { createStore } from '#store/store';

/** The public API's adapters in AWS, from its environment. */
export function composePublicApi(env: Record<string, string | undefined>): PublicApiDependencies {
  const settings = readEnvironment('public-api', env);
  return {
    store: createStore({ client: createDynamoClient(), name: settings.TABLE_NAME }),
    mailer: sesMailer(createSesClient(), {
      mailFrom: settings.MAIL_FROM,
      configurationSet: settings.SES_CONFIGURATION_SET,
    }),
    signingKey: secretsManagerSigningKey(settings.TOKEN_SECRET_ARN),
    site: { publicBaseUrl: settings.PUBLIC_BASE_URL, mailFrom: settings.MAIL_FROM },
    // A late joiner's invitation is one email: the account's rate is never in reach.
    sending: { rate: DEFAULT_SEND_RATE, concurrency: SEND_CONCURRENCY, leaseMs: DEFAULT_DELIVERY_LEASE_MS },
    clock: systemClock,
    log: jsonLog,
  };
}
