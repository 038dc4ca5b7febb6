import middy from '@middy/core';
import { tokenKey } from '../../shared/aws/token-key';
import { parseOrThrow } from '../../shared/domain/errors';
import { MilestoneFiring } from '../../shared/domain/firing';
import { log } from '../../shared/http/http';
import { linksFor } from '../../shared/services/mailer';
import { runMilestoneRound } from '../../shared/services/milestone-round';

/**
 * Invoked (asynchronously) by EventBridge Scheduler with the job's Input. Throwing makes Lambda retry the
 * invocation twice, then hand the event to the dead-letter queue.
 */
export const handler = middy<unknown>().handler(async (event) =>
  runMilestoneRound(parseOrThrow(MilestoneFiring, event), log, linksFor(new Date(), await tokenKey())),
);
