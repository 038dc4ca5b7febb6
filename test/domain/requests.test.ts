import { describe, expect, it } from 'vitest';
import { parseOrThrow, ValidationError } from '#domain/errors';
import { RequestDecision, RequestInput, recordFromRequest, type StakeholderRequest } from '#domain/request';
import { requestReceivedMessage } from '#domain/request-messages';
import { ReviewInput } from '#domain/review';

const talk = {
  kind: 'gcm-talk',
  title: 'Cities that welcome',
  organisers: 'Mayors Migration Council',
  level: 'regional',
  themes: 'Local inclusion.',
  objectives: [15, 16],
  proposedDate: '12 May 2027',
  format: 'hybrid',
  interpretationLanguages: ['ar', 'en'],
  audience: 'Local authorities',
  name: 'Lucía Gómez',
  email: 'lucia@example.org',
  language: 'es',
  consent: true,
};

const stored = (input: Record<string, unknown>): StakeholderRequest => {
  const { consent: _consent, ...request } = parseOrThrow(RequestInput, input);
  return {
    ...request,
    requestId: 't1',
    status: 'received',
    createdAt: '',
    consentAt: '',
  } as StakeholderRequest;
};

const issuesOf = (input: unknown) => {
  try {
    parseOrThrow(RequestInput, input);
    return [];
  } catch (error) {
    return (error as ValidationError).issues.map((i) => i.field);
  }
};

describe('a request', () => {
  it('names each field it lacks', () => {
    expect(issuesOf({ kind: 'gcm-talk', consent: true })).toEqual([
      'title',
      'organisers',
      'level',
      'themes',
      'objectives',
      'proposedDate',
      'format',
      'audience',
      'name',
      'email',
      'language',
    ]);
    expect(issuesOf({ kind: 'lecture' })).toEqual(['kind']);
  });

  it('from a regional network, names its region', () => {
    const briefing = {
      kind: 'briefing',
      network: 'Network',
      scope: 'regional',
      topic: 'The review',
      preferredDates: 'May',
      expectedParticipants: 20,
      name: 'Awa',
      email: 'awa@example.org',
      language: 'fr',
      consent: true,
    };
    expect(issuesOf(briefing)).toEqual(['regions']);
    expect(issuesOf({ ...briefing, scope: 'sectoral' })).toEqual([]);
  });

  it('accepted, becomes a record of its kind that the review schema takes, dated as asked', () => {
    const record = recordFromRequest(stored(talk), {
      decision: 'accept',
      reviewId: 'talk-cities',
      timeZone: 'Asia/Beirut',
      venue: 'UN House, Beirut',
    });
    const review = parseOrThrow(ReviewInput, record);
    expect(review).toMatchObject({
      kind: 'gcm-talk',
      title: 'Cities that welcome',
      date: { kind: 'exact', date: '2027-05-12', tentative: false },
      venue: 'UN House, Beirut',
      organisers: 'Mayors Migration Council',
      audience: 'Local authorities',
      interpretationLanguages: ['ar', 'en'],
      meetings: [{ id: 'talk', kind: 'gcm-talk', title: 'Cities that welcome', mode: 'hybrid' }],
    });
  });

  it('asked for in words no date reader knows, needs the decision to give the date', () => {
    const vague = stored({ ...talk, proposedDate: 'during the Forum week' });
    expect(() => recordFromRequest(vague, { decision: 'accept', reviewId: 't', timeZone: 'UTC' })).toThrow(
      ValidationError,
    );
    const decision = parseOrThrow(RequestDecision, {
      decision: 'accept',
      reviewId: 't',
      timeZone: 'UTC',
      date: 'May 2027',
    }) as Extract<RequestDecision, { decision: 'accept' }>;
    const dated = recordFromRequest(vague, decision);
    expect(parseOrThrow(ReviewInput, dated).date).toMatchObject({ kind: 'month', month: 5, year: 2027 });
  });

  it('tells the secretariat every detail, without the link’s secrets', () => {
    const notice = requestReceivedMessage({ ...stored(talk), confirmNonce: 'secret', expiresAt: 1 }, 'en');
    expect(notice.subject).toBe('New GCM Talk proposal: Cities that welcome');
    expect(notice.paragraphs).toContain('objectives: [15,16]');
    expect(notice.paragraphs.join('\n')).not.toContain('secret');
  });
});
