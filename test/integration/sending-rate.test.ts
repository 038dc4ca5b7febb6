import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

/** The account's rate in this test, emails per second, and each round's recipients: three seconds of sending each. */
const RATE = 10;
const EACH = 30;

const it = base.override('runtimeOptions', { sending: { rate: RATE } });

describe('rounds that fire together', () => {
  it('keep to the account’s sending rate in total, taking turns', async ({ api, runtime }) => {
    // At the start of a minute, so that both uploads' jobs fall in the same minutes.
    const now = await api.now();
    await api.moveClock({ set: new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 5_000).toISOString() });
    const uploads: { reviewId: string; importId: string; createdAt: string }[] = [];
    for (const reviewId of ['rate-a', 'rate-b']) {
      expect((await api.putReview(reviewId, reviewBody(await api.now(), 120))).status).toBe(201);
      const rows = Array.from({ length: EACH }, (_, i) => `${reviewId}-${i}@example.org,Contact ${i}`);
      const csv = ['email,name', ...rows].join('\n');
      const upload = await api.request('POST', `/admin/reviews/${reviewId}/invitations`, {
        raw: { type: 'text/csv', text: csv },
      });
      expect(upload.status).toBe(202);
      uploads.push({ reviewId, ...upload.body });
    }

    const { fired } = await api.moveClock({ advanceBy: 'PT5M' });
    // The two uploads' checks fire at one instant, then their two rounds at another.
    expect(fired.map((firing) => firing.scheduledTime)).toEqual([
      fired[0]?.scheduledTime,
      fired[0]?.scheduledTime,
      fired[2]?.scheduledTime,
      fired[2]?.scheduledTime,
    ]);
    expect(fired.every((firing) => firing.ok)).toBe(true);

    const sentAt: number[] = [];
    for (const { reviewId, importId, createdAt } of uploads) {
      const round = { reviewId, milestoneId: `invitations.${importId}`, at: createdAt };
      const deliveries = await runtime.dependencies.store.deliveries.list(round);
      expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(EACH).fill('sent'));
      sentAt.push(...deliveries.map((delivery) => Date.parse(delivery.sentAt as string)));
    }
    sentAt.sort((a, b) => a - b);
    // 60 emails at 10 a second are six seconds' worth, the last ten going out five seconds after the first ten. Had
    // the rounds run at once, each at the rate, all would be out in three seconds; had the second started the
    // moment the first ended, in a little over four.
    const spanMs = (sentAt.at(-1) as number) - (sentAt[0] as number);
    expect(spanMs).toBeGreaterThanOrEqual(((2 * EACH) / RATE - 1) * 1000 - 200);
  });
});
