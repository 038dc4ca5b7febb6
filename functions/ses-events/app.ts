import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import type { Instrumented } from '#observability/instrumentation';
import type { Needs } from '#services/dependencies';
import { handleSesEvent, type SesEventOutcome } from '#services/ses-events';

export type SesEventsDependencies = Needs<'store' | 'log' | 'metrics'> & Instrumented;

/**
 * The SES configuration set's events (bounce, complaint, delivery, reject), published to the SNS topic that
 * invokes this function asynchronously; each record's message is one SES event as JSON. A message that is not
 * an SES event, or a write that fails, throws: Lambda retries twice, then the event goes to the dead-letter queue.
 */
export const sesEvents = (deps: SesEventsDependencies) =>
  middy<SNSEvent>()
    .use(deps.instrumentation)
    .handler(async (event) => {
      const outcomes: SesEventOutcome[] = [];
      for (const record of event.Records)
        outcomes.push(await handleSesEvent(deps, JSON.parse(record.Sns.Message)));
      return outcomes;
    });
