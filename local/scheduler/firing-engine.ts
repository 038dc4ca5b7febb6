import type { LocalClock } from '#local/clock';
import { scheduleArn } from './arn';
import type { ExhaustedCondition, ScheduleRecord } from './model';
import { decideRetry } from './retry-policy';
import type { SchedulerStore } from './store';
import { InvalidInputError, newExecutionId, parseEvent, renderInput } from './target-input';

export interface InvokeTarget {
  arn: string;
  /** The schedule's Input, context attributes substituted, parsed from JSON (`{}` without Input). */
  input: unknown;
}

export interface InvocationMeta {
  scheduleArn: string;
  scheduleName: string;
  groupName: string;
  scheduledTime: Date;
  /** 1 for the first invocation, then 2, 3, ... for retries. */
  attempt: number;
  executionId: string;
}

/** Runs the target; a rejected promise is an invocation failure, which the retry policy handles. */
export type Invoke = (target: InvokeTarget, meta: InvocationMeta) => Promise<void>;

export interface FiringResult {
  scheduleName: string;
  groupName: string;
  scheduledTime: Date;
  attempt: number;
  ok: boolean;
  error?: string;
}

export interface FiringEngineOptions {
  clock: LocalClock;
  store: SchedulerStore;
  invoke: Invoke;
  log: (line: string) => void;
  pollIntervalMs: number;
}

// A handler that keeps re-arming its own schedule in the past would otherwise spin forever.
const MAX_FIRINGS_PER_RUN = 10_000;

/**
 * Fires due `at()` schedules against the local clock. Runs are serialized on a queue; the HTTP API never waits
 * on it, so handlers invoked during a run can create, update and delete schedules, and the run picks those up.
 */
