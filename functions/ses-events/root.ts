import { dynamoStore } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { powertoolsTelemetry } from '#observability/powertools';
import type { SesEventsDependencies } from './app';

/** The SES events function's adapters in AWS, from its environment. */
export async function composeSesEvents(
  env: Record<string, string | undefined>,
): Promise<SesEventsDependencies> {
  const settings = readEnvironment('ses-events', env);
  const { traced, ...observability } = await powertoolsTelemetry('ses-events');
  return { store: dynamoStore(settings, traced), ...observability };
}
