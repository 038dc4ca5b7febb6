import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { log } from '../../shared/http/http';
import { schedulingTargetFromConfig } from '../../shared/scheduling/review-schedules';
import { reconcileAllReviews } from '../../shared/services/reviews';

/** Hourly (an EventBridge rule): every review's Scheduler jobs brought back to its plan. */
export const handler = middy<ScheduledEvent>().handler(async (event) => {
  const result = await reconcileAllReviews(schedulingTargetFromConfig(), new Date(event.time));
  log('reconciled', result);
  return result;
});
