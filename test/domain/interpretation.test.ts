import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { meetingNeeds } from '#domain/interpretation';
import { planReview } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import { ReviewInput } from '#domain/review';

const review = parseOrThrow(ReviewInput, {
  region: 'arab',
  date: '2027-07-03/2027-07-04',
  venue: 'Beirut',
  timeZone: 'Asia/Beirut',
  meetings: [
    { id: 'pre-1', kind: 'pre-consultation' },
    { id: 'hybrid', kind: 'hybrid-consultation', capacity: 2 },
  ],
});
const { meetings } = planReview(review, new Date('2027-01-01T00:00:00Z'));

const registrant = (email: string, extra: Partial<Registrant>): Registrant => ({
  reviewId: 'arab',
  email,
  name: email,
  language: 'ar',
  attendanceMode: 'online',
  status: 'confirmed',
  createdAt: '2027-01-01T00:00:00Z',
  ...extra,
});

describe('the needs of each meeting', () => {
  it('count confirmed registrants by language and attendance, places, and accessibility needs', () => {
    const needs = meetingNeeds(meetings, [
      registrant('a@example.org', {
        attendanceMode: 'in-person',
        seat: 'seat',
        accessibilityNeeds: 'Step-free access',
      }),
      registrant('b@example.org', { attendanceMode: 'in-person', seat: 'waitlisted', language: 'en' }),
      registrant('c@example.org', { language: 'es', meetings: ['hybrid'] }),
      registrant('d@example.org', { status: 'pending', language: 'fr' }),
    ]);
    expect(needs.map((n) => [n.meetingId, n.total, n.inPerson])).toEqual([
      ['pre-1', 2, 0],
      ['hybrid', 3, 2],
    ]);
    const hybrid = needs[1];
    expect(hybrid?.byLanguage).toEqual([
      { language: 'ar', online: 0, inPerson: 1, interpreted: true },
      { language: 'en', online: 0, inPerson: 1, interpreted: true },
      { language: 'es', online: 1, inPerson: 0, interpreted: false },
    ]);
    expect(hybrid?.uninterpreted).toEqual(['es']);
    expect(hybrid?.capacity).toBe(2);
    expect(hybrid?.seats).toEqual({ taken: 1, waitlisted: 1 });
    expect(hybrid?.accessibilityNeeds).toEqual(['Step-free access']);
  });
});
