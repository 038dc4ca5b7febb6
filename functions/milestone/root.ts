import { dynamoStore, mailingOf, schedulerInvoking, sesMailerOf } from '#config/aws-adapters';
import { readEnvironment } from '#config/environment';
import { jsonLog, systemClock } from '#services/dependencies';
import type { MilestoneDependencies } from './app';

/** The sending function's adapters in AWS, from its environment. */
export function composeMilestone(env: Record<string, string | undefined>): MilestoneDependencies {
  const settings = readEnvironment('milestone', env);
  return {
    store: dynamoStore(settings),
    mailer: sesMailerOf(settings),
    schedulerInvoking: schedulerInvoking(settings),
    ...mailingOf(settings, settings.SES_SEND_RATE),
    clock: systemClock,
    log: jsonLog,
  };
}
