import { dynamoStore, retentionOf, schedulerInvoking } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { powertoolsTelemetry } from '#observability/powertools';

import type { ReconcileDependencies } from './app';

/** The reconcile function's adapters in AWS, from its environment. */
export async function composeReconcile(
  env: Record<string, string | undefined>,
): Promise<ReconcileDependencies> {
  const settings = readEnvironment('reconcile', env);
  const { traced, ...observability } = await powertoolsTelemetry('reconcile');
  return {
    store: dynamoStore(settings, traced),
    scheduler: schedulerInvoking(settings, traced)(settings.MILESTONE_FUNCTION_ARN),
    ...observability,
    retention: retentionOf(settings),
  };
}
