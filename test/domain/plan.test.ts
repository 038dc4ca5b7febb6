import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { dueMilestones, planReview } from '#domain/plan';
import { ReviewInput } from '#domain/review';

const review = (input: Record<string, unknown>) =>
  parseOrThrow(ReviewInput, {
    region: 'europe',
    venue: 'Palais des Nations, Geneva',
    timeZone: 'Europe/Zurich',
    ...input,
  });
const NOW = new Date('2026-11-01T00:00:00Z');

describe('the plan of a review', () => {
  it('derives every meeting and milestone from the review date alone', () => {
    const plan = planReview(review({ date: '2027-03-11' }), NOW);
    expect(plan.meetings.map((m) => [m.id, m.kind, m.dateText, m.dateSource, m.status, m.startsAt])).toEqual([
      ['pre-1', 'pre-consultation', '17 December 2026', 'derived', 'confirmed', '2026-12-17T09:00:00Z'],
      ['hybrid', 'hybrid-consultation', '10 March 2027', 'derived', 'confirmed', '2027-03-10T08:00:00Z'],
    ]);
    expect(plan.milestones.map((m) => [m.id, m.kind, m.at])).toEqual([
      ['pre-1.invitation', 'pre-consultation', '2026-11-26T09:00:00Z'],
      ['pre-1.materials', 'materials-publication', '2026-12-03T09:00:00Z'],
      ['pre-1.reminder-7d', 'reminder', '2026-12-10T09:00:00Z'],
      ['pre-1.reminder-1d', 'reminder', '2026-12-16T09:00:00Z'],
      ['hybrid.invitation', 'hybrid-consultation', '2027-02-17T08:00:00Z'],
      ['hybrid.materials', 'materials-publication', '2027-02-24T08:00:00Z'],
      ['hybrid.reminder-7d', 'reminder', '2027-03-03T08:00:00Z'],
      ['hybrid.reminder-1d', 'reminder', '2027-03-09T08:00:00Z'],
    ]);
    expect(plan.milestones.every((m) => m.due)).toBe(true);
    expect(plan.meetings[1]?.venue).toBe('Palais des Nations, Geneva');
    expect(plan.warnings).toEqual([]);
  });

  it('gives Asia-Pacific two pre-consultations on different weeks, both at least 12 weeks ahead', () => {
    const plan = planReview(
      review({ region: 'asia-pacific', timeZone: 'Asia/Bangkok', date: '2027-06-10' }),
      NOW,
    );
    expect(plan.meetings.map((m) => [m.id, m.dateText])).toEqual([
      ['pre-1', '11 March 2027'],
      ['pre-2', '18 March 2027'],
      ['hybrid', '9 June 2027'],
    ]);
  });

  it('does not schedule a milestone whose time has passed', () => {
    const plan = planReview(review({ date: '2027-03-11' }), new Date('2026-12-05T00:00:00Z'));
    expect(dueMilestones(plan).map((m) => m.id)).not.toContain('pre-1.materials');
    expect(dueMilestones(plan).map((m) => m.id)).toContain('pre-1.reminder-7d');
    expect(plan.milestones.find((m) => m.id === 'pre-1.invitation')?.due).toBe(false);
  });

  it('gives a tentative or imprecise date no milestone, and says why', () => {
    const tentative = planReview(review({ date: '11 March 2027 (TBD)' }), NOW);
    expect(tentative.meetings.map((m) => m.status)).toEqual(['tentative', 'tentative']);
    expect(tentative.milestones).toEqual([]);

    const imprecise = planReview(review({ date: 'May 2027' }), NOW);
    expect(imprecise.meetings.map((m) => [m.status, m.dateText])).toEqual([
      ['undated', null],
      ['undated', null],
    ]);
    expect(imprecise.milestones).toEqual([]);
  });

  it('plans a meeting the secretariat dated itself, with its own time and zone', () => {
    const plan = planReview(
      review({
        date: '2027-03-11',
        meetings: [
          {
            id: 'pre-1',
            kind: 'pre-consultation',
            date: '2026-12-01',
            startTime: '14:30',
            timeZone: 'America/New_York',
          },
          { id: 'hybrid', kind: 'hybrid-consultation', date: '8 or 11 March 2027 (TBD)' },
        ],
      }),
      NOW,
    );
    expect(plan.meetings[0]?.startsAt).toBe('2026-12-01T19:30:00Z');
    expect(plan.meetings[1]?.status).toBe('imprecise');
    expect(plan.milestones.map((m) => m.id)).toEqual([
      'pre-1.invitation',
      'pre-1.materials',
      'pre-1.reminder-7d',
      'pre-1.reminder-1d',
    ]);
  });

  it('uses the review’s lead times', () => {
    const plan = planReview(
      review({ date: '2027-03-11', leadTimes: { invitationDays: 30, materialsDays: 10, reminderDays: [2] } }),
      NOW,
    );
    expect(plan.milestones.filter((m) => m.meetingId === 'hybrid').map((m) => [m.id, m.at])).toEqual([
      ['hybrid.invitation', '2027-02-08T08:00:00Z'],
      ['hybrid.materials', '2027-02-28T08:00:00Z'],
      ['hybrid.reminder-2d', '2027-03-08T08:00:00Z'],
    ]);
  });

  it('has no milestone once the review is cancelled', () => {
    const plan = planReview({ ...review({ date: '2027-03-11' }), status: 'cancelled' }, NOW);
    expect(plan.meetings.map((m) => m.status)).toEqual(['cancelled', 'cancelled']);
    expect(plan.milestones).toEqual([]);
  });
});

