import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { parseSenderEvent } from '#domain/firing';
import type { Instrumented } from '#observability/instrumentation';
import type { Scheduler } from '#scheduling/scheduler';
import type { Dependencies } from '#services/dependencies';
import { runRound } from '#services/sender';

/**
 * The jobs this function schedules (meeting changes, continuations) invoke the function itself, whose ARN only
 * each invocation's context gives: its environment cannot hold it without a cycle in the stack.
 */
export type MilestoneDependencies = Omit<Dependencies, 'scheduler' | 'retention'> &
  Instrumented & {
    schedulerInvoking(functionArn: string): Scheduler;
  };

/**
 * The sending function, invoked (asynchronously) by EventBridge Scheduler with a job's input: a milestone's round
 * to the confirmed registrants, an upload's invitations, a meeting change, or the rest of a large round. Throwing
 * makes Lambda retry the invocation twice, then hand the event to the dead-letter queue.
 */
export const milestone = ({ schedulerInvoking, instrumentation, ...deps }: MilestoneDependencies) =>
  middy<unknown>()
    .use(instrumentation)
    .handler((event, context: Context) =>
      runRound(
        { ...deps, scheduler: schedulerInvoking(context.invokedFunctionArn) },
        parseSenderEvent(event),
        () => context.getRemainingTimeInMillis(),
      ),
    );
