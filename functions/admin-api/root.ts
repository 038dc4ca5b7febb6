import type { AdminApiDependencies } from '#api/admin-routes';
import { EXPORT_PART_ROWS } from '#api/export-file';
import { dynamoStore, mailingOf, retentionOf, schedulerInvoking, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import type { Instrumented } from '#observability/instrumentation';
import { powertoolsTelemetry } from '#observability/powertools';
import { DEFAULT_SEND_RATE } from '#services/delivery-round';
import { systemClock } from '#services/dependencies';

/** The admin API's adapters in AWS, from its environment. */
export async function composeAdminApi(
  env: Record<string, string | undefined>,
): Promise<AdminApiDependencies & Instrumented> {
  const settings = readEnvironment('admin-api', env);
  const { traced, ...observability } = await powertoolsTelemetry('admin-api');
  return {
    store: dynamoStore(settings, traced),
    scheduler: schedulerInvoking(settings, traced)(settings.MILESTONE_FUNCTION_ARN),
    mailer: sesMailerOf(settings, traced),
    ...observability,
    clock: systemClock,
    ...mailingOf(settings, DEFAULT_SEND_RATE, traced),
    retention: retentionOf(settings),
    exportPartRows: EXPORT_PART_ROWS,
  };
}
