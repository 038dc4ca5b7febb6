import { optionalSetting } from '../config';
import { DEFAULT_DELIVERY_LEASE_MS, type RoundOptions } from './delivery-round';

/** SES's default sending rate for an account out of the sandbox, emails per second. */
export const DEFAULT_SEND_RATE = 14;
/** Enough calls in flight to keep up the rate when each takes a few hundred milliseconds. */
export const SEND_CONCURRENCY = 8;

const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number > 0 ? number : fallback;
};

/**
 * How a round sends from this function: at the account's rate (SES_SEND_RATE), within the invocation's time, with
 * claims that lapse after DELIVERY_LEASE_MS.
 */
export function sendingOptions(remainingMs?: () => number): RoundOptions {
  return {
    realNow: () => new Date(),
    rate: positive(optionalSetting('sendRate'), DEFAULT_SEND_RATE),
    concurrency: SEND_CONCURRENCY,
    remainingMs,
    leaseMs: positive(optionalSetting('deliveryLeaseMs'), DEFAULT_DELIVERY_LEASE_MS),
  };
}
