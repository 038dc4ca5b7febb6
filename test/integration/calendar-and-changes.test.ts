import { DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { reviewBody, type ServiceClient, startService } from '../support/local-service';

let runtime: LocalRuntime;
let api: ServiceClient;
let start: Date;

type Email = Awaited<ReturnType<ServiceClient['outbox']>>[number] & {
  headers: Record<string, string>;
  attachments: { contentType: string; content: string; encoding: string }[];
};

beforeAll(async () => {
  ({ runtime, client: api } = await startService());
  start = await api.now();
  const meetings = [
    { id: 'pre-1', kind: 'pre-consultation', joinUrl: 'https://meet.example.org/pre-1' },
    { id: 'hybrid', kind: 'hybrid-consultation', joinUrl: 'https://meet.example.org/hybrid' },
  ];
  expect((await api.putReview('cal', reviewBody(start, 120, { meetings }))).status).toBe(201);
  await registerAndConfirm('online@example.org', 'online');
  await registerAndConfirm('inperson@example.org', 'in-person');
});
afterAll(() => runtime?.close());

async function registerAndConfirm(email: string, attendanceMode: string, language = 'en') {
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
}

const emails = async (email: string) => (await api.outbox(email)) as Email[];
const withSubject = async (email: string, prefix: string) =>
  (await emails(email)).filter((e) => e.subject.startsWith(prefix));

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

async function reconcile() {
  const { handler } = await import('../../functions/reconcile/handler');
  await handler({ time: (await api.now()).toISOString() } as never, {} as never);
}

const days = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString();

describe('meeting invitations carry a calendar invite that follows every change', () => {
  let firstInvite: ReturnType<typeof calendarOf>;

  it('sends the invitation with joining details for each way of attending, and a REQUEST', async () => {
    await api.moveClock({ set: days(16) });
    const [invitation] = await withSubject('online@example.org', 'Invitation: Virtual pre-consultation');
    firstInvite = calendarOf(invitation);
    expect(firstInvite).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      location: 'https://meet.example.org/pre-1',
    });
    expect(firstInvite.attendee.toLowerCase()).toBe('mailto:online@example.org');
    expect(invitation?.text).toContain('https://meet.example.org/pre-1');
    expect(invitation?.text).toMatch(/Interpretation is offered in.*English.*français.*русский/);
  });

  it('tells each holder once when the date changes, with the same UID and a higher SEQUENCE', async () => {
    expect((await api.putReview('cal', reviewBody(start, 127))).status).toBe(200);
    // The change's job is lost (a crash right after saving the review, say): the hourly reconcile brings it back.
    const scheduler = new SchedulerClient({ endpoint: runtime.urls.scheduler });
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

  it('does not invite the holders again at the new invitation time, and the reminders follow the new date', async () => {
    const plan = (await api.request('GET', '/admin/reviews/cal')).body.plan;
    const reminder = plan.milestones.find((m: { id: string }) => m.id === 'pre-1.reminder-7d');
    const step = await api.moveClock({ set: new Date(Date.parse(reminder.at) + 1000).toISOString() });
    expect(step.fired.map((f) => f.scheduledTime)).toContain(new Date(reminder.at).toISOString());
    expect(await withSubject('online@example.org', 'Invitation: Virtual pre-consultation')).toHaveLength(1);
    expect(
      await withSubject('online@example.org', 'Reminder: Virtual pre-consultation in 7 days'),
    ).toHaveLength(1);
  });

  it('gives a late joiner the invitation at once, and no reminder whose time has passed', async () => {
    await registerAndConfirm('late@example.org', 'online', 'ar');
    const late = await emails('late@example.org');
    const invitation = late.find((e) => e.attachments.some((a) => a.contentType === 'text/calendar'));
    expect(calendarOf(invitation)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(invitation?.html).toContain('<html lang="ar" dir="rtl">');
    expect(late.filter((e) => e.attachments.some((a) => a.contentType === 'text/calendar'))).toHaveLength(1);
    await api.moveClock({ advanceBy: 'PT1H' });
    expect((await emails('late@example.org')).length).toBe(late.length);
  });

  it('lets a registrant stop reminders with one click (RFC 8058); opening the link changes nothing', async () => {
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

  it('takes a meeting out of the calendar of a registrant who drops it from their registration', async () => {
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

  it('takes the meetings out of the calendar of a registrant who cancels', async () => {
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

  it('sends one cancellation, METHOD:CANCEL with the same UID, when the review is cancelled, and nothing after', async () => {
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
