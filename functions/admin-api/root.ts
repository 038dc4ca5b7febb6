import type { AdminApiDependencies } from '#api/admin-routes';
import { EXPORT_PART_ROWS } from '#api/export-file';
import { dynamoStore, mailingOf, retentionOf, schedulerInvoking, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { DEFAULT_SEND_RATE } from '#services/delivery-round';
import { jsonLog, systemClock } from '#services/dependencies';

/** The admin API's adapters in AWS, from its environment. */
export function composeAdminApi(env: Record<string, string | undefined>): AdminApiDependencies {
  const settings = readEnvironment('admin-api', env);
  return {
    store: dynamoStore(settings),
    scheduler: schedulerInvoking(settings)(settings.MILESTONE_FUNCTION_ARN),
    mailer: sesMailerOf(settings),
    log: jsonLog,
    clock: systemClock,
    ...mailingOf(settings, DEFAULT_SEND_RATE),
    retention: retentionOf(settings),
    exportPartRows: EXPORT_PART_ROWS,
  };
}
