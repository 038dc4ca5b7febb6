import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import { afterEach, vi } from 'vitest';
import { publicApi } from '#functions/public-api/app';
import type { HttpEvent } from '#http/event';
import { lambdaContext } from '#local/api-gateway';
import { BUSINESS_NAMESPACE } from '#observability/business-metrics';
import { powertoolsTelemetry } from '#observability/powertools';
import { describe, expect, test as it } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

/** What the functions write (warnings and errors to standard error), which is what CloudWatch Logs keeps. */
function capturedOutput() {
  const written: string[] = [];
  // Assigned rather than spied: both streams' `write` is one inherited function, which vitest spies on only once.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof write;
    restorers.push(() => {
      stream.write = write;
    });
  }
  return () =>
    written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
}

/** Powertools as the functions' roots build it in AWS, without X-Ray, which needs Lambda's daemon. */
async function telemetryOf(fn: 'public-api') {
  const { traced: _traced, ...telemetry } = await powertoolsTelemetry(fn);
  return telemetry;
}

/** `POST /registrations` as API Gateway hands it to the function. */
const registration = (body: unknown): HttpEvent =>
  ({
    version: '2.0',
    routeKey: 'POST /registrations',
    rawPath: '/registrations',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'consultations.example.org' },
    requestContext: {
      accountId: '111122223333',
      apiId: 'api',
      domainName: 'consultations.example.org',
      domainPrefix: 'consultations',
      http: {
        method: 'POST',
        path: '/registrations',
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.7',
        userAgent: 'test',
      },
      requestId: randomUUID(),
      routeKey: 'POST /registrations',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }) as HttpEvent;

const restorers: (() => void)[] = [];
afterEach(() => {
  for (const restore of restorers.splice(0)) restore();
  vi.unstubAllEnvs();
});

describe('the functions’ telemetry in AWS (Powertools)', () => {
  it('writes JSON lines with the invocation, its cold start and correlation id, and its metrics as EMF', async ({
    api,
    runtime,
  }) => {
    expect((await api.putReview('powertools', reviewBody(runtime.clock.now(), 120))).status).toBe(201);
    // As Lambda sets it for an environment started by an invocation (not by provisioned concurrency).
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const output = capturedOutput();
    const handler = publicApi({ ...runtime.dependencies, ...(await telemetryOf('public-api')) });
    const first = lambdaContext('public-api');
    const second = lambdaContext('public-api');
    const email = 'Powertools.Person@example.org';
    for (const context of [first, second])
      expect(
        (await handler(registration({ reviewId: 'powertools', email, name: 'P' }), context)).statusCode,
      ).toBe(202);

    const lines = output();
    const logged = lines.filter((line) => line.message === 'registration received');
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'public-api',
        function_name: 'public-api',
        function_request_id: first.awsRequestId,
        cold_start: true,
        correlation_id: expect.stringMatching(/^registration-[\w-]{16}$/),
        reviewId: 'powertools',
      }),
      expect.objectContaining({ function_request_id: second.awsRequestId, cold_start: false }),
    ]);
    // The same registration, the same id, in every invocation: and nothing that leads back to the address.
    expect(logged[1].correlation_id).toBe(logged[0].correlation_id);
    const metrics = lines.filter((line) => line._aws && 'Registrations' in line);
    expect(metrics).toHaveLength(2);
    expect(metrics[0]).toMatchObject({ service: 'public-api', Registrations: 1 });
    expect(metrics[0]._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: BUSINESS_NAMESPACE,
      Dimensions: [['service']],
      Metrics: [{ Name: 'Registrations', Unit: 'Count' }],
    });
    expect(JSON.stringify(lines)).not.toMatch(/@example\.org/i);
  });

  it('takes its level from POWERTOOLS_LOG_LEVEL, and redacts any address an error quotes', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    const output = capturedOutput();
    const { log } = await telemetryOf('public-api');
    log('an ordinary line');
    log.error('could not send to someone@example.org', { error: 'refused: Someone@Example.org' });
    const lines = output();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'could not send to [email]',
        error: 'refused: [email]',
      }),
    ]);
  });

  it('publishes what an invocation counted even when it throws, and nothing (no warning) when it counted nothing', async () => {
    const output = capturedOutput();
    const { metrics, instrumentation } = await telemetryOf('public-api');
    const failing = middy(async () => {
      metrics.add('EmailsSent', 2);
      throw new Error('SES refused');
    }).use(instrumentation);
    await expect(failing({}, lambdaContext('public-api'))).rejects.toThrow('SES refused');
    // Published by the failed invocation itself, not left for the next one to publish.
    const emailsSent = () => output().filter((line) => line._aws && 'EmailsSent' in line);
    expect(emailsSent().map((line) => line.EmailsSent)).toEqual([2]);
    const quiet = middy(async () => 'nothing counted').use(instrumentation);
    await quiet({}, lambdaContext('public-api'));
    expect(emailsSent()).toHaveLength(1);
    expect(output().filter((line) => /no application metrics/i.test(JSON.stringify(line)))).toEqual([]);
  });

  it('adds no tracing when tracing is off, the AWS clients left as they are', async () => {
    const client = {};
    const traced = await powertoolsTelemetry('public-api');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const untraced = await powertoolsTelemetry('public-api');
    expect(untraced.traced(client)).toBe(client);
    expect(untraced.instrumentation).toHaveLength(traced.instrumentation.length - 1);
  });
});
