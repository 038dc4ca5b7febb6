import * as z from 'zod';
import { validationError } from './errors';
import { isValidTimeZone, resolveFireTime, type ScheduleKind } from './expression';
import type { ScheduleDefinition } from './model';
import { DEFAULT_GROUP } from './store';

/** Defaults AWS applies when a schedule's target has no RetryPolicy. */
const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 } as const;
const DEFAULT_TIME_ZONE = 'UTC';

/** A regex check whose failure reads like AWS's; `shown` is the pattern as AWS documents it. */
const pattern = (regex: RegExp, shown = regex.source) =>
  [regex, { error: `Member must satisfy regular expression pattern: ${shown}` }] as const;
const integer = (min: number, max: number) => z.number().int().min(min).max(max);

// AWS writes the name pattern as [0-9a-zA-Z-_.]+; the hyphen is moved last here so it cannot read as a range.
const name = z
  .string()
  .min(1)
  .max(64)
  .regex(...pattern(/^[0-9a-zA-Z_.-]+$/, '[0-9a-zA-Z-_.]+'));
const ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SQS_ARN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9\-_]+$/;
const CLIENT_TOKEN = /^[a-zA-Z0-9-_]+$/;

/** Target parameters of other target types, which only make sense for AWS services the emulator does not run. */
const UNSUPPORTED_TARGET_PARAMETERS = [
  'EcsParameters',
  'EventBridgeParameters',
  'EventBridgePutEventsV2Parameters',
  'EventBridgePutRawEventsParameters',
  'KinesisParameters',
  'SageMakerPipelineParameters',
  'SqsParameters',
] as const;

const scheduleInput = z.object({
  GroupName: name.optional(),
  ScheduleExpression: z.string().min(1).max(256),
  ScheduleExpressionTimezone: z.string().min(1).max(50).optional(),
  FlexibleTimeWindow: z.object({
    Mode: z.enum(['OFF', 'FLEXIBLE']),
    MaximumWindowInMinutes: integer(1, 1440).optional(),
  }),
  Target: z.object({
    Arn: z.string().min(1).max(1600),
    RoleArn: z
      .string()
      .min(1)
      .max(1600)
      .regex(...pattern(ROLE_ARN)),
    Input: z.string().min(1).max(8192).optional(),
    RetryPolicy: z
      .object({
        MaximumEventAgeInSeconds: integer(60, 86_400).optional(),
        MaximumRetryAttempts: integer(0, 185).optional(),
      })
      .optional(),
    DeadLetterConfig: z
      .object({
        Arn: z
          .string()
          .min(1)
          .max(1600)
          .regex(...pattern(SQS_ARN))
          .optional(),
      })
      .optional(),
  }),
  State: z.enum(['ENABLED', 'DISABLED']).optional(),
  ActionAfterCompletion: z.enum(['NONE', 'DELETE']).optional(),
  Description: z.string().max(512).optional(),
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  KmsKeyArn: z.string().min(1).max(2048).optional(),
  ClientToken: z
    .string()
    .min(1)
    .max(64)
    .regex(...pattern(CLIENT_TOKEN))
    .optional(),
});

const scheduleRequest = scheduleInput.extend({ Name: name });

const listInput = z.object({
  ScheduleGroup: name.optional(),
  NamePrefix: name.optional(),
  State: z.enum(['ENABLED', 'DISABLED']).optional(),
  NextToken: z.string().min(1).max(2048).optional(),
  MaxResults: integer(1, 100).optional(),
});

export type ListInput = z.infer<typeof listInput>;

export interface ValidatedSchedule {
  groupName: string;
  definition: ScheduleDefinition;
  kind: ScheduleKind;
  fireAt?: Date;
  clientToken?: string;
}

