import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { planReview } from '#domain/plan';
import { ReviewInput } from '#domain/review';
import { RULES, reviewRuleChecks } from '#domain/rules';

const NOW = new Date('2023-09-01T00:00:00Z');
const review = (input: Record<string, unknown>) => parseOrThrow(ReviewInput, input);

/** Rounds of regional reviews as they were really held, written as the secretariat knew them. */
describe('real review rounds', () => {
  it('the Arab region: a two-day review, its consultation the day before the first day', () => {
    const plan = planReview(
      review({ region: 'arab', date: '3-4 July 2024', venue: 'Beirut', timeZone: 'Asia/Beirut' }),
      NOW,
    );
    expect(plan.reviewDate).toBe('3-4 July 2024');
    expect(plan.meetings.map((m) => [m.id, m.dateText])).toEqual([
      ['pre-1', '10 April 2024'],
      ['hybrid', '2 July 2024'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('Africa: the hearing on 8 October before the conference on 9-10 October', () => {
    const input = review({
      region: 'africa',
      date: '9-10 October 2024',
      venue: 'Addis Ababa',
      timeZone: 'Africa/Addis_Ababa',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: '10 July 2024' },
        { id: 'hybrid', kind: 'hybrid-consultation', date: '8 October 2024' },
      ],
    });
    expect(reviewRuleChecks(input)).toEqual({ errors: [], warnings: [] });
    const hybrid = planReview(input, NOW).meetings[1];
    expect([hybrid?.startsAt, hybrid?.endsAt]).toEqual(['2024-10-08T06:00:00Z', '2024-10-08T14:00:00Z']);
  });

  it('UNECE: a hearing at 08:30 on the morning of the review, allowed with a warning', () => {
    const input = review({
      region: 'europe',
      date: '11 March 2024',
      startTime: '10:00',
      venue: 'Palais des Nations, Geneva',
      timeZone: 'Europe/Zurich',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', date: '14 November 2023' },
        {
          id: 'hearing',
          kind: 'hybrid-consultation',
          date: '11 March 2024',
          startTime: '08:30',
          durationMinutes: 90,
        },
      ],
    });
    expect(reviewRuleChecks(input)).toEqual({
      errors: [],
      warnings: [
        'hearing: the consultation (11 March 2024) is held on the morning of the review, before it begins at 10:00, where the seed advises the day before',
      ],
    });
  });

  it('refuses a consultation that runs into the review’s start, or after it has begun', () => {
    const withHearing = (date: string, startTime: string) =>
      review({
        region: 'europe',
        date: '11-12 March 2024',
        startTime: '10:00',
        venue: 'Geneva',
        timeZone: 'Europe/Zurich',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', date: '14 November 2023' },
          { id: 'hearing', kind: 'hybrid-consultation', date, startTime, durationMinutes: 120 },
        ],
      });
    for (const [date, time] of [
      ['11 March 2024', '09:00'],
      ['12 March 2024', '08:00'],
    ])
      expect(reviewRuleChecks(withHearing(date as string, time as string)).errors).toEqual([
        {
          field: 'meetings[1].date',
          rule: RULES.hybridNotAfterReview,
          message: `the multi-stakeholder consultation (${date}) must end before its review (11-12 March 2024) begins, at 10:00`,
        },
      ]);
  });

  it('measures the 12 weeks from a pre-consultation’s last day to the review’s first', () => {
    const withReview = (date: string) =>
      review({
        region: 'europe',
        date,
        venue: 'Geneva',
        timeZone: 'Europe/Zurich',
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation', date: '11-12 November 2024' },
          { id: 'hybrid', kind: 'hybrid-consultation' },
        ],
      });
    // 12 November to 4 February is 84 days; from the 11th, the 3rd would be 84 days too.
    expect(reviewRuleChecks(withReview('4-6 February 2025')).errors).toEqual([]);
    expect(reviewRuleChecks(withReview('3-5 February 2025')).errors).toEqual([
      expect.objectContaining({
        field: 'meetings[0].date',
        rule: RULES.preConsultationLead,
        message: expect.stringContaining('11-12 November 2024 is 83 days before'),
      }),
    ]);
  });
});

