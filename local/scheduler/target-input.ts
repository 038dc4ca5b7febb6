import { randomBytes } from 'node:crypto';

export interface InvocationContext {
  scheduleArn: string;
  scheduledTime: Date;
  executionId: string;
  attempt: number;
}

/** The target rejects the payload itself, so retrying cannot help (AWS treats such errors as non-retryable). */
export class InvalidInputError extends Error {}

/** A 16-hex-digit id, the shape of AWS's execution ids; each attempt gets its own. */
export function newExecutionId(): string {
  return randomBytes(8).toString('hex');
}

/** AWS's form for `<aws.scheduler.scheduled-time>`: ISO-8601 in UTC without milliseconds. */
function formatScheduledTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Replaces the context attribute keywords in the Input text, as EventBridge Scheduler does before invoking. */
export function renderInput(input: string | undefined, context: InvocationContext): string | undefined {
  if (input === undefined) return undefined;
  const values: Record<string, string> = {
    '<aws.scheduler.schedule-arn>': context.scheduleArn,
    '<aws.scheduler.scheduled-time>': formatScheduledTime(context.scheduledTime),
    '<aws.scheduler.execution-id>': context.executionId,
    '<aws.scheduler.attempt-number>': String(context.attempt),
  };
  return input.replace(/<aws\.scheduler\.[a-z-]+>/g, (keyword) => values[keyword] ?? keyword);
}

/** The event a Lambda target receives: the rendered Input parsed as JSON, or `{}` when there is none. */
export function parseEvent(rendered: string | undefined): unknown {
  if (rendered === undefined) return {};
  try {
    return JSON.parse(rendered);
  } catch (error) {
    throw new InvalidInputError(`Target Input is not valid JSON after substitution: ${String(error)}`);
  }
}
