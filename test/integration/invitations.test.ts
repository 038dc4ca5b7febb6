import { lambdaContext } from '#local/api-gateway';
import { test as base, describe, expect } from '#test/support/fixtures';
import { ADMIN_TOKEN, reviewBody } from '#test/support/service-client';

const CSV = [
  'email,name,organisation,language',
  'amina@example.org,Amina Haddad,Migrant Forum,ar',
  'not-an-address,Nobody,,en',
  'jean@example.org,"Dupont, Jean",Syndicat,fr',
  'Amina@Example.org,Amina twice,,ar',
  'registered@example.org,Already Here,,en',
  'li@example.org,Li Wei,,zh',
].join('\n');

type ImportAnswer = { importId: string; total: number; skipped: { reason: string }[] };

/** Each test's service holds the review `invite`, four months ahead, with one person already registered. */
const it = base
  .extend('review', { auto: true }, async ({ api }) => {
    expect((await api.putReview('invite', reviewBody(await api.now(), 120))).status).toBe(201);
    await api.registerAndConfirm('invite', 'registered@example.org');
  })
  .extend(
    'upload',
    ({ runtime }) =>
      (reviewId: string, csv: string, contentType = 'text/csv') =>
        fetch(new URL(`/admin/reviews/${reviewId}/invitations`, runtime.apiUrl), {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
          body: csv,
        }),
  )
  .extend(
    'uploaded',
    ({ upload }) =>
      async (reviewId: string, csv: string) =>
        (await (await upload(reviewId, csv)).json()) as ImportAnswer,
  )
  // For the tests that start where the list's invitations have gone out.
  .extend('listInvited', ({ api, uploaded }) => async () => {
    await uploaded('invite', CSV);
    await api.moveClock({ advanceBy: 'PT2M' });
  });

