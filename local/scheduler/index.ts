import type { LocalClock } from '#local/clock';
import { FiringEngine, type FiringResult, type Invoke } from './firing-engine';
import { startApiServer } from './http-server';
import type { DeadLetter } from './model';
import { SchedulerOperations } from './operations';
import { SchedulerStore } from './store';

export type { FiringResult, InvocationMeta, Invoke, InvokeTarget } from './firing-engine';
export type { DeadLetter, ExhaustedCondition } from './model';

export interface LocalSchedulerOptions {
  /** Port for the Scheduler API; 0 picks a free one (read it back from `endpoint`). */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Folder for `scheduler.json` (schedules, groups, dead letters); everything stays in memory when omitted. */
  dataDir?: string;
  clock: LocalClock;
  /** Maps the target ARN to a handler and runs it; throwing counts as an invocation failure. */
  invoke: Invoke;
  /** One line per event worth knowing (firing, retry, dead letter, deletion); defaults to console.log. */
  log?: (line: string) => void;
  /** How often `start()`'s timer looks for due schedules as real time passes; defaults to 1000 ms. */
  pollIntervalMs?: number;
}

export interface LocalScheduler {
  /** Base URL of the Scheduler API, for `AWS_ENDPOINT_URL_SCHEDULER`. */
  endpoint: string;
  /** Fires what fell due while the process was stopped, then fires schedules as real time passes. */
  start(): Promise<void>;
  /**
   * Fires, in time order, everything due at or before `target`, including retries and schedules that handlers
   * create during this run, setting the clock to each firing's time; then sets the clock to `target` (it never
   * moves backwards). Calls are serialized. Do not await it from inside `invoke`: that run waits for the handler.
   */
  runDueUntil(target: Date): Promise<FiringResult[]>;
  /** Invocations given up on for schedules with a DeadLetterConfig, oldest first. */
  deadLetters(): DeadLetter[];
  /** Stops the timer, waits for the run in progress, then closes the API server. */
  close(): Promise<void>;
}

/**
 * Serves the Scheduler API without firing anything until `start()`, so the caller can publish `endpoint` (e.g.
 * as `AWS_ENDPOINT_URL_SCHEDULER`) before handlers that call the API run.
 */
export async function createLocalScheduler(options: LocalSchedulerOptions): Promise<LocalScheduler> {
  const log = options.log ?? ((line: string) => console.log(`[scheduler] ${line}`));
  const store = SchedulerStore.open({ dataDir: options.dataDir, now: options.clock.now() });
  const operations = new SchedulerOperations({ store, now: () => options.clock.now(), log });
  const server = await startApiServer(operations, { port: options.port, host: options.host, log });
  const engine = new FiringEngine({
    clock: options.clock,
    store,
    invoke: options.invoke,
    log,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
  });
  let closing: Promise<void> | undefined;
  return {
    endpoint: server.endpoint,
    start: () => engine.start(),
    runDueUntil: (target) => engine.runDueUntil(target),
    deadLetters: () => store.deadLetters(),
    close: () => {
      closing ??= engine.close().then(() => server.close());
      return closing;
    },
  };
}

/** `createLocalScheduler` then `start()`, for callers whose `invoke` does not need the endpoint published first. */
export async function startLocalScheduler(options: LocalSchedulerOptions): Promise<LocalScheduler> {
  const scheduler = await createLocalScheduler(options);
  await scheduler.start();
  return scheduler;
}