describe('every kind of meeting of a review', () => {
  /** UNECE's round for its review of 11 March 2024, as it was held. */
  const unece = () =>
    review({
      region: 'europe',
      cycle: '2023-2025, second round',
      date: '11 March 2024',
      startTime: '10:00',
      venue: 'Palais des Nations, Geneva',
      timeZone: 'Europe/Zurich',
      meetings: [
        {
          id: 'pre-1',
          kind: 'pre-consultation',
          date: '14 November 2023',
          joinUrl: 'https://meet.example.org/pre',
        },
        { id: 'jan', kind: 'consultation', title: 'Labour migration', date: '29 January 2024' },
        {
          id: 'feb',
          kind: 'consultation',
          title: 'Sub-regional: Central Asia',
          date: '28 February 2024',
          mode: 'in-person',
          venue: 'Almaty',
          interpretationLanguages: ['ru', 'en'],
          contact: 'focal-point@example.org',
        },
        {
          id: 'hearing',
          kind: 'hybrid-consultation',
          date: '11 March 2024',
          startTime: '08:30',
          durationMinutes: 90,
        },
        { id: 'talk', kind: 'gcm-talk', title: 'Regular pathways' },
      ],
    });

  it('accepts UNECE’s round: consultations after the 12-week line carry no 12-week rule', () => {
    const { errors, warnings } = reviewRuleChecks(unece());
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(unece().cycle).toBe('2023-2025, second round');
  });

  it('gives each kind its mode, interpretation, venue and contact, and dates only what the review’s date says', () => {
    const plan = planReview(unece(), NOW);
    expect(
      plan.meetings.map((m) => [
        m.id,
        m.kind,
        m.mode,
        m.status,
        m.interpretationLanguages,
        m.venue,
        m.contact,
      ]),
    ).toEqual([
      ['pre-1', 'pre-consultation', 'virtual', 'confirmed', ['en', 'fr', 'ru'], undefined, undefined],
      ['jan', 'consultation', 'virtual', 'confirmed', ['en', 'fr', 'ru'], undefined, undefined],
      ['feb', 'consultation', 'in-person', 'confirmed', ['ru', 'en'], 'Almaty', 'focal-point@example.org'],
      [
        'hearing',
        'hybrid-consultation',
        'hybrid',
        'confirmed',
        ['en', 'fr', 'ru'],
        'Palais des Nations, Geneva',
        undefined,
      ],
      ['talk', 'gcm-talk', 'virtual', 'undated', ['en', 'fr', 'ru'], undefined, undefined],
    ]);
    expect(plan.milestones.filter((m) => m.meetingId === 'jan').map((m) => m.kind)).toEqual([
      'consultation',
      'materials-publication',
      'reminder',
      'reminder',
    ]);
  });

  it('asks a consultation, a briefing and a GCM Talk for the title that names it', () => {
    const untitled = review({
      region: 'africa',
      date: '9-10 October 2024',
      venue: 'Addis Ababa',
      timeZone: 'Africa/Addis_Ababa',
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation' },
        { id: 'hybrid', kind: 'hybrid-consultation' },
        { id: 'west', kind: 'consultation' },
        { id: 'brief', kind: 'briefing' },
      ],
    });
    expect(reviewRuleChecks(untitled).errors.map((e) => [e.field, e.rule, e.message])).toEqual([
      ['meetings[2].title', RULES.titled, 'a consultation is named by its title: give one'],
      ['meetings[3].title', RULES.titled, 'a briefing is named by its title: give one'],
    ]);
  });
});

describe('a global consultation', () => {
  it('is held for several regions on its own date, with its own title and all their languages', () => {
    const consultation = review({
      kind: 'global-consultation',
      cycle: '2023-2025, second round',
      title: 'Global consultation for Africa, Latin America and the Caribbean and Europe',
      regions: ['africa', 'lac', 'europe'],
      date: '31 October 2023',
      timeZone: 'UTC',
    });
    const plan = planReview(consultation, NOW);
    expect(plan.meetings.map((m) => [m.id, m.kind, m.mode, m.dateText, m.startsAt])).toEqual([
      ['global', 'global-consultation', 'virtual', '31 October 2023', '2023-10-31T13:00:00Z'],
    ]);
    expect(plan.meetings[0]?.interpretationLanguages).toEqual(['ar', 'en', 'fr', 'es', 'ru']);
    expect(reviewRuleChecks(consultation)).toEqual({ errors: [], warnings: [] });
  });

  it('needs its regions and a title, and a regional review its one region', () => {
    const issues = (input: Record<string, unknown>) =>
      ReviewInput.safeParse({ date: 'November 2023', timeZone: 'UTC', ...input }).error?.issues.map((i) => [
        i.path.join('.'),
        i.message,
      ]);
    expect(issues({ kind: 'global-consultation', region: 'arab' })).toEqual([
      ['regions', 'a global consultation needs the regions it is held for, two at least'],
      ['region', 'a global consultation is held for several regions: give `regions`'],
      ['title', 'a global consultation is named by its title: give one'],
    ]);
    expect(issues({ regions: ['arab', 'asia-pacific'] })).toEqual([
      ['region', 'a regional review needs its region'],
      ['regions', 'a regional review has one region: give `region`'],
    ]);
  });
});
