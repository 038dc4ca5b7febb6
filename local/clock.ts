import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DateTime, Duration } from 'luxon';

export interface LocalClockOptions {
  /** JSON file holding the offset, so a restarted process keeps the moved time. In memory when omitted. */
  filePath?: string;
  /** The real time source, in epoch milliseconds; tests replace it to make real time passing deterministic. */
  realNow?: () => number;
}

/**
 * The local runtime's notion of "now": real time plus an offset that only ever grows. Storing the offset rather
 * than a fixed instant means real time keeps passing on top of every move, also across restarts.
 */
export class LocalClock {
  private readonly filePath: string | undefined;
  private readonly realNow: () => number;
  private offsetMs: number;

  constructor(options: LocalClockOptions = {}) {
    this.filePath = options.filePath;
    this.realNow = options.realNow ?? Date.now;
    this.offsetMs = this.filePath ? readOffset(this.filePath) : 0;
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Moves the clock forward to `instant`; moving backwards throws, because fired schedules cannot be un-fired. */
  advanceTo(instant: Date): Date {
    const target = instant.getTime();
    if (Number.isNaN(target)) throw new Error('Cannot move the local clock to an invalid date');
    const current = this.now();
    if (target < current.getTime()) {
      throw new Error(
        `The local clock only moves forward: cannot move it from ${current.toISOString()} back to ${instant.toISOString()}`,
      );
    }
    this.offsetMs = target - this.realNow();
    if (this.filePath) writeOffset(this.filePath, this.offsetMs);
    return this.now();
  }

  /** Moves the clock to `instant` if that is ahead of it, and leaves it alone otherwise. */
  catchUpTo(instant: Date): Date {
    const current = this.now();
    return instant.getTime() > current.getTime() ? this.advanceTo(instant) : current;
  }

  /** Moves the clock forward by an ISO-8601 duration (`P30D`, `PT2H`, `P1M`), with calendar arithmetic in UTC. */
  advanceBy(duration: string | Duration): Date {
    const step = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
    const target = DateTime.fromJSDate(this.now(), { zone: 'utc' }).plus(step);
    return this.advanceTo(target.toJSDate());
  }
}

export function parseIsoDuration(text: string): Duration {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) {
    const reason = duration.invalidExplanation ?? duration.invalidReason ?? 'unparsable';
    throw new Error(`Invalid ISO-8601 duration "${text}" (expected e.g. P30D, PT2H, P1M): ${reason}`);
  }
  return duration;
}

function readOffset(filePath: string): number {
  if (!existsSync(filePath)) return 0;
  const content: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
  const offsetMs = (content as { offsetMs?: unknown } | null)?.offsetMs;
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
    throw new Error(`Local clock file ${filePath} is not valid: expected {"offsetMs": <number>}`);
  }
  return offsetMs;
}

function writeOffset(filePath: string, offsetMs: number): void {
  mkdirSync(dirname(filePath), { recursive: true });
  // Write then rename, so a crash mid-write never leaves a truncated file behind.
  const temporary = `${filePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ offsetMs }, null, 2)}\n`);
  renameSync(temporary, filePath);
}
