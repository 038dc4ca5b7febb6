import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'aws-lambda';
import type { BusinessMetric } from '#observability/business-metrics';
import { correlatedByRequest, type Instrumented } from '#observability/instrumentation';
import { redactingReplacer, withoutEmailAddresses } from '#observability/redaction';
import type { Log, LogDetail, Metrics } from '#services/dependencies';

/** What the terminal shows: `info` shows everything, `warn` only what an operator should look at. */
export const LOCAL_LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LocalLogLevel = (typeof LOCAL_LOG_LEVELS)[number];
export const isLocalLogLevel = (level: string): level is LocalLogLevel =>
  (LOCAL_LOG_LEVELS as readonly string[]).includes(level);
const RANK: Record<LocalLogLevel, number> = { info: 0, warn: 1, error: 2 };

/** One invocation of a local function: what Powertools keeps per invocation in a Lambda container. */
interface Invocation {
  correlationId?: string;
  metrics: Partial<Record<BusinessMetric, number>>;
}

/**
 * The functions' logs and metrics on a laptop: the lines Powertools writes as JSON in AWS, one readable line each
 * (`[function] message {details}`), with the same correlation ids and the same redaction; an invocation's
 * business metrics on one line when it ends. The local runtime runs every invocation in `invoked`, which is
 * what lets one process hold many invocations at once and still tell their lines apart.
 */
export function terminalTelemetry(write: (line: string) => void, level: LocalLogLevel = 'info') {
  const invocations = new AsyncLocalStorage<Invocation>();

  const forFunction = (fn: string): { log: Log; metrics: Metrics } & Instrumented => {
    const line =
      (lineLevel: LocalLogLevel) =>
      (message: string, detail: LogDetail = {}) => {
        if (RANK[lineLevel] < RANK[level]) return;
        const correlationId = invocations.getStore()?.correlationId;
        const details = { ...(correlationId ? { correlation_id: correlationId } : {}), ...detail };
        const shown = Object.keys(details).length > 0 ? ` ${JSON.stringify(details, redactingReplacer)}` : '';
        const label = lineLevel === 'info' ? '' : `${lineLevel.toUpperCase()} `;
        write(`[${fn}] ${label}${withoutEmailAddresses(message)}${shown}`);
      };
    const log: Log = Object.assign(line('info'), {
      warn: line('warn'),
      error: line('error'),
      correlate: (id: string) => {
        const invocation = invocations.getStore();
        if (invocation) invocation.correlationId = id;
      },
    });
    const metrics: Metrics = {
      add: (metric, value = 1) => {
        const invocation = invocations.getStore();
        if (invocation) invocation.metrics[metric] = (invocation.metrics[metric] ?? 0) + value;
        else log('metrics', { [metric]: value });
      },
    };
    return { log, metrics, instrumentation: [correlatedByRequest(log)] };
  };

  /** A function's handler, each invocation with its own correlation id and metrics, published when it ends. */
  const invoked =
    <E, R>(fn: string, handler: (event: E, context: Context) => Promise<R>) =>
    (event: E, context: Context): Promise<R> => {
      const invocation: Invocation = { metrics: {} };
      return invocations.run(invocation, async () => {
        try {
          return await handler(event, context);
        } finally {
          const counted = Object.entries(invocation.metrics).filter(([, value]) => value !== 0);
          if (counted.length > 0) forFunction(fn).log('metrics', Object.fromEntries(counted));
        }
      });
    };

  return { forFunction, invoked };
}
