import { describe, expect, it } from 'vitest';
import { parseOrThrow, ValidationError } from '#domain/errors';
import { planReview } from '#domain/plan';
import { ReviewInput } from '#domain/review';
import { assertReviewRules, RULES } from '#domain/rules';

const review = (input: Record<string, unknown>) =>
  parseOrThrow(ReviewInput, { region: 'europe', venue: 'Geneva', timeZone: 'Europe/Zurich', ...input });

const errorOf = (fn: () => void): ValidationError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('the seed’s rules', () => {
  it('refuses a pre-consultation set less than 12 weeks before its review, naming the field and the rule', () => {
    const input = review({
      date: '2027-03-11',
      meetings: [
        { id: 'hybrid', kind: 'hybrid-consultation' },
        { id: 'pre-1', kind: 'pre-consultation', date: '2027-01-10' },
      ],
    });
    const error = errorOf(() => assertReviewRules(input));
    expect(error.issues).toEqual([
      {
        field: 'meetings[1].date',
        rule: RULES.preConsultationLead,
        message:
          'a pre-consultation must be at least 12 weeks (84 days) before its review (11 March 2027); 10 January 2027 is 60 days before',
      },
    ]);
  });

  it('accepts a pre-consultation exactly 12 weeks before', () => {
    const input = review({
      date: '2027-03-11',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: '2026-12-17' },
        { id: 'hybrid', kind: 'hybrid-consultation' },
      ],
    });
    expect(() => assertReviewRules(input)).not.toThrow();
  });

  it('applies the rule to tentative dates known to the day', () => {
    const input = review({
      date: '11 March 2027 (TBD)',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: '1 March 2027 (TBD)' },
        { id: 'hybrid', kind: 'hybrid-consultation' },
      ],
    });
    expect(errorOf(() => assertReviewRules(input)).issues[0]?.rule).toBe(RULES.preConsultationLead);
  });

  it('warns, without refusing, when imprecise dates may break the rule (the seed’s own LAC row)', () => {
    const input = review({
      region: 'lac',
      timeZone: 'America/Santiago',
      date: 'week 3 of November 2024',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: 'September 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: 'week 3 of November 2024' },
      ],
    });
    expect(() => assertReviewRules(input)).not.toThrow();
    expect(planReview(input, new Date('2024-01-01T00:00:00Z')).warnings).toEqual([
      'pre-1: the pre-consultation (September 2024) may be less than 12 weeks before the review (week 3 of November 2024); rule pre-consultation-12-weeks-before-review',
    ]);
  });

  it('refuses a consultation after its review', () => {
    const input = review({
      date: '2027-03-11',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: '2027-03-12' },
      ],
    });
    expect(errorOf(() => assertReviewRules(input)).issues).toEqual([
      expect.objectContaining({ field: 'meetings[1].date', rule: RULES.hybridNotAfterReview }),
    ]);
  });

  it('wants one consultation, at least one pre-consultation and distinct meeting ids', () => {
    const input = review({
      date: '2027-03-11',
      meetings: [
        { id: 'a', kind: 'hybrid-consultation' },
        { id: 'a', kind: 'hybrid-consultation' },
      ],
    });
    expect(errorOf(() => assertReviewRules(input)).issues.map((i) => [i.field, i.rule])).toEqual([
      ['meetings', RULES.oneHybridConsultation],
      ['meetings', RULES.atLeastOnePreConsultation],
      ['meetings[1].id', RULES.uniqueMeetingIds],
    ]);
  });

  it('counts in-person places at one meeting held in a room, whatever its kind', () => {
    const meetings = (extra: Record<string, unknown>[]) => [
      { id: 'pre-1', kind: 'pre-consultation' },
      { id: 'hybrid', kind: 'hybrid-consultation' },
      ...extra,
    ];
    const thematic = {
      id: 'care',
      kind: 'consultation',
      title: 'Care work',
      mode: 'in-person',
      capacity: 40,
    };
    expect(() =>
      assertReviewRules(review({ date: '2027-03-11', meetings: meetings([thematic]) })),
    ).not.toThrow();
    const refused = review({
      date: '2027-03-11',
      meetings: meetings([
        { ...thematic, mode: 'virtual' },
        { ...thematic, id: 'care-2' },
        { ...thematic, id: 'care-3' },
      ]),
    });
    expect(errorOf(() => assertReviewRules(refused)).issues.map((i) => [i.field, i.rule, i.message])).toEqual(
      [
        [
          'meetings[2].capacity',
          RULES.capacityInPersonOnly,
          'a virtual meeting has no in-person places: hold it in person or hybrid',
        ],
        ...[3, 4].map((i) => [
          `meetings[${i}].capacity`,
          RULES.capacityInPersonOnly,
          'one meeting of a review counts its in-person places; another one has a capacity already',
        ]),
      ],
    );
  });

  it('names each malformed field of the input', () => {
    const error = errorOf(() =>
      parseOrThrow(ReviewInput, {
        region: 'antarctica',
        date: 'soon',
        venue: '',
        timeZone: 'Europe/Genev',
        meetings: [{ id: 'pre-1', kind: 'pre-consultation', startTime: '25:00' }, { id: 'hybrid' }],
      }),
    );
    expect(error.issues.map((i) => i.field)).toEqual([
      'region',
      'date',
      'venue',
      'timeZone',
      'meetings[0].startTime',
      'meetings[1].kind',
    ]);
  });
});
