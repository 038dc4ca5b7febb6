import type { ExhaustedCondition, ScheduleDefinition } from './model';

// AWS retries with an undocumented, jittered exponential backoff; a fixed doubling keeps local runs reproducible.
const FIRST_RETRY_DELAY_SECONDS = 60;
const LONGEST_RETRY_DELAY_SECONDS = 3600;

export type RetryDecision = { retryAt: Date } | { exhausted: ExhaustedCondition };

function retryDelaySeconds(failedAttempt: number): number {
  return Math.min(FIRST_RETRY_DELAY_SECONDS * 2 ** (failedAttempt - 1), LONGEST_RETRY_DELAY_SECONDS);
}

/**
 * After attempt `failedAttempt` (1 = the first invocation) failed at `failedAt`: retry, or give up because the
 * retries are used up or the next attempt would come later than MaximumEventAgeInSeconds after the scheduled time.
 */
export function decideRetry(
  policy: ScheduleDefinition['Target']['RetryPolicy'],
  scheduledTime: Date,
  failedAttempt: number,
  failedAt: Date,
): RetryDecision {
  if (failedAttempt - 1 >= policy.MaximumRetryAttempts) return { exhausted: 'MaximumRetryAttemptsExceeded' };
  const retryAt = new Date(failedAt.getTime() + retryDelaySeconds(failedAttempt) * 1000);
  const age = retryAt.getTime() - scheduledTime.getTime();
  if (age > policy.MaximumEventAgeInSeconds * 1000) return { exhausted: 'MaximumEventAgeExceeded' };
  return { retryAt };
}
