import type { AdminApiDependencies } from '#api/admin-routes';
import { dynamoStore, schedulerInvoking, sesMailerOf, siteOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { jsonLog } from '#services/dependencies';

/** The admin API's adapters in AWS, from its environment. */
export function composeAdminApi(env: Record<string, string | undefined>): AdminApiDependencies {
  const settings = readEnvironment('admin-api', env);
  return {
    store: dynamoStore(settings),
    scheduler: schedulerInvoking(settings)(settings.MILESTONE_FUNCTION_ARN),
    mailer: sesMailerOf(settings),
    log: jsonLog,
    site: siteOf(settings),
  };
}
