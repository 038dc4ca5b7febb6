import { describe, expect, it } from 'vitest';
import { sendingPace } from '#services/sending-pace';

describe("one invocation's pace of SES calls", () => {
  it('hands over only once its last calls have had their time at the rate', async () => {
    // Ten calls at 20 a second take half a second of the account's rate, though they go in at once.
    const pace = sendingPace(20, 10);
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => pace.add(async () => 'sent')));
    expect(performance.now() - started).toBeLessThan(400);
    await pace.handOver();
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('keeps to the rate within an invocation: past it, calls wait for the next second', async () => {
    const pace = sendingPace(5, 10);
    const started = performance.now();
    const times = await Promise.all(Array.from({ length: 6 }, () => pace.add(async () => performance.now())));
    expect(times.filter((at) => at - started < 900)).toHaveLength(5);
    expect(times.filter((at) => at - started >= 900)).toHaveLength(1);
  });

  it('has nothing to wait for when it sent nothing', async () => {
    const started = performance.now();
    await sendingPace(14, 8).handOver();
    expect(performance.now() - started).toBeLessThan(400);
  });
});
