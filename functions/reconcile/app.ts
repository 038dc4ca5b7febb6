import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { Needs } from '#services/dependencies';
import { reconcileAllReviews } from '#services/reviews';

export type ReconcileDependencies = Needs<'store' | 'scheduler' | 'log'>;

/** Hourly (an EventBridge rule): every review's Scheduler jobs brought back to its plan. */
export const reconcile = (deps: ReconcileDependencies) =>
  middy<ScheduledEvent>().handler(async (event) => {
    const result = await reconcileAllReviews(deps, new Date(event.time));
    deps.log('reconciled', result);
    return result;
  });
