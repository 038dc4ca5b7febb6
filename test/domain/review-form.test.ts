import { describe, expect, it } from 'vitest';
import { ReviewInput } from '#domain/review';
import {
  newReviewValues,
  type ReviewFormValues,
  readReviewForm,
  reviewFormValues,
  reviewInputOf,
} from '#domain/review-form';

const form = (fields: [string, string][]) => new URLSearchParams(fields);

/** The fields a browser posts for `values`, as the editor renders them (a ticked box per chosen language). */
function posted(values: ReviewFormValues): URLSearchParams {
  const fields: [string, string][] = [];
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) for (const item of value) fields.push([prefix, item]);
    else if (typeof value === 'object' && value !== null)
      for (const [name, inner] of Object.entries(value)) add(prefix ? `${prefix}.${name}` : name, inner);
    else if (value !== undefined) fields.push([prefix, String(value)]);
  };
  const { meetings, analyticalPaper, ...rest } = values;
  add('', rest);
  for (const [i, meeting] of meetings.entries()) add(`meetings[${i}]`, meeting);
  add('analyticalPaper', { ...analyticalPaper, focalPoints: undefined });
  for (const [i, point] of analyticalPaper.focalPoints.entries())
    add(`analyticalPaper.focalPoints[${i}]`, point);
  return form(fields);
}

