import { dynamoStore, mailingOf, schedulerInvoking, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { powertoolsTelemetry } from '#observability/powertools';
import { systemClock } from '#services/dependencies';
import type { MilestoneDependencies } from './app';

/** The sending function's adapters in AWS, from its environment. */
export async function composeMilestone(
  env: Record<string, string | undefined>,
): Promise<MilestoneDependencies> {
  const settings = readEnvironment('milestone', env);
  const { traced, ...observability } = await powertoolsTelemetry('milestone');
  return {
    store: dynamoStore(settings, traced),
    mailer: sesMailerOf(settings, traced),
    schedulerInvoking: schedulerInvoking(settings, traced),
    ...mailingOf(settings, settings.SES_SEND_RATE, traced),
    clock: systemClock,
    ...observability,
  };
}
