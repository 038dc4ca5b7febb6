import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { log } from '../../shared/http/http';
import { handleSesEvent } from '../../shared/services/ses-events';

/**
 * The SES configuration set's events (bounce, complaint, delivery, reject), published to the SNS topic that
 * invokes this function asynchronously; each record's message is one SES event as JSON. A message that is not
 * an SES event, or a write that fails, throws: Lambda retries twice, then the event goes to the dead-letter queue.
 */
export const handler = middy<SNSEvent>().handler(async (event) => {
  const outcomes = [];
  for (const record of event.Records)
    outcomes.push(await handleSesEvent(JSON.parse(record.Sns.Message), log));
  return outcomes;
});
