import { describe, expect, it } from 'vitest';
import { countByState, milestoneMarks, nextToFire } from '#domain/milestone-states';
import { planReview } from '#domain/plan';
import { ReviewInput } from '#domain/review';
import { roundProgress } from '#domain/round-progress';

const NOW = new Date('2027-01-10T12:00:00Z');

/** Europe's review on 29 March 2027: its pre-consultation settled on 4 January, its consultation tentative. */
const review = ReviewInput.parse({
  region: 'europe',
  date: '2027-03-29',
  timeZone: 'Europe/Zurich',
  meetings: [
    { id: 'pre-1', kind: 'pre-consultation', date: '2027-01-20' },
    { id: 'hybrid', kind: 'hybrid-consultation', date: '28 March 2027 (to be decided)' },
  ],
});
const plan = planReview(review, NOW);

describe('the milestones a chart marks', () => {
  it('tells passed ones from those whose job waits or is missing, and places those still to be dated', () => {
    const scheduled = new Set(['pre-1.reminder-7d', 'pre-1.reminder-1d']);
    const marks = milestoneMarks(review, plan, scheduled);
    expect(marks.map((m) => [m.id, m.day, m.state])).toEqual([
      ['pre-1.invitation', '2026-12-30', 'done'],
      ['pre-1.materials', '2027-01-06', 'done'],
      ['pre-1.reminder-7d', '2027-01-13', 'scheduled'],
      ['pre-1.reminder-1d', '2027-01-19', 'scheduled'],
      ['hybrid.invitation', '2027-03-07', 'to-be-dated'],
      ['hybrid.materials', '2027-03-14', 'to-be-dated'],
      ['hybrid.reminder-7d', '2027-03-21', 'to-be-dated'],
      ['hybrid.reminder-1d', '2027-03-27', 'to-be-dated'],
    ]);
    expect(countByState(milestoneMarks(review, plan, new Set(['pre-1.reminder-7d'])))).toEqual({
      done: 2,
      scheduled: 1,
      missing: 1,
      'to-be-dated': 4,
    });
  });

  it('lists what fires next across reviews, soonest first, with its job’s state', () => {
    const later = ReviewInput.parse({ region: 'africa', date: '2027-06-01', timeZone: 'Africa/Nairobi' });
    const next = nextToFire(
      [
        { of: 'europe', plan, scheduled: new Set(['pre-1.reminder-7d']) },
        { of: 'africa', plan: planReview(later, NOW), scheduled: new Set<string>() },
      ],
      3,
    );
    expect(next.map(({ of, milestone, state }) => [of, milestone.id, state])).toEqual([
      ['europe', 'pre-1.reminder-7d', 'scheduled'],
      ['europe', 'pre-1.reminder-1d', 'missing'],
      ['africa', 'pre-1.invitation', 'missing'],
    ]);
  });
});

describe('a round’s progress', () => {
  const record = { createdAt: '2027-01-10T12:00:00Z', total: 3, sent: 0, failed: 0 };
  const at = (minutes: number) => new Date(Date.parse(record.createdAt) + minutes * 60_000);

  it('waits, sends, and is done once finished (or when there was nobody to send to)', () => {
    expect(roundProgress(record, at(1))).toBe('waiting');
    expect(roundProgress({ ...record, sent: 1 }, at(2))).toBe('sending');
    expect(roundProgress({ ...record, sent: 2, finishedAt: at(3).toISOString() }, at(3))).toBe('done');
    expect(roundProgress({ ...record, total: 0 }, at(0))).toBe('done');
  });

  it('waits, then checks an upload’s rows before it knows how many it sends to', () => {
    const upload = { ...record, total: 0, rows: 20_000, processed: 0 };
    expect(roundProgress(upload, at(1))).toBe('waiting');
    expect(roundProgress({ ...upload, processed: 5_000, total: 4_990 }, at(2))).toBe('checking');
    expect(roundProgress({ ...upload, processed: 20_000, total: 19_990 }, at(3))).toBe('waiting');
    expect(roundProgress({ ...upload, processed: 20_000 }, at(3))).toBe('done');
  });

  it('is stalled once the Scheduler has long stopped retrying it', () => {
    expect(roundProgress({ ...record, sent: 1 }, at(4 * 60 + 11))).toBe('stalled');
  });
});
