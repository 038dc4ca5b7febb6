import type { ExportSettings } from '#api/export-file';
import { createDynamoClient } from '#aws/dynamo-client';
import type { ClientConfig } from '#aws/request-handler';
import { createSchedulerClient } from '#aws/scheduler-client';
import { createSesClient } from '#aws/ses-client';
import { sesMailer } from '#mail/mailer';
import { createScheduler, type Scheduler, type SchedulingTarget } from '#scheduling/scheduler';
import { DEFAULT_DELIVERY_LEASE_MS, SEND_CONCURRENCY } from '#services/delivery-round';
import type { Dependencies } from '#services/dependencies';
import { createStore } from '#store/store';
import type { LocalClock } from './clock';

/** The local stand-ins' endpoints and the settings AWS would give the functions. */
export interface LocalSettings {
  endpoints: { dynamodb: string; ses: string; scheduler: string };
  tableName: string;
  target: SchedulingTarget;
  mailFrom: string;
  secretariatEmail: string;
  publicBaseUrl: string;
  signingKey: string;
  sending: { rate: number; leaseMs?: number };
  /** Rows per part of an export. */
  exportPartRows: number;
  purgeAfterMonths: number;
}

/** What the local runtime's functions share: every adapter, built once against the local components. */
export type LocalDependencies = Dependencies &
  ExportSettings & { schedulerInvoking(functionArn: string): Scheduler };

/** A client of a local component: any region and credentials do, but the SDK needs some to sign with. */
export const localClientConfig = (endpoint: string): ClientConfig => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/**
 * The local runtime's composition root: the same adapters the functions' roots build in AWS, pointed at the
 * local components, and the local clock as the functions' clock, so that links and leases follow it when it is
 * moved.
 */
export function composeLocal(
  settings: LocalSettings,
  clock: LocalClock,
  telemetry: Pick<Dependencies, 'log' | 'metrics'>,
): LocalDependencies {
  const { endpoints } = settings;
  const schedulerClient = createSchedulerClient(localClientConfig(endpoints.scheduler));
  const schedulerInvoking = (functionArn: string) =>
    createScheduler(schedulerClient, { ...settings.target, functionArn });
  return {
    store: createStore({
      client: createDynamoClient(localClientConfig(endpoints.dynamodb)),
      name: settings.tableName,
    }),
    mailer: sesMailer(createSesClient(localClientConfig(endpoints.ses)), { mailFrom: settings.mailFrom }),
    scheduler: schedulerInvoking(settings.target.functionArn),
    schedulerInvoking,
    clock,
    ...telemetry,
    exportPartRows: settings.exportPartRows,
    signingKey: async () => settings.signingKey,
    site: {
      publicBaseUrl: settings.publicBaseUrl,
      mailFrom: settings.mailFrom,
      secretariatEmail: settings.secretariatEmail,
    },
    retention: { purgeAfterMonths: settings.purgeAfterMonths },
    sending: {
      rate: settings.sending.rate,
      concurrency: SEND_CONCURRENCY,
      leaseMs: settings.sending.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS,
    },
  };
}
