import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { Instrumented } from '#observability/instrumentation';
import type { Needs } from '#services/dependencies';
import { purgeDueReviews } from '#services/personal-data';
import { reconcileAllReviews } from '#services/reviews';

export type ReconcileDependencies = Needs<'store' | 'scheduler' | 'log' | 'retention'> & Instrumented;

/**
 * Hourly (an EventBridge rule): every review's Scheduler jobs brought back to its plan, and the personal data of
 * reviews past their retention purged.
 */
export const reconcile = (deps: ReconcileDependencies) =>
  middy<ScheduledEvent>()
    .use(deps.instrumentation)
    .handler(async (event) => {
      const now = new Date(event.time);
      const result = { ...(await reconcileAllReviews(deps, now)), ...(await purgeDueReviews(deps, now)) };
      deps.log('reconciled', result);
      return result;
    });
