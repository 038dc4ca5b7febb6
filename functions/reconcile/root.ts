import { dynamoStore, retentionOf, schedulerInvoking } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { jsonLog } from '#services/dependencies';
import type { ReconcileDependencies } from './app';

/** The reconcile function's adapters in AWS, from its environment. */
export function composeReconcile(env: Record<string, string | undefined>): ReconcileDependencies {
  const settings = readEnvironment('reconcile', env);
  return {
    store: dynamoStore(settings),
    scheduler: schedulerInvoking(settings)(settings.MILESTONE_FUNCTION_ARN),
    log: jsonLog,
    retention: retentionOf(settings),
  };
}
