import 'aws-sdk-client-mock-vitest/extend';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { MilestoneFiring } from '#domain/firing';
import { createScheduler, type SchedulingTarget } from '#scheduling/scheduler';

const scheduler = mockClient(SchedulerClient);
// The test files share their workers' modules (vitest.config.ts): the real client comes back after this file.
afterAll(() => scheduler.restore());
const target: SchedulingTarget = {
  group: 'gcm-consultations',
  functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:milestone',
  roleArn: 'arn:aws:iam::111122223333:role/scheduler',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:111122223333:dead-letters',
};
const firing: MilestoneFiring = {
  reviewId: 'europe-2027',
  milestoneId: 'hybrid.reminder-1d',
  kind: 'reminder',
  at: '2027-03-09T08:00:00Z',
  version: 3,
};
const meta = { $metadata: {} };
const syncReviewSchedules = (reviewId: string, firings: MilestoneFiring[]) =>
  createScheduler(new SchedulerClient({ region: 'eu-west-1' }), target).syncReview(reviewId, firings);

/** The exact job definition the Scheduler receives for `firing`: told its own time by the placeholder. */
const expectedDefinition = {
  Name: 'europe-2027.hybrid.reminder-1d',
  GroupName: 'gcm-consultations',
  Description: 'reminder of review europe-2027',
  ScheduleExpression: 'at(2027-03-09T08:00:00)',
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  State: 'ENABLED',
  Target: {
    Arn: target.functionArn,
    RoleArn: target.roleArn,
    Input:
      '{"reviewId":"europe-2027","milestoneId":"hybrid.reminder-1d","kind":"reminder","at":"2027-03-09T08:00:00Z","version":3,"scheduledTime":"<aws.scheduler.scheduled-time>"}',
    RetryPolicy: { MaximumRetryAttempts: 30, MaximumEventAgeInSeconds: 14400 },
    DeadLetterConfig: { Arn: target.deadLetterArn },
  },
};

function existing(...schedules: { Name: string; ScheduleExpression: string; Input: string }[]) {
  scheduler
    .on(ListSchedulesCommand)
    .resolves({ Schedules: schedules.map(({ Name }) => ({ Name })), ...meta });
  for (const s of schedules)
    scheduler.on(GetScheduleCommand, { Name: s.Name }).resolves({
      ...s,
      ScheduleExpressionTimezone: 'UTC',
      Target: { Arn: target.functionArn, RoleArn: target.roleArn, Input: s.Input },
      ...meta,
    });
}

describe('bringing a review’s Scheduler jobs to its plan', () => {
  beforeEach(() => {
    scheduler.reset();
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:created', ...meta });
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:updated', ...meta });
    scheduler.on(DeleteScheduleCommand).resolves(meta);
  });

  it('creates a missing job with the exact definition, listing only the review’s own jobs', async () => {
    existing();
    expect(await syncReviewSchedules('europe-2027', [firing])).toEqual({
      created: 1,
      updated: 0,
      deleted: 0,
    });
    expect(scheduler).toHaveReceivedCommandWith(ListSchedulesCommand, {
      GroupName: 'gcm-consultations',
      NamePrefix: 'europe-2027.',
    });
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toStrictEqual(expectedDefinition);
  });

  it('leaves an unchanged job alone, updates a moved one, deletes one no longer planned', async () => {
    existing(
      {
        Name: expectedDefinition.Name,
        ScheduleExpression: 'at(2027-03-02T08:00:00)',
        Input: expectedDefinition.Target.Input,
      },
      { Name: 'europe-2027.hybrid.reminder-7d', ScheduleExpression: 'at(2027-03-03T08:00:00)', Input: '{}' },
    );
    expect(await syncReviewSchedules('europe-2027', [firing])).toEqual({
      created: 0,
      updated: 1,
      deleted: 1,
    });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toStrictEqual(expectedDefinition);
    expect(scheduler).toHaveReceivedCommandWith(DeleteScheduleCommand, {
      Name: 'europe-2027.hybrid.reminder-7d',
      GroupName: 'gcm-consultations',
    });

    scheduler.resetHistory();
    existing({
      Name: expectedDefinition.Name,
      ScheduleExpression: expectedDefinition.ScheduleExpression,
      Input: expectedDefinition.Target.Input,
    });
    expect(await syncReviewSchedules('europe-2027', [firing])).toEqual({
      created: 0,
      updated: 0,
      deleted: 0,
    });
    expect(scheduler).not.toHaveReceivedCommand(UpdateScheduleCommand);
  });

  it('survives races: a job created meanwhile is updated, one that fired and deleted itself is let go', async () => {
    existing({
      Name: 'europe-2027.pre-1.invitation',
      ScheduleExpression: 'at(2026-12-01T09:00:00)',
      Input: '{}',
    });
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ Message: 'exists', message: 'exists', $metadata: {} }));
    scheduler
      .on(DeleteScheduleCommand)
      .rejects(new ResourceNotFoundException({ Message: 'gone', message: 'gone', $metadata: {} }));
    expect(await syncReviewSchedules('europe-2027', [firing])).toEqual({
      created: 1,
      updated: 0,
      deleted: 1,
    });
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toStrictEqual(expectedDefinition);
  });
});
