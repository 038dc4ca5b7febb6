import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalClock } from '#local/clock';
import { createLocalScheduler, type LocalScheduler } from '#local/scheduler/index';

const START = Date.parse('2030-01-01T00:00:00Z');
const TARGET = {
  Arn: 'arn:aws:lambda:us-east-1:000000000000:function:milestone',
  RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
};

function schedule(
  name: string,
  overrides: Partial<CreateScheduleCommandInput> = {},
): CreateScheduleCommandInput {
  return {
    Name: name,
    ScheduleExpression: 'at(2030-02-01T09:00:00)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: TARGET,
    ...overrides,
  };
}

describe('local scheduler API through @aws-sdk/client-scheduler', () => {
  let dataDir: string;
  let clock: LocalClock;
  let scheduler: LocalScheduler;
  let client: SchedulerClient;

  async function open(): Promise<void> {
    scheduler = await createLocalScheduler({
      port: 0,
      dataDir,
      clock,
      invoke: async () => {},
      log: () => {},
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

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scheduler-api-'));
    clock = new LocalClock({ realNow: () => START });
    await open();
  });

  afterEach(async () => {
    await closeAll();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function rejection(promise: Promise<unknown>): Promise<Error> {
    const outcome = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(outcome instanceof Error)) throw new Error('Expected the call to fail');
    return outcome;
  }

  it('returns from GetSchedule what CreateSchedule stored, with AWS defaults filled in', async () => {
    const created = await client.send(
      new CreateScheduleCommand(
        schedule('review-1-reminder', {
          ScheduleExpression: 'at(2030-02-01T09:00:00)',
          ScheduleExpressionTimezone: 'Europe/Zurich',
          Description: 'Reminder before the review',
          ActionAfterCompletion: 'DELETE',
          Target: {
            ...TARGET,
            Input: '{"milestone":"reminder"}',
            DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:scheduler-dlq' },
          },
        }),
      ),
    );
    expect(created.ScheduleArn).toBe(
      'arn:aws:scheduler:us-east-1:000000000000:schedule/default/review-1-reminder',
    );

    const stored = await client.send(new GetScheduleCommand({ Name: 'review-1-reminder' }));
    expect(stored).toMatchObject({
      Arn: created.ScheduleArn,
      Name: 'review-1-reminder',
      GroupName: 'default',
      ScheduleExpression: 'at(2030-02-01T09:00:00)',
      ScheduleExpressionTimezone: 'Europe/Zurich',
      Description: 'Reminder before the review',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        ...TARGET,
        Input: '{"milestone":"reminder"}',
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:scheduler-dlq' },
      },
    });
    expect(stored.CreationDate).toEqual(new Date(START));
  });

  it.each([
    [
      'a name of 65 characters',
      schedule('n'.repeat(65)),
      /at 'name' failed .* length less than or equal to 64/,
    ],
    [
      'a name with forbidden characters',
      schedule('review 1/reminder'),
      /regular expression pattern: \[0-9a-zA-Z-_.\]\+/,
    ],
    [
      'an at() without seconds',
      schedule('s', { ScheduleExpression: 'at(2030-02-01T09:00)' }),
      /Invalid Schedule Expression/,
    ],
    [
      'an at() with a date that does not exist',
      schedule('s', { ScheduleExpression: 'at(2030-02-30T09:00:00)' }),
      /Invalid Schedule Expression/,
    ],
    [
      'an at() with a zone suffix',
      schedule('s', { ScheduleExpression: 'at(2030-02-01T09:00:00Z)' }),
      /Invalid Schedule Expression/,
    ],
    ['a cron() with five fields', schedule('s', { ScheduleExpression: 'cron(0 9 * * ?)' }), /six fields/],
    [
      'an unknown time zone',
      schedule('s', { ScheduleExpressionTimezone: 'Europe/Atlantis' }),
      /IANA time zone/,
    ],
    [
      'no FlexibleTimeWindow',
      schedule('s', { FlexibleTimeWindow: undefined }),
      /Value null at 'flexibleTimeWindow'/,
    ],
    [
      'a FLEXIBLE window without its size',
      schedule('s', { FlexibleTimeWindow: { Mode: 'FLEXIBLE' } }),
      /MaximumWindowInMinutes is required/,
    ],
    [
      'a window over 1440 minutes',
      schedule('s', { FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1441 } }),
      /less than or equal to 1440/,
    ],
    [
      'a target without RoleArn',
      schedule('s', { Target: { Arn: TARGET.Arn } as never }),
      /Value null at 'target.roleArn'/,
    ],
    [
      'a RetryPolicy out of range',
      schedule('s', {
        Target: { ...TARGET, RetryPolicy: { MaximumEventAgeInSeconds: 59, MaximumRetryAttempts: 186 } },
      }),
      /2 validation errors .*maximumEventAgeInSeconds.*greater than or equal to 60.*maximumRetryAttempts.*less than or equal to 185/,
    ],
    [
      'an unknown State',
      schedule('s', { State: 'PAUSED' as never }),
      /enum value set: \[ENABLED, DISABLED\]/,
    ],
    [
      'a target type the emulator does not run',
      schedule('s', { Target: { ...TARGET, SqsParameters: {} } }),
      /not supported by the local scheduler emulator/,
    ],
  ])('rejects %s with a ValidationException', async (_, input, message) => {
    const error = await rejection(client.send(new CreateScheduleCommand(input)));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(message);
  });

  it('accepts rate() and cron() expressions and stores them', async () => {
    await client.send(new CreateScheduleCommand(schedule('hourly', { ScheduleExpression: 'rate(1 hour)' })));
    await client.send(
      new CreateScheduleCommand(schedule('daily', { ScheduleExpression: 'cron(0 9 * * ? *)' })),
    );
    const daily = await client.send(new GetScheduleCommand({ Name: 'daily' }));
    expect(daily.ScheduleExpression).toBe('cron(0 9 * * ? *)');
  });

  it('answers ResourceNotFoundException for an unknown group', async () => {
    const error = await rejection(
      client.send(new CreateScheduleCommand(schedule('s', { GroupName: 'reviews' }))),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe('Schedule group reviews does not exist.');
  });

  it('answers ConflictException when the name is taken, but accepts a retry with the same client token', async () => {
    await client.send(new CreateScheduleCommand(schedule('once', { ClientToken: 'token-1' })));
    await client.send(new CreateScheduleCommand(schedule('once', { ClientToken: 'token-1' })));
    const error = await rejection(client.send(new CreateScheduleCommand(schedule('once'))));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.message).toBe('Schedule once already exists.');
  });

  it('answers ResourceNotFoundException to Get, Update and Delete of a missing schedule', async () => {
    for (const command of [
      new GetScheduleCommand({ Name: 'missing' }),
      new UpdateScheduleCommand(schedule('missing')),
      new DeleteScheduleCommand({ Name: 'missing' }),
    ]) {
      const error = await rejection(client.send(command as GetScheduleCommand));
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.message).toBe('Schedule missing does not exist.');
    }
  });

  it('replaces the whole definition on update and forgets the schedule on delete', async () => {
    await client.send(
      new CreateScheduleCommand(
        schedule('s', { Description: 'old', Target: { ...TARGET, Input: '{"v":1}' } }),
      ),
    );
    clock.advanceBy('PT1H');
    await client.send(
      new UpdateScheduleCommand(
        schedule('s', { ScheduleExpression: 'at(2030-03-01T09:00:00)', State: 'DISABLED' }),
      ),
    );
    const updated = await client.send(new GetScheduleCommand({ Name: 's' }));
    expect(updated).toMatchObject({ ScheduleExpression: 'at(2030-03-01T09:00:00)', State: 'DISABLED' });
    expect(updated.Description).toBeUndefined();
    expect(updated.Target?.Input).toBeUndefined();
    expect(updated.CreationDate).toEqual(new Date(START));
    expect(updated.LastModificationDate).toEqual(new Date(START + 3_600_000));

    await client.send(new DeleteScheduleCommand({ Name: 's' }));
    await expect(client.send(new GetScheduleCommand({ Name: 's' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('lists schedules filtered by group, name prefix and state, page by page', async () => {
    await client.send(new CreateScheduleGroupCommand({ Name: 'reviews' }));
    for (const name of ['review-3', 'review-1', 'other', 'review-2']) {
      await client.send(new CreateScheduleCommand(schedule(name, { GroupName: 'reviews' })));
    }
    await client.send(new CreateScheduleCommand(schedule('review-4', { State: 'DISABLED' })));

    const names: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListSchedulesCommand({ NamePrefix: 'review-', MaxResults: 2, NextToken }),
      );
      names.push(...(page.Schedules ?? []).map((summary) => `${summary.GroupName}/${summary.Name}`));
      NextToken = page.NextToken;
      pages += 1;
    } while (NextToken);
    expect(names).toEqual(['default/review-4', 'reviews/review-1', 'reviews/review-2', 'reviews/review-3']);
    expect(pages).toBe(2);

    const inGroup = await client.send(
      new ListSchedulesCommand({ GroupName: 'reviews', NamePrefix: 'review-' }),
    );
    expect(inGroup.Schedules?.map((summary) => summary.Name)).toEqual(['review-1', 'review-2', 'review-3']);
    const disabled = await client.send(new ListSchedulesCommand({ State: 'DISABLED' }));
    expect(disabled.Schedules).toEqual([
      expect.objectContaining({
        Name: 'review-4',
        Arn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/review-4',
        Target: { Arn: TARGET.Arn },
      }),
    ]);
    const badToken = await rejection(client.send(new ListSchedulesCommand({ NextToken: 'not-a-token' })));
    expect(badToken).toBeInstanceOf(ValidationException);
  });

  it('manages schedule groups, with a default group that always exists', async () => {
    const created = await client.send(new CreateScheduleGroupCommand({ Name: 'reviews' }));
    expect(created.ScheduleGroupArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule-group/reviews');
    await expect(client.send(new CreateScheduleGroupCommand({ Name: 'reviews' }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    expect(await client.send(new GetScheduleGroupCommand({ Name: 'reviews' }))).toMatchObject({
      Name: 'reviews',
      State: 'ACTIVE',
      Arn: created.ScheduleGroupArn,
    });
    const groups = await client.send(new ListScheduleGroupsCommand({}));
    expect(groups.ScheduleGroups?.map((group) => group.Name)).toEqual(['default', 'reviews']);

    await client.send(new CreateScheduleCommand(schedule('in-reviews', { GroupName: 'reviews' })));
    await client.send(new DeleteScheduleGroupCommand({ Name: 'reviews' }));
    await expect(client.send(new GetScheduleGroupCommand({ Name: 'reviews' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const left = await client.send(new ListSchedulesCommand({}));
    expect(left.Schedules).toEqual([]);

    const deleteDefault = await rejection(client.send(new DeleteScheduleGroupCommand({ Name: 'default' })));
    expect(deleteDefault).toBeInstanceOf(ValidationException);
  });

  it('keeps schedules and groups across a close and a restart on the same data folder', async () => {
    await client.send(new CreateScheduleGroupCommand({ Name: 'reviews' }));
    await client.send(
      new CreateScheduleCommand(
        schedule('kept', { GroupName: 'reviews', Target: { ...TARGET, Input: '{"k":1}' } }),
      ),
    );
    await closeAll();

    await open();
    const kept = await client.send(new GetScheduleCommand({ Name: 'kept', GroupName: 'reviews' }));
    expect(kept).toMatchObject({
      ScheduleExpression: 'at(2030-02-01T09:00:00)',
      Target: { Input: '{"k":1}' },
    });
  });
});
