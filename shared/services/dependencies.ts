import type { Mailer } from '#mail/mailer';
import type { BusinessMetric } from '#observability/business-metrics';
import type { Scheduler } from '#scheduling/scheduler';
import type { Store } from '#store/store';

/** The time of day as the service's own work sees it (leases, link expiry): the wall clock in AWS. */
export interface Clock {
  now(): Date;
}

/** What a log line says besides its message: ids and counts, never personal data. */
export type LogDetail = Record<string, unknown>;

/**
 * Structured log lines, each with the function, the invocation and its correlation id. Calling it logs at the
 * info level; `warn` is for what an operator should look at, `error` for what failed.
 */
export interface Log {
  (message: string, detail?: LogDetail): void;
  warn(message: string, detail?: LogDetail): void;
  error(message: string, detail?: LogDetail): void;
  /**
   * Names the flow this invocation works for (a round, a registration), in its every later line: the same id in
   * every function's logs, so that one query follows a round from its firing to its bounces.
   */
  correlate(id: string): void;
}

/** The business metrics (`#observability/business-metrics`), published at the end of each invocation. */
export interface Metrics {
  add(metric: BusinessMetric, value?: number): void;
}

/** How a round sends: at the SES account's rate, so many calls at once, with claims that lapse after a while. */
export interface SendingSettings {
  /** Emails per second. */
  rate: number;
  /** SES calls in flight at once. */
  concurrency: number;
  /** How long a claim holds before another worker may take it over. */
  leaseMs: number;
}

/**
 * Everything a service reaches outside itself, built once per function by its composition root (from the
 * function's environment in AWS, by the local runtime on a laptop) and passed in. Each service asks for the part
 * it uses, so that it can be read without chasing module singletons.
 */
export interface Dependencies {
  store: Store;
  mailer: Mailer;
  scheduler: Scheduler;
  clock: Clock;
  log: Log;
  metrics: Metrics;
  /** The key that signs the links in emails. */
  signingKey(): Promise<string>;
  /** Where the public pages are, for links in emails; and the service's own address, for replies and calendars. */
  /** Where links point, whom mail comes from, and where notices for the secretariat go. */
  site: { publicBaseUrl: string; mailFrom: string; secretariatEmail: string };
  sending: SendingSettings;
  /** Personal data of a review is purged this many months after its last day. */
  retention: { purgeAfterMonths: number };
}

export type Needs<K extends keyof Dependencies> = Pick<Dependencies, K>;

export const systemClock: Clock = { now: () => new Date() };
