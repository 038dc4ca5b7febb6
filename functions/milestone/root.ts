import { createDynamoClient } from '#aws/dynamo-client';
import { createSchedulerClient } from '#aws/scheduler-client';
import { createSesClient } from '#aws/ses-client';
import { secretsManagerSigningKey } from '#aws/signing-key';
import { readEnvironment } from '#config/environment';
import { sesMailer } from '#mail/mailer';
import { createScheduler } from '#scheduling/scheduler';
import { DEFAULT_DELIVERY_LEASE_MS, SEND_CONCURRENCY } from '#services/delivery-round';
import { jsonLog, systemClock } from '#services/dependencies';
import { createStore } from '#store/store';
import type { MilestoneDependencies } from './app';

/** The sending function's adapters in AWS, from its environment. */
export function composeMilestone(env: Record<string, string | undefined>): MilestoneDependencies {
  const settings = readEnvironment('milestone', env);
  const schedulerClient = createSchedulerClient();
  return {
    store: createStore({ client: createDynamoClient(), name: settings.TABLE_NAME }),
    mailer: sesMailer(createSesClient(), {
      mailFrom: settings.MAIL_FROM,
      configurationSet: settings.SES_CONFIGURATION_SET,
    }),
    schedulerInvoking: (functionArn) =>
      createScheduler(schedulerClient, {
        group: settings.SCHEDULE_GROUP,
        functionArn,
        roleArn: settings.SCHEDULER_ROLE_ARN,
        deadLetterArn: settings.SCHEDULER_DLQ_ARN,
      }),
    signingKey: secretsManagerSigningKey(settings.TOKEN_SECRET_ARN),
    site: { publicBaseUrl: settings.PUBLIC_BASE_URL, mailFrom: settings.MAIL_FROM },
    sending: {
      rate: settings.SES_SEND_RATE,
      concurrency: SEND_CONCURRENCY,
      leaseMs: DEFAULT_DELIVERY_LEASE_MS,
    },
    clock: systemClock,
    log: jsonLog,
  };
}
