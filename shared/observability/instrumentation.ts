import type { MiddlewareObj } from '@middy/core';
import type { Log, Metrics } from '#services/dependencies';

/** What wraps each invocation of a function: its context in the logs, its metrics published, its trace. */
// biome-ignore lint/suspicious/noExplicitAny: the same middleware wraps HTTP, Scheduler, SNS and EventBridge events
export type Instrumentation = MiddlewareObj<any, any>[];

/** A function's logs, metrics and traces, as its composition root builds them (Powertools in AWS). */
export interface Telemetry {
  log: Log;
  metrics: Metrics;
  /** The same AWS SDK client, its calls traced. */
  traced<C>(client: C): C;
  instrumentation: Instrumentation;
}

/** What a function's handler needs besides its services' dependencies. */
export interface Instrumented {
  instrumentation: Instrumentation;
}

/** An HTTP request's lines carry API Gateway's request id until a service names a flow of its own. */
export function correlatedByRequest(log: Log): MiddlewareObj {
  return {
    before: async (request) => {
      const requestId = (request.event as { requestContext?: { requestId?: unknown } } | undefined)
        ?.requestContext?.requestId;
      if (typeof requestId === 'string') log.correlate(requestId);
    },
  };
}
