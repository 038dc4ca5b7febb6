import type { AdminApiDependencies } from '../../shared/api/admin-routes';
import { createDynamoClient } from '../../shared/aws/dynamo-client';
import { createSchedulerClient } from '../../shared/aws/scheduler-client';
import { readEnvironment } from '../../shared/config/environment';
import { createScheduler } from '../../shared/scheduling/scheduler';
import { jsonLog } from '../../shared/services/dependencies';
import { createStore } from '../../shared/store/store';

/** The admin API's adapters in AWS, from its environment. */
export function composeAdminApi(env: Record<string, string | undefined>): AdminApiDependencies {
  const settings = readEnvironment('admin-api', env);
  return {
    store: createStore({ client: createDynamoClient(), name: settings.TABLE_NAME }),
    scheduler: createScheduler(createSchedulerClient(), {
      group: settings.SCHEDULE_GROUP,
      functionArn: settings.MILESTONE_FUNCTION_ARN,
      roleArn: settings.SCHEDULER_ROLE_ARN,
      deadLetterArn: settings.SCHEDULER_DLQ_ARN,
    }),
    log: jsonLog,
  };
}
