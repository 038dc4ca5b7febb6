import { describe, expect, it } from 'vitest';
import { parseOrThrow, ValidationError } from '#domain/errors';
import { discussionSpaceMessage, paperReminderMessage } from '#domain/notices';
import { planReview } from '#domain/plan';
import { type Review, ReviewInput } from '#domain/review';

const review = (input: Record<string, unknown>) =>
  parseOrThrow(ReviewInput, {
    region: 'europe',
    venue: 'Palais des Nations, Geneva',
    timeZone: 'Europe/Zurich',
    date: '2027-03-11',
    ...input,
  });
const NOW = new Date('2026-11-01T00:00:00Z');
const SPACE = { opens: '2027-01-11', closes: '2027-02-05', url: 'https://hub.example.org/europe' };
const FOCAL_POINTS = [
  { email: 'focal@example.org', name: 'Ana Ruiz', language: 'es' },
  { email: 'lead@example.org' },
];

const reviewMilestones = (input: Record<string, unknown>) =>
  planReview(review(input), NOW)
    .milestones.filter((m) => m.meetingId === undefined)
    .map((m) => [m.id, m.kind, m.localTime]);

describe('the analytical paper', () => {
  it('is due four weeks before the review by default, and has no reminders without focal points', () => {
    const plan = planReview(review({}), NOW);
    expect(plan.analyticalPaper).toEqual({
      weeksBefore: 4,
      due: '2027-02-11',
      tentative: false,
      milestones: [],
    });
  });

  it('reminds its focal points on the reminder days before it is due, at nine in the review’s zone', () => {
    expect(
      reviewMilestones({
        analyticalPaper: { weeksBefore: 6, focalPoints: FOCAL_POINTS, reminderDays: [10, 2] },
      }),
    ).toEqual([
      ['paper.reminder-10d', 'paper-reminder', '2027-01-18T09:00:00+01:00'],
      ['paper.reminder-2d', 'paper-reminder', '2027-01-26T09:00:00+01:00'],
    ]);
  });

  it('is only tentatively due while the review’s date is, and is not reminded of until it is confirmed', () => {
    const plan = planReview(
      review({ date: '11 March 2027 (TBD)', analyticalPaper: { focalPoints: FOCAL_POINTS } }),
      NOW,
    );
    expect(plan.analyticalPaper).toEqual({
      weeksBefore: 4,
      due: '2027-02-11',
      tentative: true,
      milestones: [],
    });
    const imprecise = planReview(review({ date: 'March 2027' }), NOW);
    expect(imprecise.analyticalPaper?.due).toBeNull();
  });

  it('belongs to regional reviews only', () => {
    const global = { kind: 'global-consultation', regions: ['africa', 'lac'], title: 'Global consultation' };
    expect(
      planReview(review({ ...global, region: undefined, venue: undefined }), NOW).analyticalPaper,
    ).toBeNull();
    expect(() =>
      review({ ...global, region: undefined, analyticalPaper: { focalPoints: FOCAL_POINTS } }),
    ).toThrow(ValidationError);
  });
});

describe('the discussion space', () => {
  it('tells registrants when it opens and a week before it closes', () => {
    expect(reviewMilestones({ discussionSpace: SPACE })).toEqual([
      ['space.opens', 'space-opens', '2027-01-11T09:00:00+01:00'],
      ['space.closing', 'space-closing', '2027-01-29T09:00:00+01:00'],
    ]);
  });

  it('open a week or less, has its opening notice only', () => {
    expect(reviewMilestones({ discussionSpace: { ...SPACE, closes: '2027-01-16' } })).toEqual([
      ['space.opens', 'space-opens', '2027-01-11T09:00:00+01:00'],
    ]);
  });

  it('is warned of when it closes after the paper it feeds is due', () => {
    const plan = planReview(review({ discussionSpace: { ...SPACE, closes: '2027-02-20' } }), NOW);
    expect(plan.warnings).toEqual([
      'discussionSpace: the space closes on 2027-02-20, after the analytical paper is due (2027-02-11), which is written from its discussions',
    ]);
  });

  it('closes after it opens', () => {
    const error = (() => {
      try {
        review({ discussionSpace: { ...SPACE, closes: '2027-01-10' } });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => [i.field, i.message])).toEqual([
      ['discussionSpace.closes', 'must be after `opens`'],
    ]);
  });

  it('has no notices once its review is cancelled', () => {
    const plan = planReview({ ...review({ discussionSpace: SPACE }), status: 'cancelled' }, NOW);
    expect(plan.milestones).toEqual([]);
  });
});

describe('the review’s notices', () => {
  const stored = {
    ...review({ discussionSpace: { ...SPACE, moderators: ['Ana Ruiz', 'Omar Said'] } }),
    reviewId: 'europe',
  } as Review;
  const links = {
    manageUrl: 'https://example.org/manage',
    unsubscribe: { url: 'https://example.org/u', mailto: 'mailto:x@example.org' },
  };

  it('say when the space closes, who moderates it and in which languages, in the reader’s language', () => {
    const space = stored.discussionSpace as NonNullable<Review['discussionSpace']>;
    const french = discussionSpaceMessage(
      'opens',
      stored,
      space,
      ['en', 'fr'],
      { name: 'Léa', language: 'fr' },
      links,
    );
    expect(french.paragraphs.slice(2)).toEqual([
      'Les échanges sont modérés dans les langues suivantes\u00a0: English et français.',
      'Modération\u00a0: Ana Ruiz et Omar Said.',
    ]);
    expect(french.paragraphs[1]).toContain('5 février 2027');
    expect(french.link).toEqual({ url: SPACE.url, label: expect.any(String) });
    const arabic = discussionSpaceMessage(
      'closing',
      stored,
      space,
      ['ar'],
      { name: 'ليلى', language: 'ar' },
      links,
    );
    expect(arabic.language).toBe('ar');
    expect(arabic.paragraphs[1]).toContain('5 فبراير 2027');
  });

  it('greet a focal point without a name, and give the day the paper is due', () => {
    const reminder = paperReminderMessage(stored, '2027-02-11', {
      email: 'lead@example.org',
      language: 'en',
    });
    expect(reminder.subject).toBe(
      'The analytical paper for GCM regional review: Europe is due on 11 February 2027',
    );
    expect(reminder.paragraphs[0]).toBe('Hello,');
  });
});
