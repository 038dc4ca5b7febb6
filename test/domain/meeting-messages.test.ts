import { describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { milestoneMessage } from '#domain/messages';
import { planReview } from '#domain/plan';
import { type Review, ReviewInput } from '#domain/review';

const NOW = new Date('2023-09-01T00:00:00Z');
const input = parseOrThrow(ReviewInput, {
  region: 'europe',
  date: '11 March 2024',
  venue: 'Palais des Nations, Geneva',
  timeZone: 'Europe/Zurich',
  meetings: [
    {
      id: 'pre-1',
      kind: 'pre-consultation',
      date: '14 November 2023',
      joinUrl: 'https://meet.example.org/pre',
    },
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
    { id: 'hybrid', kind: 'hybrid-consultation' },
  ],
});
const review = { ...input, reviewId: 'europe-2024', status: 'active', version: 1 } as Review;
const plan = planReview(review, NOW);
const links = {
  manageUrl: 'https://example.org/manage',
  unsubscribe: { url: 'https://example.org/u', mailto: 'mailto:u@example.org' },
};
const invitationTo = (
  meetingId: string,
  reader: { language: 'en' | 'fr'; attendanceMode: 'online' | 'in-person' },
) => {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  const milestone = meeting?.milestones.find((m) => m.id === `${meetingId}.invitation`);
  if (!meeting || !milestone) throw new Error(`no invitation of ${meetingId}`);
  return milestoneMessage(review, meeting, milestone, { name: 'Aigerim', ...reader }, links);
};

describe('the invitation to a meeting of any kind', () => {
  it('names the meeting by its title, gives its room to all (it is held in person), its interpretation and whom to ask', () => {
    const message = invitationTo('feb', { language: 'en', attendanceMode: 'online' });
    expect(message.subject).toBe(
      'Invitation: Stakeholder consultation: Sub-regional: Central Asia, GCM regional review: Europe',
    );
    expect(message.paragraphs).toContain('You attend in person, at Almaty.');
    expect(message.paragraphs).toContain('Interpretation is offered in русский and English.');
    expect(message.paragraphs).toContain('Questions about this meeting: focal-point@example.org');
    expect(message.link).toBeUndefined();
  });

  it('in French', () => {
    const message = invitationTo('feb', { language: 'fr', attendanceMode: 'online' });
    expect(message.subject).toBe(
      'Invitation\u00a0: Consultation des parties prenantes\u00a0: Sub-regional: Central Asia, Examen régional du Pacte mondial sur les migrations\u00a0: Europe',
    );
    expect(message.paragraphs).toContain(
      'Pour toute question sur cette réunion\u00a0: focal-point@example.org',
    );
  });

  it('gives a virtual meeting’s link whatever the registrant chose for the hybrid one', () => {
    const message = invitationTo('pre-1', { language: 'en', attendanceMode: 'in-person' });
    expect(message.paragraphs).toContain('You attend online: the link to join is below.');
    expect(message.link).toEqual({ url: 'https://meet.example.org/pre', label: expect.any(String) });
  });
});
