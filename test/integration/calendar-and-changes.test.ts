import { DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ScheduledEvent } from 'aws-lambda';
import ICAL from 'ical.js';
import { lambdaContext } from '#local/api-gateway';
import { localClientConfig } from '#local/composition';
import { test as base, describe, expect } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

type Email = Awaited<ReturnType<ServiceClient['outbox']>>[number] & {
  headers: Record<string, string>;
  attachments: { contentType: string; content: string; encoding: string }[];
};

function calendarOf(email: Email | undefined) {
  const part = email?.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error(`no calendar in "${email?.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    location: event.getFirstPropertyValue('location'),
    attendee: String(event.getFirstPropertyValue('attendee')),
  };
}

/** The turns of events the tests follow, in the order they happen to the review. */
type Turn = 'invitations' | 'date moved' | 'week-before reminders' | 'late joiner' | 'hybrid materials';

/**
 * Each test's service holds the review `cal`, four months ahead with a joining link per meeting, and two confirmed
 * registrants, one online and one in person.
 */
const it = base
  .extend('start', ({ api }) => api.now())
  .extend(
    'registerAndConfirm',
    ({ api }) =>
      async (email: string, attendanceMode: string, language = 'en') => {
        const answer = await api.request('POST', '/registrations', {
          json: { reviewId: 'cal', email, name: email.split('@')[0], language, attendanceMode },
        });
        expect(answer.status).toBe(202);
        const texts = (await api.outbox(email)).map((e) => e.text ?? '');
        const token = texts
          .map((t) => /confirm\?token=([^\s&]+)/.exec(t)?.[1])
          .filter(Boolean)
          .at(-1) as string;
        expect((await api.request('POST', '/confirm', { form: { token } })).status).toBe(200);
      },
  )
  .extend('review', { auto: true }, async ({ api, start, registerAndConfirm }) => {
    const meetings = [
      { id: 'pre-1', kind: 'pre-consultation', joinUrl: 'https://meet.example.org/pre-1' },
      { id: 'hybrid', kind: 'hybrid-consultation', joinUrl: 'https://meet.example.org/hybrid' },
    ];
    expect((await api.putReview('cal', reviewBody(start, 120, { meetings }))).status).toBe(201);
    await registerAndConfirm('online@example.org', 'online');
    await registerAndConfirm('inperson@example.org', 'in-person');
  })
  .extend(
    'emails',
    ({ api }) =>
      async (email: string) =>
        (await api.outbox(email)) as Email[],
  )
  .extend(
    'withSubject',
    ({ emails }) =>
      async (email: string, prefix: string) =>
        (await emails(email)).filter((e) => e.subject.startsWith(prefix)),
  )
  .extend(
    'days',
    ({ start }) =>
      (n: number) =>
        new Date(start.getTime() + n * 86_400_000).toISOString(),
  )
  // To just after a milestone of the review's plan as it stands.
  .extend('passMilestone', ({ api }) => async (milestoneId: string) => {
    const plan = (await api.request('GET', '/admin/reviews/cal')).body.plan;
    const milestone = plan.milestones.find((m: { id: string }) => m.id === milestoneId);
    return api.moveClock({ set: new Date(Date.parse(milestone.at) + 1000).toISOString() });
  })
  .extend('reconcile', ({ api, runtime }) => async () => {
    const event = { time: (await api.now()).toISOString() } as ScheduledEvent;
    await runtime.functions.reconcile(event, lambdaContext('reconcile'));
  })
  .extend('scheduler', ({ runtime }, { onCleanup }) => {
    const client = new SchedulerClient(localClientConfig(runtime.urls.scheduler));
    onCleanup(() => client.destroy());
    return client;
  })
  /*
   * Each test starts from a new service, yet follows on from the tests before it: it first replays their turns,
   * moving the clock as they did, so that every time falls where it fell for them.
   */
  .extend('replay', ({ api, start, days, passMilestone, registerAndConfirm }) => {
    const turns: [Turn, () => Promise<unknown>][] = [
      ['invitations', () => api.moveClock({ set: days(16) })],
      [
        'date moved',
        async () => {
          expect((await api.putReview('cal', reviewBody(start, 127))).status).toBe(200);
          await api.moveClock({ advanceBy: 'PT3M' });
        },
      ],
      ['week-before reminders', () => passMilestone('pre-1.reminder-7d')],
      [
        'late joiner',
        async () => {
          await registerAndConfirm('late@example.org', 'online', 'ar');
          await api.moveClock({ advanceBy: 'PT1H' });
        },
      ],
      ['hybrid materials', () => passMilestone('hybrid.materials')],
    ];
    return async (upTo: Turn) => {
      for (const [turn, play] of turns) {
        await play();
        if (turn === upTo) return;
      }
    };
  });

describe('meeting invitations carry a calendar invite that follows every change', () => {
  it('sends the invitation with joining details for each way of attending, and a REQUEST', async ({
    api,
    days,
    withSubject,
  }) => {
    await api.moveClock({ set: days(16) });
    const [invitation] = await withSubject('online@example.org', 'Invitation: Virtual pre-consultation');
    const firstInvite = calendarOf(invitation);
    expect(firstInvite).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      location: 'https://meet.example.org/pre-1',
    });
    expect(firstInvite.attendee.toLowerCase()).toBe('mailto:online@example.org');
    expect(invitation?.text).toContain('https://meet.example.org/pre-1');
    expect(invitation?.text).toMatch(/Interpretation is offered in.*English.*français.*русский/);
  });

  it('tells each holder once when the date changes, with the same UID and a higher SEQUENCE', async ({
    api,
    start,
    replay,
    withSubject,
    reconcile,
    scheduler,
  }) => {
    await replay('invitations');
    const firstInvite = calendarOf(
      (await withSubject('online@example.org', 'Invitation: Virtual pre-consultation'))[0],
    );
    expect((await api.putReview('cal', reviewBody(start, 127))).status).toBe(200);
    // The change's job is lost (a crash right after saving the review, say): the hourly reconcile brings it back.
    await scheduler.send(
      new DeleteScheduleCommand({ Name: 'change.cal.pre-1.1', GroupName: 'gcm-consultations' }),
    );
    await reconcile();
    await api.moveClock({ advanceBy: 'PT3M' });
    // Told once: the reconcile does not bring back a change whose round ran.
    await reconcile();
    const { Schedules } = await scheduler.send(
      new ListSchedulesCommand({ GroupName: 'gcm-consultations', NamePrefix: 'change.' }),
    );
    expect(Schedules).toEqual([]);
    const changed = await withSubject('online@example.org', 'New date: Virtual pre-consultation');
    expect(changed).toHaveLength(1);
    const update = calendarOf(changed[0]);
    expect(update.uid).toBe(firstInvite.uid);
    expect(update.sequence).toBe(1);
    expect(Date.parse(update.start) - Date.parse(firstInvite.start)).toBe(7 * 86_400_000);
    expect(await withSubject('inperson@example.org', 'New date: Virtual pre-consultation')).toHaveLength(1);
  });

  it('does not invite the holders again at the new invitation time, and the reminders follow the new date', async ({
    api,
    replay,
    withSubject,
  }) => {
    await replay('date moved');
    const plan = (await api.request('GET', '/admin/reviews/cal')).body.plan;
    const reminder = plan.milestones.find((m: { id: string }) => m.id === 'pre-1.reminder-7d');
    const step = await api.moveClock({ set: new Date(Date.parse(reminder.at) + 1000).toISOString() });
    expect(step.fired.map((f) => f.scheduledTime)).toContain(new Date(reminder.at).toISOString());
    expect(await withSubject('online@example.org', 'Invitation: Virtual pre-consultation')).toHaveLength(1);
    expect(
      await withSubject('online@example.org', 'Reminder: Virtual pre-consultation in 7 days'),
    ).toHaveLength(1);
  });

  it('gives a late joiner the invitation at once, and no reminder whose time has passed', async ({
    api,
    replay,
    registerAndConfirm,
    emails,
  }) => {
    await replay('week-before reminders');
    await registerAndConfirm('late@example.org', 'online', 'ar');
    const late = await emails('late@example.org');
    const invitation = late.find((e) => e.attachments.some((a) => a.contentType === 'text/calendar'));
    expect(calendarOf(invitation)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(invitation?.html).toContain('<html lang="ar" dir="rtl">');
    expect(late.filter((e) => e.attachments.some((a) => a.contentType === 'text/calendar'))).toHaveLength(1);
    await api.moveClock({ advanceBy: 'PT1H' });
    expect((await emails('late@example.org')).length).toBe(late.length);
  });

  it('lets a registrant stop reminders with one click (RFC 8058); opening the link changes nothing', async ({
    api,
    replay,
    withSubject,
  }) => {
    await replay('late joiner');
    const [reminder] = await withSubject('inperson@example.org', 'Reminder: ');
    expect(reminder?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const header = reminder?.headers['list-unsubscribe'] as string;
    const url = /<(http[^>]+)>/.exec(header)?.[1] as string;
    expect(header).toMatch(/<mailto:[^>]+>/);
    expect((await fetch(url)).status).toBe(200);
    await api.moveClock({ advanceBy: 'P6D' });
    expect(
      (await withSubject('inperson@example.org', 'Reminder: Virtual pre-consultation tomorrow')).length,
    ).toBe(1);

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const plan = (await api.request('GET', '/admin/reviews/cal')).body.plan;
    const materials = plan.milestones.find((m: { id: string }) => m.id === 'hybrid.materials');
    await api.moveClock({ set: new Date(Date.parse(materials.at) + 1000).toISOString() });
    expect(await withSubject('inperson@example.org', 'Materials published: Hybrid')).toHaveLength(0);
    expect(await withSubject('online@example.org', 'Materials published: Hybrid')).toHaveLength(1);
  });

  it('takes a meeting out of the calendar of a registrant who drops it from their registration', async ({
    api,
    replay,
    emails,
  }) => {
    await replay('hybrid materials');
    const mine = await emails('online@example.org');
    const hybridInvite = calendarOf(mine.find((e) => e.subject.startsWith('Invitation: Hybrid')));
    const manage = mine
      .map((e) => /manage\?token=([^\s&]+)/.exec(e.text ?? '')?.[1])
      .filter(Boolean)
      .at(-1) as string;
    const form = {
      token: decodeURIComponent(manage),
      meetings: ['pre-1'],
      attendanceMode: 'online',
      language: 'en',
    };
    expect((await api.request('POST', '/manage', { form })).status).toBe(200);
    const changed = (await emails('online@example.org')).at(-1);
    expect(changed?.subject).toMatch(/^Your registration was updated/);
    expect(calendarOf(changed)).toMatchObject({ method: 'CANCEL', uid: hybridInvite.uid });
    // Back again: the invitation comes at once, as to any late joiner.
    const back = { ...form, meetings: ['pre-1', 'hybrid'] };
    expect((await api.request('POST', '/manage', { form: back })).status).toBe(200);
    const again = (await emails('online@example.org')).filter((e) =>
      e.subject.startsWith('Invitation: Hybrid'),
    );
    expect(again).toHaveLength(2);
    expect(calendarOf(again[1])).toMatchObject({ method: 'REQUEST', uid: hybridInvite.uid });
    // Each later than the one before, so that calendar clients apply them in turn.
    expect(calendarOf(again[1]).sequence).toBeGreaterThan(calendarOf(changed).sequence);
    expect(calendarOf(changed).sequence).toBeGreaterThan(hybridInvite.sequence);
  });

  it('takes the meetings out of the calendar of a registrant who cancels', async ({
    api,
    replay,
    emails,
  }) => {
    await replay('hybrid materials');
    const late = await emails('late@example.org');
    const hybridInvite = calendarOf(
      late.find((e) => e.attachments.some((a) => a.content.includes('.hybrid.'))),
    );
    const manage = late
      .map((e) => /manage\?token=([^\s&]+)/.exec(e.text ?? '')?.[1])
      .filter(Boolean)
      .at(-1) as string;
    expect(
      (await api.request('POST', '/manage/cancel', { form: { token: decodeURIComponent(manage) } })).status,
    ).toBe(200);
    const cancellation = (await emails('late@example.org')).at(-1);
    expect(cancellation?.html).toContain('<html lang="ar" dir="rtl">');
    const cancel = calendarOf(cancellation);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: hybridInvite.uid });
    expect(cancel.sequence).toBeGreaterThan(hybridInvite.sequence);
  });

  it('sends one cancellation, METHOD:CANCEL with the same UID, when the review is cancelled, and nothing after', async ({
    api,
    replay,
    emails,
    withSubject,
  }) => {
    await replay('hybrid materials');
    expect((await api.request('DELETE', '/admin/reviews/cal')).status).toBe(200);
    await api.moveClock({ advanceBy: 'PT3M' });
    const cancelled = await withSubject('online@example.org', 'Cancelled: Hybrid');
    expect(cancelled).toHaveLength(1);
    expect(await withSubject('online@example.org', 'Cancelled: Virtual pre-consultation')).toEqual([]);
    const cancel = calendarOf(cancelled[0]);
    const [hybridInvite] = await withSubject('online@example.org', 'Invitation: Hybrid');
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: calendarOf(hybridInvite).uid });
    expect(cancel.sequence).toBeGreaterThan(calendarOf(hybridInvite).sequence);
    const count = (await emails('online@example.org')).length;
    await api.moveClock({ advanceBy: 'P60D' });
    expect((await emails('online@example.org')).length).toBe(count);
  });
});
