import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalClock, parseIsoDuration } from '#local/clock';

describe('LocalClock', () => {
  let folder: string;
  let realMs: number;
  const realNow = () => realMs;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'clock-'));
    realMs = Date.parse('2030-01-01T00:00:00Z');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('follows real time until moved, then real time plus the offset', () => {
    const clock = new LocalClock({ realNow });
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    clock.advanceBy('P30D');
    expect(clock.now().toISOString()).toBe('2030-01-31T00:00:00.000Z');
    realMs += 5_000;
    expect(clock.now().toISOString()).toBe('2030-01-31T00:00:05.000Z');
  });

  it('adds calendar months and hours from ISO-8601 durations', () => {
    const clock = new LocalClock({ realNow });
    expect(clock.advanceBy('P1M').toISOString()).toBe('2030-02-01T00:00:00.000Z');
    expect(clock.advanceBy('PT2H').toISOString()).toBe('2030-02-01T02:00:00.000Z');
  });

  it('only moves forward', () => {
    const clock = new LocalClock({ realNow });
    clock.advanceTo(new Date('2030-03-01T00:00:00Z'));
    expect(() => clock.advanceTo(new Date('2030-02-01T00:00:00Z'))).toThrow(/only moves forward/);
    expect(() => clock.advanceBy('-P1D')).toThrow(/only moves forward/);
    expect(clock.catchUpTo(new Date('2030-02-01T00:00:00Z')).toISOString()).toBe('2030-03-01T00:00:00.000Z');
  });

  it('keeps the moved time across a restart, with the real time that passed meanwhile', async () => {
    const filePath = join(folder, 'clock.json');
    new LocalClock({ filePath, realNow }).advanceBy('P2D');
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toEqual({ offsetMs: 2 * 86_400_000 });

    realMs += 60_000;
    const restarted = new LocalClock({ filePath, realNow });
    expect(restarted.now().toISOString()).toBe('2030-01-03T00:01:00.000Z');
  });

  it('rejects invalid durations with a clear message', () => {
    expect(parseIsoDuration('PT90M').as('minutes')).toBe(90);
    expect(() => parseIsoDuration('30 days')).toThrow(/Invalid ISO-8601 duration "30 days"/);
    expect(() => new LocalClock({ realNow }).advanceBy('P1X')).toThrow(/Invalid ISO-8601 duration/);
  });
});
