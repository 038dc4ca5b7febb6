import {
  CreateScheduleCommand,
  type CreateScheduleInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  paginateListSchedules,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { schedulerClient } from '../aws/scheduler-client';
import { setting } from '../config';
import {
  atExpression,
  instantOfAtExpression,
  MilestoneFiring,
  type RoundFiring,
  roundScheduleName,
  scheduleName,
  scheduleNamePrefix,
} from '../domain/firing';

/** Where the jobs live and what they invoke; in AWS these come from the stack's outputs. */
export interface SchedulingTarget {
  group: string;
  functionArn: string;
  roleArn: string;
  deadLetterArn: string;
}

/** `functionArn`: the sending function's own ARN, when it is the one scheduling (it has no setting for itself). */
export function schedulingTargetFromConfig(functionArn?: string): SchedulingTarget {
  return {
    group: setting('scheduleGroup'),
    functionArn: functionArn ?? setting('milestoneFunctionArn'),
    roleArn: setting('schedulerRoleArn'),
    deadLetterArn: setting('schedulerDeadLetterArn'),
  };
}

/** A Scheduler job as it stands, read back from the Scheduler. */
export interface ScheduleView {
  name: string;
  kind: string;
  at: string;
  milestoneId: string;
  version: number;
}

/**
 * A late firing is worse than none for a reminder, so Scheduler gives up after four hours (the dead-letter
 * queue then holds the event for an operator) rather than its default of a day.
 */
const RETRY_POLICY = { MaximumRetryAttempts: 30, MaximumEventAgeInSeconds: 4 * 3600 };

const isNamed = (name: string) => (error: unknown) => (error as Error).name === name;
const notFound = isNamed('ResourceNotFoundException');
const conflict = isNamed('ConflictException');

function definition(target: SchedulingTarget, firing: MilestoneFiring): CreateScheduleInput {
  return oneTimeJob(target, {
    name: scheduleName(firing.reviewId, firing.milestoneId),
    description: `${firing.kind} of review ${firing.reviewId}`,
    at: firing.at,
    input: firing,
  });
}

function oneTimeJob(
  target: SchedulingTarget,
  job: { name: string; description: string; at: string; input: unknown },
): CreateScheduleInput {
  return {
    Name: job.name,
    GroupName: target.group,
    Description: job.description,
    ScheduleExpression: atExpression(job.at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    Target: {
      Arn: target.functionArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify(job.input),
      RetryPolicy: RETRY_POLICY,
      DeadLetterConfig: { Arn: target.deadLetterArn },
    },
  };
}

/**
 * A one-time job for a round of its own (an upload's invitations, a meeting change, the rest of a round too large
 * for one invocation) at `at`; it deletes itself once done.
 */
export async function scheduleRound(
  target: SchedulingTarget,
  firing: RoundFiring | MilestoneFiring,
  at: string,
  continuation?: string,
) {
  await schedulerClient().send(
    new CreateScheduleCommand(
      oneTimeJob(target, {
        name: roundScheduleName(firing, continuation),
        description: `${'round' in firing ? firing.round : firing.kind} of review ${firing.reviewId}`,
        at,
        input: firing,
      }),
    ),
  );
}

/** Scheduler's at() counts in whole minutes: the next one but one, so it is surely still ahead. */
export const nextMinuteButOne = (now: Date): string =>
  new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 60_000).toISOString();

async function existingSchedules(target: SchedulingTarget, reviewId: string) {
  const names: string[] = [];
  const pages = paginateListSchedules(
    { client: schedulerClient() },
    { GroupName: target.group, NamePrefix: scheduleNamePrefix(reviewId) },
  );
  for await (const page of pages)
    names.push(...(page.Schedules ?? []).flatMap((s) => (s.Name ? [s.Name] : [])));
  const schedules = await Promise.all(
    names.map((Name) =>
      schedulerClient()
        .send(new GetScheduleCommand({ Name, GroupName: target.group }))
        .catch((error) => {
          if (notFound(error)) return undefined; // fired and deleted itself since it was listed
          throw error;
        }),
    ),
  );
  return schedules.flatMap((s) => (s?.Name ? [s] : []));
}

/** The review's Scheduler jobs, read back from the Scheduler, in time order. */
export async function listReviewSchedules(
  target: SchedulingTarget,
  reviewId: string,
): Promise<ScheduleView[]> {
  const views = (await existingSchedules(target, reviewId)).flatMap((schedule): ScheduleView[] => {
    const firing = MilestoneFiring.safeParse(JSON.parse(schedule.Target?.Input ?? 'null'));
    const at = instantOfAtExpression(schedule.ScheduleExpression ?? '', schedule.ScheduleExpressionTimezone);
    if (!firing.success || !at) return [];
    const { kind, milestoneId, version } = firing.data;
    return [{ name: schedule.Name as string, kind, at, milestoneId, version }];
  });
  return views.sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name));
}

/**
 * Brings the review's jobs to the desired firings: creates what is missing, updates what moved or changed,
 * deletes what is no longer planned. Safe to run again and again (the hourly reconcile does) and against a
 * concurrent firing: a job that fired and deleted itself meanwhile is simply created again or left gone.
 */
export async function syncReviewSchedules(
  target: SchedulingTarget,
  reviewId: string,
  desired: MilestoneFiring[],
): Promise<{ created: number; updated: number; deleted: number }> {
  const existing = new Map((await existingSchedules(target, reviewId)).map((s) => [s.Name as string, s]));
  const wanted = new Map(desired.map((firing) => [scheduleName(reviewId, firing.milestoneId), firing]));
  const counts = { created: 0, updated: 0, deleted: 0 };
  const client = schedulerClient();

  const create = (input: CreateScheduleInput) =>
    client.send(new CreateScheduleCommand(input)).catch((error) => {
      if (!conflict(error)) throw error;
      return client.send(new UpdateScheduleCommand(input));
    });
  const update = (input: CreateScheduleInput) =>
    client.send(new UpdateScheduleCommand(input)).catch((error) => {
      if (!notFound(error)) throw error;
      return client.send(new CreateScheduleCommand(input));
    });

  await Promise.all([
    ...[...wanted].map(async ([name, firing]) => {
      const input = definition(target, firing);
      const current = existing.get(name);
      if (!current) {
        await create(input);
        counts.created++;
      } else if (
        current.ScheduleExpression !== input.ScheduleExpression ||
        current.Target?.Input !== input.Target?.Input ||
        current.Target?.Arn !== input.Target?.Arn
      ) {
        await update(input);
        counts.updated++;
      }
    }),
    ...[...existing.keys()]
      .filter((name) => !wanted.has(name))
      .map(async (Name) => {
        await client.send(new DeleteScheduleCommand({ Name, GroupName: target.group })).catch((error) => {
          if (!notFound(error)) throw error;
        });
        counts.deleted++;
      }),
  ]);
  return counts;
}
