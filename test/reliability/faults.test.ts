import { cuttableProxy } from '#test/support/cuttable-proxy';
import { test as base, describe, expect } from '#test/support/fixtures';
import { adminsSaveOneReview, confirmationsRace } from '#test/support/reliability/faults/conflicts';
import { doubleAndConcurrentFiring } from '#test/support/reliability/faults/firing';
import { throttledRound } from '#test/support/reliability/faults/ses-throttling';
import { storeOutage } from '#test/support/reliability/faults/store-outage';
import { throttlingSes } from '#test/support/throttling-ses';

// A crash in the middle of a round, `npm start` killed and started again, is the same scenario as the bench's
// (`test/support/reliability/faults/crash-mid-round.ts`), asserted by `test/integration/crash-and-restart.test.ts`;
// a claim a dead worker left behind, by `test/integration/milestone.test.ts`.

describe('one Scheduler job fired again and again', () => {
  base(
    'sends each recipient its email once, however many firings run at the same time',
    async ({ api, runtime }) => {
      const outcome = await doubleAndConcurrentFiring(runtime, api, 20);
      expect([outcome.lost, outcome.doubled]).toEqual([[], []]);
      expect(outcome.runs.at(-1)).toBe(
        JSON.stringify({ status: 'done', sent: 0, skipped: 20, failed: 0, suppressed: 0 }),
      );
    },
  );
});

describe('SES throttling a burst of calls in the middle of a round', () => {
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  const it = base.extend('ses', async ({}, { onCleanup }) => {
    const ses = throttlingSes();
    onCleanup(() => ses.close());
    return ses;
  });
  it.override('runtimeOptions', ({ ses }) => ({ sesInFront: ses.inFront }));

  it('is retried in place: the firing succeeds, each recipient once', async ({ api, runtime, ses }) => {
    const outcome = await throttledRound(runtime, api, ses, 20);
    expect(outcome.throttled).toBe(12);
    // Twelve refusals retried, and each of the twenty messages through to SES once.
    expect(ses.counts.forwarded).toBe(20);
    expect(outcome.firingSucceeded).toBe(true);
    expect([outcome.lost, outcome.doubled]).toEqual([[], []]);
  });
});

describe('conditional writes that conflict', () => {
  base(
    'keep one version per save accepted, and refuse the other console save of the same version',
    async ({ api }) => {
      const outcome = await adminsSaveOneReview(api);
      expect(outcome.apiAnswers.every((status) => status === 200 || status === 409)).toBe(true);
      expect(outcome.apiAnswers).toContain(200);
      expect(outcome.consoleAnswers.sort()).toEqual([303, 409]);
      expect([outcome.lost, outcome.doubled]).toEqual([[], []]);
    },
  );

  base(
    'confirm each registrant once when each presses the button twice, all at once',
    async ({ api, runtime }) => {
      const outcome = await confirmationsRace(runtime, api, 10);
      expect(new Set(outcome.answers)).toEqual(new Set([200]));
      expect([outcome.seated, outcome.waiting]).toEqual([outcome.places, 10 - outcome.places]);
      expect([outcome.lost, outcome.doubled]).toEqual([[], []]);
    },
  );
});

describe('the store unreachable for a moment', () => {
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  const it = base.extend('proxy', async ({}, { onCleanup }) => {
    const proxy = cuttableProxy();
    onCleanup(() => proxy.close());
    return proxy;
  });
  it.override('runtimeOptions', ({ proxy }) => ({ dynamoInFront: proxy.inFront, sending: { rate: 10 } }));

  it('refuses what it cannot keep, takes it when sent again, and finishes a round cut in the middle', async ({
    api,
    runtime,
    proxy,
  }) => {
    const outcome = await storeOutage(runtime, api, proxy, 20);
    expect([outcome.duringCut, outcome.retryAfter]).toEqual([503, '5']);
    expect(outcome.afterCut).toBe(202);
    expect(outcome.sentBeforeCut).toBeGreaterThan(0);
    expect(outcome.sentBeforeCut).toBeLessThan(20);
    expect([outcome.lost, outcome.doubled]).toEqual([[], []]);
  });
});
