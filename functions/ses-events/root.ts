import { createDynamoClient } from '../../shared/aws/dynamo-client';
import { readEnvironment } from '../../shared/config/environment';
import { jsonLog } from '../../shared/services/dependencies';
import { createStore } from '../../shared/store/store';
import type { SesEventsDependencies } from './app';

/** The SES events function's adapters in AWS, from its environment. */
export function composeSesEvents(env: Record<string, string | undefined>): SesEventsDependencies {
  const settings = readEnvironment('ses-events', env);
  return { store: createStore({ client: createDynamoClient(), name: settings.TABLE_NAME }), log: jsonLog };
}