/** Validates a CreateSchedule / UpdateSchedule request (name from the path, the rest from the body). */
export function validateScheduleRequest(scheduleName: string, body: unknown): ValidatedSchedule {
  const fields = asObject(body);
  const input = parseOrThrow(scheduleRequest, { ...fields, Name: scheduleName });
  const timeZone = input.ScheduleExpressionTimezone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw validationError(
      `Invalid ScheduleExpressionTimezone ${timeZone}: expected an IANA time zone such as Europe/Zurich.`,
    );
  }
  const { kind, fireAt } = resolveFireTime(input.ScheduleExpression, timeZone);
  checkFlexibleTimeWindow(input.FlexibleTimeWindow);
  checkTargetType(fields.Target);
  if (input.StartDate !== undefined && input.EndDate !== undefined && input.StartDate >= input.EndDate) {
    throw validationError('The StartDate must come before the EndDate.');
  }
  const { Target } = input;
  return {
    groupName: input.GroupName ?? DEFAULT_GROUP,
    kind,
    fireAt,
    clientToken: input.ClientToken,
    definition: {
      ScheduleExpression: input.ScheduleExpression,
      ScheduleExpressionTimezone: input.ScheduleExpressionTimezone,
      FlexibleTimeWindow: input.FlexibleTimeWindow,
      Target: {
        Arn: Target.Arn,
        RoleArn: Target.RoleArn,
        Input: Target.Input,
        RetryPolicy: { ...DEFAULT_RETRY_POLICY, ...Target.RetryPolicy },
        DeadLetterConfig: Target.DeadLetterConfig?.Arn ? { Arn: Target.DeadLetterConfig.Arn } : undefined,
      },
      State: input.State ?? 'ENABLED',
      ActionAfterCompletion: input.ActionAfterCompletion ?? 'NONE',
      Description: input.Description,
      StartDate: epochSecondsToIso(input.StartDate),
      EndDate: epochSecondsToIso(input.EndDate),
      KmsKeyArn: input.KmsKeyArn,
    },
  };
}

/** Validates a schedule or group name taken from the path or the query. */
export function validateName(value: string, field = 'Name'): string {
  parseOrThrow(z.object({ [field]: name }), { [field]: value });
  return value;
}

export function validateListInput(query: URLSearchParams): ListInput {
  const maxResults = query.get('MaxResults');
  return parseOrThrow(listInput, {
    ScheduleGroup: query.get('ScheduleGroup') ?? undefined,
    NamePrefix: query.get('NamePrefix') ?? undefined,
    State: query.get('State') ?? undefined,
    NextToken: query.get('NextToken') ?? undefined,
    MaxResults: maxResults === null ? undefined : Number(maxResults),
  });
}

function checkFlexibleTimeWindow(window: ScheduleDefinition['FlexibleTimeWindow']): void {
  if (window.Mode === 'FLEXIBLE' && window.MaximumWindowInMinutes === undefined) {
    throw validationError('MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE.');
  }
  if (window.Mode === 'OFF' && window.MaximumWindowInMinutes !== undefined) {
    throw validationError('MaximumWindowInMinutes must not be set when FlexibleTimeWindow Mode is OFF.');
  }
}

/** Reads the raw target, because the schema drops members it does not declare. */
function checkTargetType(target: unknown): void {
  const members = target as Record<string, unknown>;
  const unsupported = UNSUPPORTED_TARGET_PARAMETERS.find((key) => members[key] !== undefined);
  if (unsupported) {
    throw validationError(
      `Target.${unsupported} is not supported by the local scheduler emulator: it only invokes targets ` +
        'with their Input, as for Lambda functions.',
    );
  }
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function epochSecondsToIso(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const count = issues.length === 1 ? '1 validation error' : `${issues.length} validation errors`;
  throw validationError(`${count} detected: ${issues.map(describeIssue).join('; ')}`);
}

/** Phrases an issue the way AWS validation messages do, so errors read the same locally and in the cloud. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((segment) => {
    const text = String(segment);
    return text.charAt(0).toLowerCase() + text.slice(1);
  });
  const value = issue.input === undefined ? 'null' : `'${displayValue(issue.input)}'`;
  return `Value ${value} at '${path.join('.')}' failed to satisfy constraint: ${describeConstraint(issue)}`;
}

function describeConstraint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Member must not be null';
      return issue.expected === 'int'
        ? 'Member must be an integer'
        : `Member must be of type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Member must have length greater than or equal to ${issue.minimum}`
        : `Member must have value greater than or equal to ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Member must have length less than or equal to ${issue.maximum}`
        : `Member must have value less than or equal to ${issue.maximum}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.join(', ')}]`;
    default:
      return issue.message;
  }
}

function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
