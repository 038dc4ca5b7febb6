import middy from '@middy/core';
import { tokenKey } from '../../shared/aws/token-key';
import { parseSenderEvent } from '../../shared/domain/firing';
import { log } from '../../shared/http/http';
import { schedulingTargetFromConfig } from '../../shared/scheduling/review-schedules';
import { linksFor } from '../../shared/services/mailer';
import { runRound } from '../../shared/services/sender';
import { sendingOptions } from '../../shared/services/sending';

/**
 * The sending function, invoked (asynchronously) by EventBridge Scheduler with a job's Input: a milestone's round
 * to the confirmed registrants, an upload's invitations, a meeting change, or the rest of a large round. Throwing
 * makes Lambda retry the invocation twice, then hand the event to the dead-letter queue.
 */
export const handler = middy<unknown>().handler(async (event, context) =>
  runRound(
    parseSenderEvent(event),
    log,
    linksFor(new Date(), await tokenKey()),
    sendingOptions(() => context.getRemainingTimeInMillis()),
    () => schedulingTargetFromConfig(context.invokedFunctionArn),
  ),
);
