import type { PublicApiDependencies } from '../../shared/api/public-routes';
import { createDynamoClient } from '../../shared/aws/dynamo-client';
import { createSesClient } from '../../shared/aws/ses-client';
import { secretsManagerSigningKey } from '../../shared/aws/signing-key';
import { readEnvironment } from '../../shared/config/environment';
import { sesMailer } from '../../shared/mail/mailer';
import {
  DEFAULT_DELIVERY_LEASE_MS,
  DEFAULT_SEND_RATE,
  SEND_CONCURRENCY,
} from '../../shared/services/delivery-round';
import { jsonLog, systemClock } from '../../shared/services/dependencies';
import { createStore } from '../../shared/store/store';

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
