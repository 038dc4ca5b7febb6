import { describe, expect, test as it } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const day = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('a review with consultations, a briefing and a GCM Talk', () => {
  it('schedules, invites and puts in calendars each dated meeting by its title; an undated one waits', async ({
    api,
  }) => {
    const now = await api.now();
    const created = await api.putReview(
      'kinds',
      reviewBody(now, 150, {
        date: `${day(now, 150)}/${day(now, 151)}`,
        meetings: [
          { id: 'pre-1', kind: 'pre-consultation' },
          { id: 'labour', kind: 'consultation', title: 'Labour migration', date: day(now, 100) },
          { id: 'hybrid', kind: 'hybrid-consultation' },
          { id: 'talk', kind: 'gcm-talk', title: 'Regular pathways' },
        ],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.plan.meetings.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['pre-1', 'confirmed'],
      ['labour', 'confirmed'],
      ['hybrid', 'confirmed'],
      ['talk', 'undated'],
    ]);
    expect(created.body.schedules.map((s: { name: string }) => s.name)).toContain('kinds.labour.invitation');
    expect(created.body.schedules.some((s: { name: string }) => s.name.startsWith('kinds.talk.'))).toBe(
      false,
    );

    await api.registerAndConfirm('kinds', 'amina@example.org', 'Amina Haddad');
    const invitation = created.body.schedules.find(
      (s: { name: string }) => s.name === 'kinds.labour.invitation',
    );
    await api.moveClock({ set: new Date(Date.parse(invitation.at) + 1000).toISOString() });
    const [email] = (await api.outbox('amina@example.org')).filter((e) =>
      e.subject.includes('Labour migration'),
    );
    expect(email?.subject).toBe(
      'Invitation: Stakeholder consultation: Labour migration, GCM regional review: Europe',
    );
    const calendar = (
      email as unknown as { attachments: { contentType: string; content: string }[] }
    ).attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.content).toContain(
      'SUMMARY:Stakeholder consultation: Labour migration: GCM regional review',
    );
  });
});
