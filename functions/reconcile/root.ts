import { createDynamoClient } from '#aws/dynamo-client';
import { createSchedulerClient } from '#aws/scheduler-client';
import { readEnvironment } from '#config/environment';
import { createScheduler } from '#scheduling/scheduler';
import { jsonLog } from '#services/dependencies';
import { createStore } from '#store/store';
import type { ReconcileDependencies } from './app';

/** The reconcile function's adapters in AWS, from its environment. */
export function composeReconcile(env: Record<string, string | undefined>): ReconcileDependencies {
  const settings = readEnvironment('reconcile', env);
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
