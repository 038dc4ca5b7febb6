import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashMidRound } from '#test/support/reliability/faults/crash-mid-round';
import { SPAWNED } from '#test/support/spawn-service';

const dataDir = mkdtempSync(join(tmpdir(), 'gcm-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a crash in the middle of a round, then a restart', SPAWNED, () => {
  it('ends with every recipient sent to exactly once', async () => {
    const outcome = await crashMidRound(dataDir, 30);
    expect(outcome.sentBeforeCrash).toBeGreaterThan(0);
    expect(outcome.sentBeforeCrash).toBeLessThan(30);
    expect(outcome.lost).toEqual([]);
    expect(outcome.doubled).toEqual([]);
    expect(outcome.notSentOnDisk).toEqual([]);
  });
});
