import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { FunctionName } from '#config/environment';
import type { Log, Metrics } from '#services/dependencies';
import { BUSINESS_METRICS, BUSINESS_NAMESPACE } from './business-metrics';
import { correlatedByRequest, type Telemetry } from './instrumentation';
import { redactingReplacer } from './redaction';
import { sourceMappedStacks } from './source-mapped-stacks';

/**
 * A function's telemetry in AWS, with Powertools for AWS Lambda: JSON log lines with the invocation's request id,
 * cold start and function name (the level from `POWERTOOLS_LOG_LEVEL`), business metrics as CloudWatch embedded
 * metrics, X-Ray traces of the invocation and of each AWS call unless `POWERTOOLS_TRACE_ENABLED` is 'false', and
 * stack traces that name the source files.
 */
export async function powertoolsTelemetry(fn: FunctionName): Promise<Telemetry> {
  sourceMappedStacks();
  const logger = new Logger({ serviceName: fn, jsonReplacerFn: redactingReplacer });
  const metrics = new PowertoolsMetrics({ namespace: BUSINESS_NAMESPACE, serviceName: fn });
  const tracing = await tracingOf(fn);
  const log: Log = Object.assign((message: string, detail = {}) => logger.info(message, detail), {
    warn: (message: string, detail = {}) => logger.warn(message, detail),
    error: (message: string, detail = {}) => logger.error(message, detail),
    correlate: (id: string) => logger.setCorrelationId(id),
  });
  const businessMetrics: Metrics = {
    add: (metric, value = 1) => metrics.addMetric(metric, BUSINESS_METRICS[metric], value),
  };
  return {
    log,
    metrics: businessMetrics,
    traced: tracing.traced,
    instrumentation: [
      injectLambdaContext(logger, { resetKeys: true }),
      correlatedByRequest(log),
      ...tracing.instrumentation,
      publishedAtTheEnd(metrics),
    ],
  };
}

/**
 * The tracer, unless tracing is off (Powertools' own switch, which the stack sets from `xrayTracing`). Imported
 * behind the switch, so that a function that does not trace never evaluates the X-Ray SDK: esbuild keeps a module
 * imported this way in the one-file bundle, but runs it only when the import does.
 */
async function tracingOf(fn: FunctionName): Promise<Pick<Telemetry, 'traced' | 'instrumentation'>> {
  if (process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() === 'false')
    return { traced: (client) => client, instrumentation: [] };
  const { xrayTracing } = await import('./xray-tracing');
  return xrayTracing(fn);
}

/**
 * The invocation's business metrics, published once it ends, whether it answered or threw; and the cold-start
 * metric. Powertools' own `logMetrics` warns on every invocation that counted nothing, which most requests do.
 */
function publishedAtTheEnd(metrics: PowertoolsMetrics): MiddlewareObj {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { before: async () => metrics.captureColdStartMetric(), after: publish, onError: publish };
}
