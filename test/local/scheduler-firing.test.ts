import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalClock } from '#local/clock';
import {
  createLocalScheduler,
  type InvocationMeta,
  type InvokeTarget,
  type LocalScheduler,
} from '#local/scheduler/index';

const TARGET = {
  Arn: 'arn:aws:lambda:us-east-1:000000000000:function:milestone',
  RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
};
const DLQ_ARN = 'arn:aws:sqs:us-east-1:000000000000:scheduler-dlq';

function at(name: string, localTime: string, overrides: Partial<CreateScheduleCommandInput> = {}) {
  return {
    Name: name,
    ScheduleExpression: `at(${localTime})`,
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    Target: { ...TARGET, Input: JSON.stringify({ name }) },
    ...overrides,
  };
}

interface Invocation {
  target: InvokeTarget;
  meta: InvocationMeta;
  /** The local clock as the handler saw it. */
  now: Date;
}

describe('local scheduler firing', () => {
  let dataDir: string;
  let realMs: number;
  let clock: LocalClock;
  let scheduler: LocalScheduler;
  let client: SchedulerClient;
  let invocations: Invocation[];
  let logLines: string[];
  /** What the target does when invoked; tests replace it to fail or to call the API. */
  let handler: (target: InvokeTarget, meta: InvocationMeta) => Promise<void>;

  async function open(options: { pollIntervalMs?: number } = {}): Promise<void> {
    clock = new LocalClock({ filePath: join(dataDir, 'clock.json'), realNow: () => realMs });
    scheduler = await createLocalScheduler({
      port: 0,
      dataDir,
      clock,
      log: (line) => logLines.push(line),
      pollIntervalMs: options.pollIntervalMs,
      invoke: async (target, meta) => {
        invocations.push({ target, meta, now: clock.now() });
        await handler(target, meta);
      },
    });
    client = new SchedulerClient({
      endpoint: scheduler.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  }

  async function closeAll(): Promise<void> {
    client.destroy();
    await scheduler.close();
  }

  async function create(input: CreateScheduleCommandInput): Promise<void> {
    await client.send(new CreateScheduleCommand(input));
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scheduler-firing-'));
    realMs = Date.parse('2030-01-01T00:00:00Z');
    invocations = [];
    logLines = [];
    handler = async () => {};
    await open();
  });

  afterEach(async () => {
    await closeAll();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('fires due schedules in time order, with the clock at each firing time, then stops at the target', async () => {
    await create(at('third', '2030-01-03T09:00:00'));
    await create(at('first', '2030-01-02T10:00:00', { ScheduleExpressionTimezone: 'Europe/Zurich' }));
    await create(at('second', '2030-01-02T09:30:00'));
    await create(at('later', '2030-02-01T00:00:00'));

    const firstRun = await scheduler.runDueUntil(new Date('2030-01-02T12:00:00Z'));
    expect(
      firstRun.map((result) => [result.scheduleName, result.scheduledTime.toISOString(), result.ok]),
    ).toEqual([
      ['first', '2030-01-02T09:00:00.000Z', true],
      ['second', '2030-01-02T09:30:00.000Z', true],
    ]);
    expect(clock.now().toISOString()).toBe('2030-01-02T12:00:00.000Z');

    const secondRun = await scheduler.runDueUntil(new Date('2030-01-10T00:00:00Z'));
    expect(secondRun.map((result) => result.scheduleName)).toEqual(['third']);
    expect(invocations.map(({ meta, now }) => [meta.scheduleName, now.toISOString()])).toEqual([
      ['first', '2030-01-02T09:00:00.000Z'],
      ['second', '2030-01-02T09:30:00.000Z'],
      ['third', '2030-01-03T09:00:00.000Z'],
    ]);
    expect(invocations[0]?.target).toEqual({ arn: TARGET.Arn, input: { name: 'first' } });
  });

  it('substitutes the context attributes in Input before parsing it', async () => {
    const Input = JSON.stringify({
      arn: '<aws.scheduler.schedule-arn>',
      time: '<aws.scheduler.scheduled-time>',
      execution: '<aws.scheduler.execution-id>',
      attempt: '<aws.scheduler.attempt-number>',
    });
    await create(at('context', '2030-01-02T09:00:00', { Target: { ...TARGET, Input } }));
    await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));

    const [invocation] = invocations;
    expect(invocation?.target.input).toEqual({
      arn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/context',
      time: '2030-01-02T09:00:00Z',
      execution: invocation?.meta.executionId,
      attempt: '1',
    });
    expect(invocation?.meta.executionId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('deletes a completed schedule with ActionAfterCompletion DELETE, and keeps a NONE one without refiring', async () => {
    await create(at('deleted', '2030-01-02T09:00:00', { ActionAfterCompletion: 'DELETE' }));
    await create(at('kept', '2030-01-02T09:00:00'));
    await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));

    await expect(client.send(new GetScheduleCommand({ Name: 'deleted' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const kept = await client.send(new GetScheduleCommand({ Name: 'kept' }));
    expect(kept.State).toBe('ENABLED');
    expect(await scheduler.runDueUntil(new Date('2030-02-01T00:00:00Z'))).toEqual([]);
    expect(invocations).toHaveLength(2);
  });

  it('fires an updated schedule at its new time with its new Input, and never a deleted or disabled one', async () => {
    await create(at('moved', '2030-01-02T09:00:00'));
    await create(at('deleted', '2030-01-02T09:00:00'));
    await create(at('disabled', '2030-01-02T09:00:00', { State: 'DISABLED' }));
    await client.send(
      new UpdateScheduleCommand(
        at('moved', '2030-01-05T09:00:00', { Target: { ...TARGET, Input: '{"version":2}' } }),
      ),
    );
    await client.send(new DeleteScheduleCommand({ Name: 'deleted' }));

    expect(await scheduler.runDueUntil(new Date('2030-01-04T00:00:00Z'))).toEqual([]);
    const results = await scheduler.runDueUntil(new Date('2030-01-06T00:00:00Z'));
    expect(results.map((result) => [result.scheduleName, result.scheduledTime.toISOString()])).toEqual([
      ['moved', '2030-01-05T09:00:00.000Z'],
    ]);
    expect(invocations.map(({ target }) => target.input)).toEqual([{ version: 2 }]);
  });

  it('retries a failed invocation on the local clock, then succeeds', async () => {
    handler = async (_, meta) => {
      if (meta.attempt === 1) throw new Error('Lambda throttled');
    };
    await create(
      at('flaky', '2030-01-02T09:00:00', {
        Target: { ...TARGET, Input: '{"attempt":"<aws.scheduler.attempt-number>"}' },
      }),
    );

    const results = await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));
    expect(results).toEqual([
      expect.objectContaining({ scheduleName: 'flaky', attempt: 1, ok: false, error: 'Lambda throttled' }),
      expect.objectContaining({ scheduleName: 'flaky', attempt: 2, ok: true }),
    ]);
    expect(invocations.map(({ now, target }) => [now.toISOString(), target.input])).toEqual([
      ['2030-01-02T09:00:00.000Z', { attempt: '1' }],
      ['2030-01-02T09:01:00.000Z', { attempt: '2' }],
    ]);
    expect(logLines).toContain(
      'attempt 1 of default/flaky failed (Lambda throttled); retrying at 2030-01-02T09:01:00.000Z',
    );
  });

  it('records a dead letter once the retries are exhausted, and deletes a DELETE schedule all the same', async () => {
    handler = async () => {
      throw new Error('function error');
    };
    await create(
      at('doomed', '2030-01-02T09:00:00', {
        ActionAfterCompletion: 'DELETE',
        Target: {
          ...TARGET,
          Input: '{"n":"<aws.scheduler.attempt-number>"}',
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 86_400 },
          DeadLetterConfig: { Arn: DLQ_ARN },
        },
      }),
    );
    await create(
      at('too-old', '2030-01-02T10:00:00', {
        Target: { ...TARGET, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 120 } },
      }),
    );

    const results = await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));
    expect(results.map((result) => [result.scheduleName, result.attempt, result.ok])).toEqual([
      ['doomed', 1, false],
      ['doomed', 2, false],
      ['doomed', 3, false],
      ['too-old', 1, false],
      ['too-old', 2, false],
    ]);
    expect(invocations.slice(0, 3).map(({ now }) => now.toISOString())).toEqual([
      '2030-01-02T09:00:00.000Z',
      '2030-01-02T09:01:00.000Z',
      '2030-01-02T09:03:00.000Z',
    ]);
    expect(scheduler.deadLetters()).toEqual([
      {
        deadLetterArn: DLQ_ARN,
        scheduleArn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/doomed',
        scheduleName: 'doomed',
        groupName: 'default',
        targetArn: TARGET.Arn,
        scheduledTime: '2030-01-02T09:00:00.000Z',
        attempts: 3,
        exhaustedCondition: 'MaximumRetryAttemptsExceeded',
        errorMessage: 'function error',
        input: '{"n":"3"}',
        recordedAt: '2030-01-02T09:03:00.000Z',
      },
    ]);
    await expect(client.send(new GetScheduleCommand({ Name: 'doomed' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(logLines).toContain(
      'gave up on default/too-old after 2 attempt(s), MaximumEventAgeExceeded: function error; no dead-letter queue, so the event is dropped',
    );

    await closeAll();
    await open();
    expect(scheduler.deadLetters()).toHaveLength(1);
  });

  it('gives up at once on an Input that is not JSON', async () => {
    await create(
      at('broken', '2030-01-02T09:00:00', {
        Target: { ...TARGET, Input: '{oops', DeadLetterConfig: { Arn: DLQ_ARN } },
      }),
    );
    const results = await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));
    expect(results).toEqual([expect.objectContaining({ attempt: 1, ok: false })]);
    expect(invocations).toEqual([]);
    expect(scheduler.deadLetters()[0]).toMatchObject({
      exhaustedCondition: 'NonRetryableError',
      input: '{oops',
    });
  });

  it('fires what fell due while the process was stopped when it starts again', async () => {
    await create(at('missed', '2030-01-01T06:00:00'));
    await create(at('future', '2030-01-02T06:00:00'));
    await closeAll();

    realMs += 12 * 3_600_000;
    await open();
    await scheduler.start();
    expect(invocations.map(({ meta, now }) => [meta.scheduleName, now.toISOString()])).toEqual([
      ['missed', '2030-01-01T12:00:00.000Z'],
    ]);
  });

  it('keeps firing as real time passes once started', async () => {
    await closeAll();
    await open({ pollIntervalMs: 5 });
    await scheduler.start();
    await create(at('soon', '2030-01-01T00:00:30'));
    expect(invocations).toEqual([]);

    realMs += 60_000;
    await vi.waitFor(() => expect(invocations.map(({ meta }) => meta.scheduleName)).toEqual(['soon']), {
      timeout: 2_000,
      interval: 5,
    });
  });

  it('fires, in the same run, a schedule a handler creates over HTTP when it falls due before the target', async () => {
    handler = async (_, meta) => {
      if (meta.scheduleName !== 'parent') return;
      await create(at('child-before-target', '2030-01-02T12:00:00'));
      await create(at('child-after-target', '2030-01-04T12:00:00'));
      await client.send(new DeleteScheduleCommand({ Name: 'parent' }));
    };
    await create(at('parent', '2030-01-02T09:00:00'));
    await create(at('sibling', '2030-01-02T15:00:00'));

    const results = await scheduler.runDueUntil(new Date('2030-01-03T00:00:00Z'));
    expect(results.map((result) => [result.scheduleName, result.ok])).toEqual([
      ['parent', true],
      ['child-before-target', true],
      ['sibling', true],
    ]);
    await expect(client.send(new GetScheduleCommand({ Name: 'parent' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect((await client.send(new GetScheduleCommand({ Name: 'child-after-target' }))).State).toBe('ENABLED');
  });

  it('serializes concurrent runs', async () => {
    let running = 0;
    let mostAtOnce = 0;
    handler = async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await create(at('a', '2030-01-02T09:00:00'));
    await create(at('b', '2030-01-03T09:00:00'));

    const [early, late] = await Promise.all([
      scheduler.runDueUntil(new Date('2030-01-02T12:00:00Z')),
      scheduler.runDueUntil(new Date('2030-01-04T00:00:00Z')),
    ]);
    expect(early.map((result) => result.scheduleName)).toEqual(['a']);
    expect(late.map((result) => result.scheduleName)).toEqual(['b']);
    expect(mostAtOnce).toBe(1);
  });
});