describe('inviting a list of contacts', () => {
  it('answers at once with the lines refused and skipped, and how many will be invited', async ({
    api,
    upload,
  }) => {
    const answer = await upload('invite', CSV);
    expect(answer.status).toBe(202);
    const body = (await answer.json()) as ImportAnswer;
    expect(body).toMatchObject({
      total: 3,
      sent: 0,
      invalid: [{ line: 3, reason: 'email: not an email address' }],
      skipped: [
        { line: 5, email: 'Amina@Example.org', reason: 'duplicate of line 2' },
        { line: 6, email: 'registered@example.org', reason: 'already registered' },
      ],
    });
    expect(await api.outbox('amina@example.org')).toEqual([]);
  });

  it('sends the invitations a minute later, each in its language, and counts the progress', async ({
    api,
    uploaded,
  }) => {
    const { importId } = await uploaded('invite', CSV);
    await api.moveClock({ advanceBy: 'PT2M' });
    const progress = await api.request('GET', `/admin/reviews/invite/invitations/${importId}`);
    expect(progress.body).toMatchObject({ total: 3, sent: 3, failed: 0, finishedAt: expect.any(String) });
    const [arabic] = await api.outbox('amina@example.org');
    expect(arabic?.html).toContain('<html lang="ar" dir="rtl">');
    const [french] = await api.outbox('jean@example.org');
    expect(french?.subject).toMatch(/^Invitation à s’inscrire|^Invitation/);
    expect(await api.outbox('registered@example.org')).toHaveLength(2);
  });

  it('gives each contact a personal link that opens the form filled in', async ({ api, listInvited }) => {
    await listInvited();
    const [email] = await api.outbox('jean@example.org');
    const link = /(http\S+\/register\/invite\?\S+)/.exec(email?.text ?? '')?.[1] as string;
    const page = await fetch(link);
    const html = await page.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('value="Dupont, Jean"');
    expect(html).toContain('value="jean@example.org"');
    expect(html).toContain('value="Syndicat"');
    const altered = await fetch(link.replace(/invitation=[^&]+/, 'invitation=forged.token'));
    expect(await altered.text()).not.toContain('value="jean@example.org"');
  });

  it('invites nobody twice: the same file again is all skipped', async ({ listInvited, uploaded }) => {
    await listInvited();
    const body = await uploaded('invite', CSV);
    expect(body.total).toBe(0);
    expect(body.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'already invited',
      'already invited',
      'duplicate of line 2',
      'already registered',
      'already invited',
    ]);
  });

  it('carries a large file through, its progress counted to the end', async ({ api, uploaded }) => {
    const rows = Array.from({ length: 200 }, (_, i) => `person${i}@example.org,Person ${i},,en`);
    const body = await uploaded('invite', ['email,name', ...rows].join('\n'));
    expect(body.total).toBe(200);
    await api.moveClock({ advanceBy: 'PT2M' });
    const progress = await api.request('GET', `/admin/reviews/invite/invitations/${body.importId}`);
    expect(progress.body).toMatchObject({ total: 200, sent: 200, failed: 0 });
  });

  it('reminds once each invitee who neither registered nor opted out, in their language', async ({
    api,
    runtime,
    listInvited,
  }) => {
    await listInvited();
    await api.registerAndConfirm('invite', 'jean@example.org', 'Jean Dupont', 'fr');
    const [toLi] = await api.outbox('li@example.org');
    const optOut = /(http\S+\/unsubscribe\?token=[^\s>]+)/.exec(toLi?.text ?? '')?.[1] as string;
    expect((await fetch(optOut, { method: 'POST' })).status).toBe(200);
    const sentTo = async (email: string) => (await api.outbox(email)).length;
    const others = ['jean@example.org', 'li@example.org', 'registered@example.org'];
    const before = await Promise.all(others.map(sentTo));
    const toAmina = await sentTo('amina@example.org');

    const asked = await api.request('POST', '/admin/reviews/invite/invitations/reminders');
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ reviewId: 'invite', total: 1, sent: 0, failed: 0 });
    // Pressed twice within the minute: the same reminder.
    const again = await api.request('POST', '/admin/reviews/invite/invitations/reminders');
    expect(again.body.reminderId).toBe(asked.body.reminderId);
    await api.moveClock({ advanceBy: 'PT2M' });

    const amina = await api.outbox('amina@example.org');
    expect(amina).toHaveLength(toAmina + 1);
    const reminder = amina.at(-1);
    expect(reminder?.subject).toMatch(/^تذكير: دعوة إلى التسجيل/);
    expect(reminder?.html).toContain('<html lang="ar" dir="rtl">');
    expect(reminder?.text).toMatch(/\/register\/invite\?lang=ar&invitation=/);
    expect(await Promise.all(others.map(sentTo))).toEqual(before);

    // The job fires again (a retry): the reminder went out already.
    const firing = { round: 'invitation-reminder', reviewId: 'invite', reminderId: asked.body.reminderId };
    expect(await runtime.functions.milestone(firing, lambdaContext('milestone'))).toMatchObject({
      status: 'done',
      sent: 0,
    });
    expect(await sentTo('amina@example.org')).toBe(toAmina + 1);
    expect(
      await runtime.dependencies.store.invitationReminders.get('invite', asked.body.reminderId),
    ).toMatchObject({ total: 1, sent: 1, failed: 0, finishedAt: expect.any(String) });
  });

  it('refuses what it cannot take, saying why', async ({ runtime, upload }) => {
    expect((await upload('invite', CSV, 'application/json')).status).toBe(400);
    expect((await upload('nowhere', CSV)).status).toBe(404);
    const unreadable = await upload('invite', 'email,name\n"unclosed,x\n');
    expect(unreadable.status).toBe(422);
    expect(((await unreadable.json()) as { issues: { message: string }[] }).issues[0]?.message).toMatch(
      /cannot be read/,
    );
    const anonymous = await fetch(new URL('/admin/reviews/invite/invitations', runtime.apiUrl), {
      method: 'POST',
      body: CSV,
    });
    expect(anonymous.status).toBe(401);
  });
});
