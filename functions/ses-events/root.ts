import { dynamoStore } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { jsonLog } from '#services/dependencies';
import type { SesEventsDependencies } from './app';

/** The SES events function's adapters in AWS, from its environment. */
export function composeSesEvents(env: Record<string, string | undefined>): SesEventsDependencies {
  return { store: dynamoStore(readEnvironment('ses-events', env)), log: jsonLog };
}
