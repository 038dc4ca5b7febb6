import middy from '@middy/core';
import { tokenKey } from '../../shared/aws/token-key';
import { parseSenderEvent } from '../../shared/domain/firing';
import { log } from '../../shared/http/http';
import { runInvitationRound } from '../../shared/services/invitations';
import { linksFor } from '../../shared/services/mailer';
import { runMilestoneRound } from '../../shared/services/milestone-round';

/**
 * The sending function, invoked (asynchronously) by EventBridge Scheduler with a job's Input: a milestone's
 * round to the confirmed registrants, or an upload's round of invitations to register. Throwing makes Lambda
 * retry the invocation twice, then hand the event to the dead-letter queue.
 */
export const handler = middy<unknown>().handler(async (event) => {
  const firing = parseSenderEvent(event);
  const links = linksFor(new Date(), await tokenKey());
  return 'round' in firing ? runInvitationRound(firing, log, links) : runMilestoneRound(firing, log, links);
});
