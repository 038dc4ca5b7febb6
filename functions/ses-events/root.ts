import { createDynamoClient } from '#aws/dynamo-client';
import { readEnvironment } from '#config/environment';
import { jsonLog } from '#services/dependencies';
import { createStore } from '#store/store';
import type { SesEventsDependencies } from './app';

/** The SES events function's adapters in AWS, from its environment. */
export function composeSesEvents(env: Record<string, string | undefined>): SesEventsDependencies {
  const settings = readEnvironment('ses-events', env);
  return { store: createStore({ client: createDynamoClient(), name: settings.TABLE_NAME }), log: jsonLog };
}
