import { lambdaContext } from '#local/api-gateway';
import { nextMinuteButOne } from '#scheduling/job-names';
import { Browser } from '#test/support/console-browser';
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

type ImportAnswer = {
  importId: string;
  createdAt: string;
  total: number;
  skipped: { line: number; reason: string }[];
};

/**
 * The upload's job checks its rows a minute or two after it; the emails go out in the job it schedules, at the next
 * minute but one after it ran (a moment after its own minute began).
 */
const checkedAt = (upload: { createdAt: string }) => nextMinuteButOne(new Date(upload.createdAt));
const sentAt = (upload: { createdAt: string }) =>
  new Date(Date.parse(checkedAt(upload)) + 2 * 60_000).toISOString();

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
    await api.moveClock({ set: sentAt(await uploaded('invite', CSV)) });
  });

describe('inviting a list of contacts', () => {
  it('answers at once with the lines refused and the duplicates, then checks the rows in the background', async ({
    api,
    upload,
  }) => {
    const answer = await upload('invite', CSV);
    expect(answer.status).toBe(202);
    const body = (await answer.json()) as ImportAnswer;
    expect(body).toMatchObject({
      rows: 4,
      processed: 0,
      total: 0,
      sent: 0,
      invalid: [{ line: 3, reason: 'email: not an email address' }],
      invalidCount: 1,
      skipped: [{ line: 5, email: 'Amina@Example.org', reason: 'duplicate of line 2' }],
      skippedCount: 1,
    });

    await api.moveClock({ set: checkedAt(body) });
    const checked = await api.request('GET', `/admin/reviews/invite/invitations/${body.importId}`);
    expect(checked.body).toMatchObject({
      rows: 4,
      processed: 4,
      total: 3,
      sent: 0,
      skipped: [
        { line: 5, email: 'Amina@Example.org', reason: 'duplicate of line 2' },
        { line: 6, email: 'registered@example.org', reason: 'already registered' },
      ],
      skippedCount: 2,
    });
    expect(checked.body.finishedAt).toBeUndefined();
    expect(await api.outbox('amina@example.org')).toEqual([]);
  });

  it('sends the invitations once the rows are checked, each in its language, and counts the progress', async ({
    api,
    uploaded,
  }) => {
    const upload = await uploaded('invite', CSV);
    await api.moveClock({ set: sentAt(upload) });
    const progress = await api.request('GET', `/admin/reviews/invite/invitations/${upload.importId}`);
    expect(progress.body).toMatchObject({ total: 3, sent: 3, failed: 0, finishedAt: expect.any(String) });
    const [arabic] = await api.outbox('amina@example.org');
    expect(arabic?.html).toContain('<html lang="ar" dir="rtl">');
    const [french] = await api.outbox('jean@example.org');
    expect(french?.subject).toMatch(/^Invitation à s’inscrire|^Invitation/);
    expect(await api.outbox('registered@example.org')).toHaveLength(2);
  });

  it("names its jobs within the Scheduler's 64 characters for a review id of the longest", async ({
    api,
    uploaded,
  }) => {
    const reviewId = 'a-review-id-of-thirty-two-chars1';
    expect(reviewId).toHaveLength(32);
    expect((await api.putReview(reviewId, reviewBody(await api.now(), 120))).status).toBe(201);
    const upload = await uploaded(reviewId, CSV);
    await api.moveClock({ set: sentAt(upload) });
    const progress = await api.request('GET', `/admin/reviews/${reviewId}/invitations/${upload.importId}`);
    expect(progress.body).toMatchObject({ total: 4, sent: 4, finishedAt: expect.any(String) });
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

  it('invites nobody twice: the same file again is all skipped', async ({ api, listInvited, uploaded }) => {
    await listInvited();
    const upload = await uploaded('invite', CSV);
    const fired = await api.moveClock({ set: sentAt(upload) });
    expect(fired.fired).toHaveLength(1);
    const body = (await api.request('GET', `/admin/reviews/invite/invitations/${upload.importId}`)).body;
    expect(body).toMatchObject({ rows: 4, processed: 4, total: 0, finishedAt: expect.any(String) });
    expect(body.skipped.sort((a: { line: number }, b: { line: number }) => a.line - b.line)).toEqual([
      { line: 2, email: 'amina@example.org', reason: 'already invited' },
      { line: 4, email: 'jean@example.org', reason: 'already invited' },
      { line: 5, email: 'Amina@Example.org', reason: 'duplicate of line 2' },
      { line: 6, email: 'registered@example.org', reason: 'already registered' },
      { line: 7, email: 'li@example.org', reason: 'already invited' },
    ]);
  });

  it('carries a large file through, its progress counted to the end', async ({ api, uploaded }) => {
    const rows = Array.from({ length: 200 }, (_, i) => `person${i}@example.org,Person ${i},,en`);
    const body = await uploaded('invite', ['email,name', ...rows].join('\n'));
    await api.moveClock({ set: sentAt(body) });
    const progress = await api.request('GET', `/admin/reviews/invite/invitations/${body.importId}`);
    expect(progress.body).toMatchObject({ rows: 200, processed: 200, total: 200, sent: 200, failed: 0 });
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

  it('records and sends nothing twice when the steps of an upload fire again', async ({
    api,
    runtime,
    uploaded,
  }) => {
    const upload = await uploaded('invite', CSV);
    const firing = { round: 'invitations', reviewId: 'invite', importId: upload.importId };
    await api.moveClock({ set: checkedAt(upload) });
    const checked = (await api.request('GET', `/admin/reviews/invite/invitations/${upload.importId}`)).body;
    // The job fires again (a retry), and again once the emails went out: each contact counted and sent to once.
    const again = await runtime.functions.milestone(firing, lambdaContext('milestone'));
    expect(again).toMatchObject({ status: 'done', sent: 3 });
    await api.moveClock({ set: sentAt(upload) });
    expect(await runtime.functions.milestone(firing, lambdaContext('milestone'))).toMatchObject({
      status: 'done',
      sent: 0,
      skipped: 3,
    });
    const progress = await api.request('GET', `/admin/reviews/invite/invitations/${upload.importId}`);
    expect(progress.body).toMatchObject({ ...checked, sent: 3, finishedAt: expect.any(String) });
    for (const email of ['amina@example.org', 'jean@example.org', 'li@example.org'])
      expect(await api.outbox(email)).toHaveLength(1);
  });

  it('takes 20,000 contacts at once, then checks and records them in the background, counting its progress', {
    timeout: 120_000,
  }, async ({ api, runtime, runtimeLog, upload }) => {
    const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `contact${i}@example.org,Contact ${i},Organisation ${i % 50},${languages[i % 6]}`,
    );
    const csv = ['email,name,organisation,language', ...rows, 'registered@example.org,Here,,en'].join('\n');
    const started = Date.now();
    const answer = await upload('invite', csv);
    // The local gateway, as API Gateway and Lambda would, answers 500 past the function's 10 seconds.
    expect(answer.status).toBe(202);
    const uploadMs = Date.now() - started;
    const body = (await answer.json()) as ImportAnswer;
    expect(body).toMatchObject({ rows: 20_001, processed: 0, total: 0, sent: 0, invalidCount: 0 });

    const progressOf = async () =>
      (await api.request('GET', `/admin/reviews/invite/invitations/${body.importId}`)).body;
    const seen: number[] = [];
    let checking = true;
    const following = (async () => {
      while (checking) {
        seen.push((await progressOf()).processed);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const checkingStarted = Date.now();
    const fired = await api.moveClock({ set: checkedAt(body) });
    const checkingMs = Date.now() - checkingStarted;
    checking = false;
    await following;
    expect(fired.fired).toMatchObject([{ ok: true }]);
    expect(seen.some((processed) => processed > 0 && processed < 20_001)).toBe(true);
    expect(await progressOf()).toMatchObject({
      rows: 20_001,
      processed: 20_001,
      total: 20_000,
      sent: 0,
      skipped: [{ line: 20_002, email: 'registered@example.org', reason: 'already registered' }],
      skippedCount: 1,
    });
    const invited = await runtime.dependencies.store.invitations.invitedBy('invite');
    expect(invited.size).toBe(20_000);
    expect(new Set(invited.values())).toEqual(new Set([body.importId]));
    // The console's page of the upload, which reloads itself while the emails go out, answers within its time.
    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    const pageStarted = Date.now();
    const page = await browser.go(`/console/reviews/invite/invitations?lang=en&upload=${body.importId}`);
    const pageMs = Date.now() - pageStarted;
    // What went wrong, if anything: the functions' error lines.
    expect([page.status, runtimeLog.filter((line) => /\] ERROR /.test(line))]).toEqual([200, []]);
    const html = await page.text();
    expect(html).toMatch(/<progress id="checked-[0-9a-z]{9}[0-9a-f]{6}" max="20001" value="20001"/);
    expect(html).toContain('<meta http-equiv="refresh" content="10"/>');
    // Too many to count whom a reminder would reach within the page's time: the reminder round finds them.
    expect(html).toContain('20,000 invitees in all: a reminder goes to those who have not registered');
    expect(html).toContain('Send a reminder to those who have not registered');

    // The sending job with less than a minute left, as at the end of an invocation: it sends its first page, and
    // the rest goes on in a continuation. Those 200 each get their invitation once.
    const sendingStarted = Date.now();
    const sending = await runtime.functions.milestone(
      { round: 'invitations', reviewId: 'invite', importId: body.importId },
      lambdaContext('milestone', 59_000),
    );
    expect(sending).toMatchObject({ status: 'done', sent: 200, next: expect.any(Object) });
    const sendingMs = Date.now() - sendingStarted;
    const outbox = await api.outbox();
    const recipients = outbox.flatMap((email) => email.to).filter((to) => to.startsWith('contact'));
    expect(new Set(recipients).size).toBe(200);
    expect(recipients).toHaveLength(200);
    expect(await progressOf()).toMatchObject({ total: 20_000, sent: 200 });
    console.log(
      `20,000 contacts: upload answered in ${uploadMs} ms, checked and recorded in ${checkingMs} ms, ` +
        `the console's page in ${pageMs} ms, the first 200 sent in ${sendingMs} ms`,
    );
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