describe('milestone instants across daylight-saving changes', () => {
  const meetingAt = (date: string, startTime: string, timeZone = 'Europe/Zurich') =>
    planReview(
      review({
        date: '2027-12-15',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', date: '2027-09-01' },
          { id: 'hybrid', kind: 'hybrid-consultation', date, startTime, timeZone },
        ],
      }),
      new Date('2027-01-01T00:00:00Z'),
    ).milestones.filter((m) => m.meetingId === 'hybrid');

  it('keeps the local hour when summer time starts in between (Europe, 28 March 2027)', () => {
    const milestones = meetingAt('2027-04-01', '10:00');
    expect(milestones.map((m) => [m.id, m.at, m.localTime])).toEqual([
      ['hybrid.invitation', '2027-03-11T09:00:00Z', '2027-03-11T10:00:00+01:00'],
      ['hybrid.materials', '2027-03-18T09:00:00Z', '2027-03-18T10:00:00+01:00'],
      ['hybrid.reminder-7d', '2027-03-25T09:00:00Z', '2027-03-25T10:00:00+01:00'],
      ['hybrid.reminder-1d', '2027-03-31T08:00:00Z', '2027-03-31T10:00:00+02:00'],
    ]);
  });

  it('keeps the local hour when summer time ends in between (Europe, 31 October 2027)', () => {
    const milestones = meetingAt('2027-11-01', '09:00');
    expect(milestones.map((m) => [m.id, m.at])).toEqual([
      ['hybrid.invitation', '2027-10-11T07:00:00Z'],
      ['hybrid.materials', '2027-10-18T07:00:00Z'],
      ['hybrid.reminder-7d', '2027-10-25T07:00:00Z'],
      ['hybrid.reminder-1d', '2027-10-31T08:00:00Z'],
    ]);
  });

  it('moves a local time that does not exist on the earlier day forward by the gap', () => {
    const milestones = meetingAt('2027-04-04', '02:30');
    expect(milestones.find((m) => m.id === 'hybrid.reminder-7d')?.at).toBe('2027-03-28T01:30:00Z');
  });

  it('follows the southern hemisphere’s own change (Santiago, 4 April 2027)', () => {
    const milestones = meetingAt('2027-04-06', '09:00', 'America/Santiago');
    expect(milestones.find((m) => m.id === 'hybrid.reminder-7d')?.at).toBe('2027-03-30T12:00:00Z');
    expect(milestones.find((m) => m.id === 'hybrid.reminder-1d')?.at).toBe('2027-04-05T13:00:00Z');
  });
});
