import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { FunctionName } from '#config/environment';
import type { Telemetry } from './instrumentation';

/**
 * X-Ray traces with Powertools Tracer: a segment per invocation and a subsegment per AWS call. Imported only when
 * tracing is on (`powertools.ts`): the X-Ray SDK under it does a good deal of work as it loads.
 */
export function xrayTracing(fn: FunctionName): Pick<Telemetry, 'traced' | 'instrumentation'> {
  const tracer = new Tracer({ serviceName: fn });
  return {
    traced: (client) => tracer.captureAWSv3Client(client),
    instrumentation: [captureLambdaHandler(tracer, { captureResponse: false })],
  };
}