export class FiringEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private pollQueued = false;

  constructor(private readonly options: FiringEngineOptions) {}

  /**
   * Fires, in time order, everything due at or before `target` (retries and schedules created during the run
   * included), moving the clock to each firing's time first, then moves the clock to `target` (never backwards).
   */
  runDueUntil(target: Date): Promise<FiringResult[]> {
    return this.enqueue(() => this.processUntil(target));
  }

  /** Catches up on what fell due while the process was stopped, then keeps firing as time passes. */
  async start(): Promise<void> {
    await this.enqueue(() => this.processUntil(this.options.clock.now()));
    this.timer = setInterval(() => this.poll(), this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the run in progress, if any. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.queue;
  }

  private poll(): void {
    // One queued poll is enough: it reads the clock when its turn comes.
    if (this.pollQueued) return;
    this.pollQueued = true;
    this.enqueue(() => {
      this.pollQueued = false;
      return this.processUntil(this.options.clock.now());
    }).catch((error: unknown) => this.options.log(`timer run failed: ${String(error)}`));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async processUntil(target: Date): Promise<FiringResult[]> {
    const results: FiringResult[] = [];
    for (let next = this.nextDue(target); next; next = this.nextDue(target)) {
      if (results.length >= MAX_FIRINGS_PER_RUN) {
        throw new Error(
          `Stopped after ${MAX_FIRINGS_PER_RUN} firings in one run: a schedule keeps re-arming itself`,
        );
      }
      this.options.clock.catchUpTo(next.dueAt);
      results.push(await this.fire(next));
    }
    this.options.clock.catchUpTo(target);
    return results;
  }

  private nextDue(target: Date): Due | undefined {
    let next: Due | undefined;
    for (const record of this.options.store.allSchedules()) {
      const due = dueOf(record);
      // allSchedules() is sorted by group and name, so `<` keeps ties in that order.
      if (due && due.dueAt <= target && (!next || due.dueAt < next.dueAt)) next = due;
    }
    return next;
  }

  private async fire({ record, scheduledTime }: Due): Promise<FiringResult> {
    const { store, clock, log } = this.options;
    const { Target } = record.definition;
    const attempt = record.firing.status === 'retrying' ? record.firing.attempt : 1;
    const arn = scheduleArn(record.groupName, record.name);
    const label = `${record.groupName}/${record.name}`;
    const executionId = newExecutionId();
    const input = renderInput(Target.Input, { scheduleArn: arn, scheduledTime, executionId, attempt });
    const names = { scheduleName: record.name, groupName: record.groupName };
    let failure: Error | undefined;
    try {
      const meta = { ...names, scheduleArn: arn, scheduledTime, attempt, executionId };
      await this.options.invoke({ arn: Target.Arn, input: parseEvent(input) }, meta);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    const result: FiringResult = { ...names, scheduledTime, attempt, ok: !failure, error: failure?.message };

    const current = store.schedule(record.groupName, record.name);
    if (current !== record) {
      // The handler updated or deleted its own schedule: that decision wins over this attempt's outcome.
      log(
        `${label} was ${current ? 'updated' : 'deleted'} during attempt ${attempt}; this attempt's outcome is dropped`,
      );
      return result;
    }
    if (!failure) {
      log(`fired ${label} (attempt ${attempt})`);
      this.complete(record, true);
      return result;
    }
    const decision =
      failure instanceof InvalidInputError
        ? { exhausted: 'NonRetryableError' as const }
        : decideRetry(Target.RetryPolicy, scheduledTime, attempt, clock.now());
    if ('retryAt' in decision) {
      const retryAt = decision.retryAt.toISOString();
      store.saveSchedule({ ...record, firing: { status: 'retrying', attempt: attempt + 1, retryAt } });
      log(`attempt ${attempt} of ${label} failed (${failure.message}); retrying at ${retryAt}`);
      return result;
    }
    this.giveUp(record, {
      attempt,
      condition: decision.exhausted,
      error: failure.message,
      input,
      scheduledTime,
    });
    this.complete(record, false);
    return result;
  }

  private giveUp(
    record: ScheduleRecord,
    outcome: {
      attempt: number;
      condition: ExhaustedCondition;
      error: string;
      input?: string;
      scheduledTime: Date;
    },
  ): void {
    const { store, clock, log } = this.options;
    const label = `${record.groupName}/${record.name}`;
    const gaveUp = `gave up on ${label} after ${outcome.attempt} attempt(s), ${outcome.condition}: ${outcome.error}`;
    const deadLetterArn = record.definition.Target.DeadLetterConfig?.Arn;
    if (!deadLetterArn) {
      log(`${gaveUp}; no dead-letter queue, so the event is dropped`);
      return;
    }
    store.addDeadLetter({
      deadLetterArn,
      scheduleArn: scheduleArn(record.groupName, record.name),
      scheduleName: record.name,
      groupName: record.groupName,
      targetArn: record.definition.Target.Arn,
      scheduledTime: outcome.scheduledTime.toISOString(),
      attempts: outcome.attempt,
      exhaustedCondition: outcome.condition,
      errorMessage: outcome.error,
      input: outcome.input,
      recordedAt: clock.now().toISOString(),
    });
    log(`${gaveUp}; dead letter recorded for ${deadLetterArn}`);
  }

  /** A one-time schedule is done after its final outcome, whether the target succeeded or not. */
  private complete(record: ScheduleRecord, succeeded: boolean): void {
    const { store, clock, log } = this.options;
    if (record.definition.ActionAfterCompletion === 'DELETE') {
      store.removeSchedule(record.groupName, record.name);
      log(`deleted ${record.groupName}/${record.name} after completion`);
      return;
    }
    const completedAt = clock.now().toISOString();
    store.saveSchedule({ ...record, firing: { status: 'completed', completedAt, succeeded } });
  }
}

interface Due {
  record: ScheduleRecord;
  /** When the next attempt is due: the scheduled time, or later for a retry. */
  dueAt: Date;
  scheduledTime: Date;
}

function dueOf(record: ScheduleRecord): Due | undefined {
  const { fireAt, firing } = record;
  if (record.definition.State !== 'ENABLED' || fireAt === undefined || firing.status === 'completed')
    return undefined;
  const dueAt = firing.status === 'retrying' ? firing.retryAt : fireAt;
  return { record, dueAt: new Date(dueAt), scheduledTime: new Date(fireAt) };
}
