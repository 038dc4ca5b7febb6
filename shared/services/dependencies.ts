import type { Mailer } from '#mail/mailer';
import type { Scheduler } from '#scheduling/scheduler';
import type { Store } from '#store/store';

/** The time of day as the service's own work sees it (leases, link expiry): the wall clock in AWS. */
export interface Clock {
  now(): Date;
}

/** One structured log line: a message, and details that never hold personal data. */
export type Log = (message: string, detail?: Record<string, unknown>) => void;

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

/** JSON lines on standard output: what CloudWatch Logs keeps for each function. */
export const jsonLog: Log = (message, detail = {}) =>
  console.log(JSON.stringify({ level: 'info', message, ...detail }));
