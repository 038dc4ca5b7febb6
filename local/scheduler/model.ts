import type { ScheduleKind } from './expression';

/** What a caller may set on a schedule, after validation and defaults; field names follow the AWS API. */
export interface ScheduleDefinition {
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: {
    Arn: string;
    RoleArn: string;
    Input?: string;
    RetryPolicy: { MaximumEventAgeInSeconds: number; MaximumRetryAttempts: number };
    DeadLetterConfig?: { Arn: string };
  };
  State: 'ENABLED' | 'DISABLED';
  ActionAfterCompletion: 'NONE' | 'DELETE';
  Description?: string;
  /** ISO-8601; kept for GetSchedule only, as AWS ignores both dates for one-time schedules. */
  StartDate?: string;
  EndDate?: string;
  KmsKeyArn?: string;
}

/** Where a schedule stands in its (single) run; `attempt` counts from 1 as in `<aws.scheduler.attempt-number>`. */
export type FiringState =
  | { status: 'waiting' }
  | { status: 'retrying'; attempt: number; retryAt: string }
  | { status: 'completed'; completedAt: string; succeeded: boolean };

export interface ScheduleRecord {
  readonly name: string;
  readonly groupName: string;
  readonly definition: ScheduleDefinition;
  readonly kind: ScheduleKind;
  /** ISO-8601 instant an `at()` schedule falls due; absent for recurring schedules, which never fire here. */
  readonly fireAt?: string;
  readonly firing: FiringState;
  readonly clientToken?: string;
  readonly creationDate: string;
  readonly lastModificationDate: string;
}

export interface GroupRecord {
  readonly name: string;
  readonly creationDate: string;
  readonly lastModificationDate: string;
}

export type ExhaustedCondition =
  | 'MaximumRetryAttemptsExceeded'
  | 'MaximumEventAgeExceeded'
  | 'NonRetryableError';

/** What AWS would send to the schedule's SQS dead-letter queue once an invocation is given up. */
export interface DeadLetter {
  readonly deadLetterArn: string;
  readonly scheduleArn: string;
  readonly scheduleName: string;
  readonly groupName: string;
  readonly targetArn: string;
  /** ISO-8601 */
  readonly scheduledTime: string;
  readonly attempts: number;
  readonly exhaustedCondition: ExhaustedCondition;
  readonly errorMessage: string;
  /** The target input of the last attempt, context attributes substituted. */
  readonly input?: string;
  /** ISO-8601, local clock */
  readonly recordedAt: string;
}