describe('the review editor’s form and the review input', () => {
  it('reads what was typed: empty fields absent, numbers and lists of days as such, rows left empty or removed dropped', () => {
    const values = readReviewForm(
      form([
        ['csrf', 'token'],
        ['intent', 'preview'],
        ['reviewId', ' africa-2027 '],
        ['kind', 'regional-review'],
        ['region', 'africa'],
        ['title', ''],
        ['date', '8 or 11 March 2027 (TBD)'],
        ['startTime', '09:30'],
        ['timeZone', 'Africa/Nairobi'],
        ['venue', 'UN Office at Nairobi'],
        ['interpretationLanguages', 'ar'],
        ['interpretationLanguages', 'fr'],
        ['materials.fr', 'https://example.org/fr'],
        ['materials.en', ''],
        ['leadTimes.invitationDays', '28'],
        ['leadTimes.materialsDays', ''],
        ['leadTimes.reminderDays', '7، 2 1'],
        ['meetings[0].id', 'pre-1'],
        ['meetings[0].kind', 'pre-consultation'],
        ['meetings[0].durationMinutes', '90'],
        ['meetings[0].interpretationLanguages', 'en'],
        ['meetings[1].id', 'old'],
        ['meetings[1].kind', 'consultation'],
        ['meetings[1].remove', 'yes'],
        ['meetings[2].id', 'hybrid'],
        ['meetings[2].kind', 'hybrid-consultation'],
        ['meetings[2].capacity', 'ten'],
        ['meetings[3].id', ''],
        ['meetings[3].kind', ''],
        ['meetings[3].mode', ''],
        ['discussionSpace.opens', '2027-01-10'],
        ['discussionSpace.closes', '2027-02-10'],
        ['discussionSpace.url', 'https://hub.example.org/africa'],
        ['discussionSpace.moderators', 'Amina Haddad\r\n\r\n Kofi Mensah \n'],
        ['analyticalPaper.weeksBefore', ''],
        ['analyticalPaper.reminderDays', '0'],
        ['analyticalPaper.focalPoints[0].email', 'focal@example.org'],
        ['analyticalPaper.focalPoints[0].language', 'fr'],
        ['analyticalPaper.focalPoints[1].email', ''],
        ['analyticalPaper.focalPoints[1].name', ''],
        ['analyticalPaper.focalPoints[1].language', 'en'],
      ]),
    );
    expect(values.reviewId).toBe('africa-2027');
    expect(values.meetings.map((m) => m.id)).toEqual(['pre-1', 'hybrid']);
    expect(reviewInputOf(values)).toEqual({
      kind: 'regional-review',
      region: 'africa',
      date: '8 or 11 March 2027 (TBD)',
      startTime: '09:30',
      timeZone: 'Africa/Nairobi',
      venue: 'UN Office at Nairobi',
      interpretationLanguages: ['ar', 'fr'],
      materials: { fr: 'https://example.org/fr' },
      leadTimes: { invitationDays: 28, reminderDays: [7, 2, 1] },
      meetings: [
        { id: 'pre-1', kind: 'pre-consultation', durationMinutes: 90, interpretationLanguages: ['en'] },
        // A word stays as typed, for the input's check to name the field.
        { id: 'hybrid', kind: 'hybrid-consultation', capacity: 'ten' },
      ],
      discussionSpace: {
        opens: '2027-01-10',
        closes: '2027-02-10',
        url: 'https://hub.example.org/africa',
        moderators: ['Amina Haddad', 'Kofi Mensah'],
      },
      analyticalPaper: { reminderDays: [], focalPoints: [{ email: 'focal@example.org', language: 'fr' }] },
    });
  });

  it('leaves out whatever the form left empty, for the input’s defaults to apply', () => {
    const input = reviewInputOf(
      readReviewForm(
        form([
          ['kind', 'regional-review'],
          ['region', 'europe'],
          ['date', 'May 2027'],
        ]),
      ),
    );
    expect(input).toEqual({ kind: 'regional-review', region: 'europe', date: 'May 2027' });
  });

  it('fills the form with a review as kept, which reads back as the same review', () => {
    const kept = ReviewInput.parse({
      region: 'asia-pacific',
      cycle: '2025-2027, third round',
      date: '3-4 July 2027 (TBD)',
      timeZone: 'Asia/Bangkok',
      venue: 'UNCC, Bangkok',
      materialsUrl: 'https://example.org/docs',
      materials: { zh: 'https://example.org/zh' },
      leadTimes: { invitationDays: 30, materialsDays: 10, reminderDays: [] },
      meetings: [
        {
          id: 'pre-1',
          kind: 'pre-consultation',
          date: 'week 3 of March 2027',
          interpretationLanguages: ['zh'],
        },
        { id: 'pre-2', kind: 'pre-consultation' },
        {
          id: 'labour',
          kind: 'consultation',
          title: 'Labour migration',
          date: 'late 2026',
          mode: 'in-person',
        },
        { id: 'hybrid', kind: 'hybrid-consultation', capacity: 250, contact: 'ap@example.org' },
      ],
      discussionSpace: {
        opens: '2027-04-01',
        closes: '2027-05-15',
        url: 'https://hub.example.org/ap',
        moderators: ['A', 'B'],
      },
      analyticalPaper: { weeksBefore: 6, focalPoints: [{ email: 'ap-focal@example.org', name: 'Lin' }] },
    });
    const values = reviewFormValues({ ...kept, version: 3 });
    expect(values.date).toBe('3-4 July 2027 (TBD)');
    expect(values.meetings[0]?.date).toBe('week 3 of March 2027');
    expect(values.leadTimes.reminderDays).toBe('0');
    expect(values.version).toBe('3');
    expect(ReviewInput.parse(reviewInputOf(readReviewForm(posted(values))))).toEqual(kept);
  });

  it('shows a review that lists no meetings its usual ones, and leaves them to the review when unchanged', () => {
    const kept = ReviewInput.parse({ region: 'asia-pacific', date: '2027-09-01', timeZone: 'Asia/Bangkok' });
    const values = reviewFormValues(kept);
    expect(values.meetings.map((m) => [m.id, m.kind])).toEqual([
      ['pre-1', 'pre-consultation'],
      ['pre-2', 'pre-consultation'],
      ['hybrid', 'hybrid-consultation'],
    ]);
    expect(values.analyticalPaper).toEqual({ focalPoints: [] });
    expect(ReviewInput.parse(reviewInputOf(readReviewForm(posted(values))))).toEqual(kept);
    const moved = reviewInputOf({ ...values, meetings: values.meetings.slice(1) });
    expect(moved.meetings).toEqual([
      { id: 'pre-2', kind: 'pre-consultation' },
      { id: 'hybrid', kind: 'hybrid-consultation' },
    ]);
  });

  it('starts a new review with its region and the usual lead times', () => {
    const values = newReviewValues('africa');
    expect(values).toMatchObject({
      kind: 'regional-review',
      region: 'africa',
      startTime: '09:00',
      leadTimes: { invitationDays: '21', materialsDays: '14', reminderDays: '7, 1' },
    });
  });
});

describe('the review editor’s registration fields', () => {
  it('carry approval and the cap per organisation to the input and back', () => {
    const input = ReviewInput.parse({
      region: 'africa',
      date: '2027-03-11',
      timeZone: 'Africa/Nairobi',
      requiresApproval: true,
      organisationCap: 3,
    });
    const values = reviewFormValues(input);
    expect([values.requiresApproval, values.organisationCap]).toEqual(['yes', '3']);
    expect(reviewInputOf(readReviewForm(posted(values)))).toMatchObject({
      requiresApproval: true,
      organisationCap: 3,
    });
    const unticked = reviewInputOf(readReviewForm(posted({ ...values, requiresApproval: undefined })));
    expect(unticked).not.toHaveProperty('requiresApproval');
  });
});
