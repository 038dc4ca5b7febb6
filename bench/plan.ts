import { parseOrThrow } from '#domain/errors';
import { planReview } from '#domain/plan';
import { ReviewInput } from '#domain/review';

/**
 * How fast the pure plan is: every admin write and every milestone firing computes one. Prints plans per second
 * and the heap used, for a Europe review (2 meetings) and an Asia-Pacific one (3 meetings).
 */
const inputs = {
  europe: parseOrThrow(ReviewInput, {
    region: 'europe',
    date: '2027-03-11',
    venue: 'Geneva',
    timeZone: 'Europe/Zurich',
  }),
  'asia-pacific': parseOrThrow(ReviewInput, {
    region: 'asia-pacific',
    date: '2027-06-10',
    venue: 'Bangkok',
    timeZone: 'Asia/Bangkok',
  }),
};
const now = new Date('2026-11-01T00:00:00Z');
const rounds = 20_000;

for (const [region, input] of Object.entries(inputs)) {
  for (let i = 0; i < 1000; i++) planReview(input, now);
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  let milestones = 0;
  for (let i = 0; i < rounds; i++) milestones += planReview(input, now).milestones.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    `${region.padEnd(13)} ${Math.round(rounds / seconds)} plans/s, ${((seconds / rounds) * 1e6).toFixed(1)} µs/plan, ` +
      `${milestones / rounds} milestones/plan, heap delta ${heapMb.toFixed(1)} MB`,
  );
}
