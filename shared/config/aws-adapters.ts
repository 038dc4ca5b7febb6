import { createDynamoClient } from '#aws/dynamo-client';
import { createSchedulerClient } from '#aws/scheduler-client';
import { createSesClient } from '#aws/ses-client';
import { createSecretsManagerClient, secretsManagerSigningKey } from '#aws/signing-key';
import { sesMailer } from '#mail/mailer';
import type { Telemetry } from '#observability/instrumentation';
import { createScheduler, type Scheduler } from '#scheduling/scheduler';
import { DEFAULT_DELIVERY_LEASE_MS, SEND_CONCURRENCY } from '#services/delivery-round';
import type { Dependencies } from '#services/dependencies';
import { createStore } from '#store/store';
import type { Environment } from './environment';

/**
 * The adapters the functions' composition roots build in AWS, each from the part of a checked environment it
 * needs. The SDK clients take the SDK's defaults: the function's region and role; each is `traced`, so that its
 * calls show in the invocation's trace.
 */
type Settings = Environment<'milestone'> & Environment<'admin-api'>;
type Traced = Telemetry['traced'];

export const dynamoStore = (env: Pick<Settings, 'TABLE_NAME'>, traced: Traced) =>
  createStore({ client: createDynamoClient({}, traced), name: env.TABLE_NAME });

export const sesMailerOf = (env: Pick<Settings, 'MAIL_FROM' | 'SES_CONFIGURATION_SET'>, traced: Traced) =>
  sesMailer(traced(createSesClient()), {
    mailFrom: env.MAIL_FROM,
    configurationSet: env.SES_CONFIGURATION_SET,
  });

/** Jobs in the service's group, invoking the function given (one client for all). */
export function schedulerInvoking(
  env: Pick<Settings, 'SCHEDULE_GROUP' | 'SCHEDULER_ROLE_ARN' | 'SCHEDULER_DLQ_ARN'>,
  traced: Traced,
): (functionArn: string) => Scheduler {
  const client = traced(createSchedulerClient());
  return (functionArn) =>
    createScheduler(client, {
      group: env.SCHEDULE_GROUP,
      functionArn,
      roleArn: env.SCHEDULER_ROLE_ARN,
      deadLetterArn: env.SCHEDULER_DLQ_ARN,
    });
}

export const siteOf = (env: Pick<Settings, 'PUBLIC_BASE_URL' | 'MAIL_FROM' | 'SECRETARIAT_EMAIL'>) => ({
  publicBaseUrl: env.PUBLIC_BASE_URL,
  mailFrom: env.MAIL_FROM,
  secretariatEmail: env.SECRETARIAT_EMAIL,
});

export const retentionOf = (env: { PURGE_AFTER_MONTHS: number }): Dependencies['retention'] => ({
  purgeAfterMonths: env.PURGE_AFTER_MONTHS,
});

/** What the functions that email need besides the mailer: the signing key, the site, and how to send. */
export const mailingOf = (
  env: Pick<Settings, 'TOKEN_SECRET_ARN' | 'PUBLIC_BASE_URL' | 'MAIL_FROM' | 'SECRETARIAT_EMAIL'>,
  sendRate: number,
  traced: Traced,
): Pick<Dependencies, 'signingKey' | 'site' | 'sending'> => ({
  signingKey: secretsManagerSigningKey(env.TOKEN_SECRET_ARN, traced(createSecretsManagerClient())),
  site: siteOf(env),
  sending: { rate: sendRate, concurrency: SEND_CONCURRENCY, leaseMs: DEFAULT_DELIVERY_LEASE_MS },
});
