import {
  CreateScheduleCommand,
  type CreateScheduleInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  paginateListSchedules,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { MilestoneFiring, type SenderFiring } from '#domain/firing';
import {
  atExpression,
  instantOfAtExpression,
  milestoneJobName,
  reviewJobPrefix,
  roundJobName,
  SCHEDULED_TIME_PLACEHOLDER,
} from './job-names';

/** Where the jobs live and what they invoke; in AWS these come from the stack's outputs. */
export interface SchedulingTarget {
  group: string;
  functionArn: string;
  roleArn: string;
  deadLetterArn: string;
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

export type Scheduler = ReturnType<typeof createScheduler>;

/**
 * EventBridge Scheduler's one-time jobs for the service: a review's milestones, kept in step with its plan, and
 * rounds of their own. Every job invokes the sending function with its firing, which learns the time it fired.
 */
export function createScheduler(client: SchedulerClient, target: SchedulingTarget) {
  const oneTimeJob = (name: string, at: string, firing: SenderFiring): CreateScheduleInput => ({
    Name: name,
    GroupName: target.group,
    Description: `${'round' in firing ? firing.round : firing.kind} of review ${firing.reviewId}`,
    ScheduleExpression: atExpression(at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    Target: {
      Arn: target.functionArn,
      RoleArn: target.roleArn,
      // A continuation keeps the time its round first fired; any other job is told the time it fires.
      Input: JSON.stringify({ ...firing, scheduledTime: firing.scheduledTime ?? SCHEDULED_TIME_PLACEHOLDER }),
      RetryPolicy: RETRY_POLICY,
      DeadLetterConfig: { Arn: target.deadLetterArn },
    },
  });

  const existingSchedules = async (reviewId: string) => {
    const names: string[] = [];
    const pages = paginateListSchedules(
      { client },
      { GroupName: target.group, NamePrefix: reviewJobPrefix(reviewId) },
    );
    for await (const page of pages)
      names.push(...(page.Schedules ?? []).flatMap((s) => (s.Name ? [s.Name] : [])));
    const schedules = await Promise.all(
      names.map((Name) =>
        client.send(new GetScheduleCommand({ Name, GroupName: target.group })).catch((error) => {
          if (notFound(error)) return undefined; // fired and deleted itself since it was listed
          throw error;
        }),
      ),
    );
    return schedules.flatMap((s) => (s?.Name ? [s] : []));
  };

  return {
    /**
     * A one-time job for a round of its own (an upload's invitations, a meeting change, the rest of a round too
     * large for one invocation) at `at`; it deletes itself once done.
     */
    async scheduleRound(firing: SenderFiring, at: string, continuation?: string): Promise<void> {
      await client.send(
        new CreateScheduleCommand(oneTimeJob(roundJobName(firing, continuation), at, firing)),
      );
    },

    /** The review's Scheduler jobs, read back from the Scheduler, in time order. */
    async listReview(reviewId: string): Promise<ScheduleView[]> {
      const views = (await existingSchedules(reviewId)).flatMap((schedule): ScheduleView[] => {
        const firing = MilestoneFiring.safeParse(JSON.parse(schedule.Target?.Input ?? 'null'));
        const at = instantOfAtExpression(
          schedule.ScheduleExpression ?? '',
          schedule.ScheduleExpressionTimezone,
        );
        if (!firing.success || !at) return [];
        const { kind, milestoneId, version } = firing.data;
        return [{ name: schedule.Name as string, kind, at, milestoneId, version }];
      });
      return views.sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name));
    },

    /**
     * Brings the review's jobs to the desired firings: creates what is missing, updates what moved or changed,
     * deletes what is no longer planned. Safe to run again and again (the hourly reconcile does) and against a
     * concurrent firing: a job that fired and deleted itself meanwhile is simply created again or left gone.
     */
    async syncReview(
      reviewId: string,
      desired: MilestoneFiring[],
    ): Promise<{ created: number; updated: number; deleted: number }> {
      const existing = new Map((await existingSchedules(reviewId)).map((s) => [s.Name as string, s]));
      const wanted = new Map(
        desired.map((firing) => [milestoneJobName(reviewId, firing.milestoneId), firing]),
      );
      const counts = { created: 0, updated: 0, deleted: 0 };

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
          const input = oneTimeJob(name, firing.at, firing);
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
    },
  };
}
