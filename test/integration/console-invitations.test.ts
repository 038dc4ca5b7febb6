import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const CSV = [
  'email,name,organisation,language',
  'amina@example.org,Amina Haddad,Migrant Forum,ar',
  'not-an-address,Nobody,,en',
  'kofi@example.org,Kofi Mensah,,en',
  'registered@example.org,Already Here,,fr',
].join('\n');

const PAGE = '/console/reviews/africa-i/invitations';

/** Africa's review four months ahead, with one person registered; a global consultation Africa's focal point reads. */
const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const africa = reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' });
  expect((await api.putReview('africa-i', africa)).status).toBe(201);
  const global = {
    kind: 'global-consultation',
    title: 'Global consultation',
    regions: ['africa', 'lac'],
    date: new Date(start.getTime() + 50 * 86_400_000).toISOString().slice(0, 10),
    timeZone: 'UTC',
  };
  expect((await api.putReview('global-i', global)).status).toBe(201);
  await api.registerAndConfirm('africa-i', 'registered@example.org');
});

/** The upload form as a browser posts it: multipart, the file as a part of its own. */
function uploadForm(csrf: string, file?: string, pasted?: string) {
  const form = new FormData();
  form.append('csrf', csrf);
  form.append(
    'file',
    new Blob(file === undefined ? [] : [file], { type: 'text/csv' }),
    file ? 'contacts.csv' : '',
  );
  form.append('csv', pasted ?? '');
  return form;
}

describe('invitations in the console', () => {
  it('uploads a CSV file, shows each refused row, and follows the round to its end', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const review = await (await browser.go('/console/reviews/africa-i')).text();
    expect(review).toContain(`href="${PAGE}?lang=en"`);
    const empty = await (await browser.go(PAGE)).text();
    expect(empty).toContain(`<form method="post" action="${PAGE}?lang=en" enctype="multipart/form-data">`);
    expect(empty).toContain('<input type="file" id="contacts-file" name="file" accept=".csv,text/csv"');
    expect(empty).toContain('No list of contacts uploaded yet.');
    expect(empty).not.toContain('http-equiv="refresh"');

    const forged = await browser.go(PAGE, { method: 'POST', body: uploadForm('guessed', CSV) });
    expect(forged.status).toBe(403);
    const uploaded = await browser.go(PAGE, { method: 'POST', body: uploadForm(csrfOf(empty), CSV) });
    expect(uploaded.status).toBe(303);
    const location = uploaded.headers.get('location') as string;
    expect(location).toMatch(
      /^\/console\/reviews\/africa-i\/invitations\?lang=en&upload=[0-9a-z]{9}[0-9a-f]{6}$/,
    );

    const waiting = await (await browser.go(location)).text();
    expect(waiting).toContain('<meta http-equiv="refresh" content="10"/>');
    expect(waiting).toContain(`<a href="${PAGE}?lang=en&amp;follow=no">Stop reloading</a>`);
    expect(waiting).toMatch(/<progress id="checked-[0-9a-z]{9}[0-9a-f]{6}" max="3" value="0"/);
    expect(waiting).toContain('0 of 3 rows checked, 0 to invite');
    expect(waiting).toContain('0 of 0 sent, 0 failed · waiting to start');
    expect(waiting).toContain('<details open><summary>Rows refused (1) and skipped (0)</summary>');
    expect(waiting).toContain('<span lang="en" dir="ltr">email: not an email address</span>');
    const still = await (await browser.go(`${PAGE}?lang=en&follow=no`)).text();
    expect(still).not.toContain('http-equiv="refresh"');

    // A minute or two later its rows are checked; the emails go out in the job after.
    await api.moveClock({ advanceBy: 'PT2M' });
    const checked = await (await browser.go(location)).text();
    expect(checked).toContain('<meta http-equiv="refresh" content="10"/>');
    expect(checked).toMatch(/<progress id="checked-[0-9a-z]{9}[0-9a-f]{6}" max="3" value="3"/);
    expect(checked).toContain('3 of 3 rows checked, 2 to invite');
    expect(checked).toContain('0 of 2 sent, 0 failed · waiting to start');
    expect(checked).toContain('<details open><summary>Rows refused (1) and skipped (1)</summary>');
    expect(checked).toContain('<span lang="en" dir="ltr">already registered</span>');

    await api.moveClock({ advanceBy: 'PT2M' });
    const done = await (await browser.go(location)).text();
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toMatch(/max="2" value="2"/);
    expect(done).toContain('2 of 2 sent, 0 failed · finished');
    expect(await api.outbox('amina@example.org')).toHaveLength(1);

    const [entry] = await api.request('GET', '/admin/reviews/africa-i/audit').then((a) => a.body.entries);
    expect(entry).toMatchObject({
      actor: { email: 'africa-focal@example.org' },
      action: 'POST /console/reviews/{reviewId}/invitations',
    });
  });

  it('takes the CSV pasted instead of a file, and says what is missing when there is neither', async ({
    api,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const csrf = csrfOf(await (await browser.go(PAGE)).text());
    const nothing = await browser.go(PAGE, { method: 'POST', body: uploadForm(csrf) });
    expect(nothing.status).toBe(422);
    expect(await nothing.text()).toContain('Choose a CSV file, or paste the CSV.');
    const headless = await browser.go(PAGE, {
      method: 'POST',
      body: uploadForm(csrf, undefined, 'a,b\n1,2'),
    });
    expect(headless.status).toBe(422);
    const page = await headless.text();
    expect(page).toContain('the header row must name the columns');
    expect(page).toMatch(/>a,b\r?\n1,2<\/textarea>/);

    const pasted = await browser.go(PAGE, { method: 'POST', body: uploadForm(csrf, undefined, CSV) });
    expect(pasted.status).toBe(303);
    await api.moveClock({ advanceBy: 'PT4M' });
    expect(await api.outbox('kofi@example.org')).toHaveLength(1);
  });

  it('reminds the invitees who have not registered, once, from its button', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const csrf = csrfOf(await (await browser.go(PAGE)).text());
    await browser.go(PAGE, { method: 'POST', body: uploadForm(csrf, CSV) });
    await api.moveClock({ advanceBy: 'PT4M' });
    await api.registerAndConfirm('africa-i', 'kofi@example.org', 'Kofi Mensah');

    const page = await (await browser.go(PAGE)).text();
    expect(page).toContain('1 invitee has not registered yet.');
    expect(page).toContain(`<form method="post" action="${PAGE}/reminders?lang=en">`);
    const reminded = await browser.post(`${PAGE}/reminders?lang=en`, { csrf });
    expect([reminded.status, reminded.headers.get('location')]).toEqual([303, `${PAGE}?lang=en`]);
    const waiting = await (await browser.go(PAGE)).text();
    expect(waiting).toContain('http-equiv="refresh"');
    expect(waiting).toMatch(/<label for="reminder-\d{12}">Reminder of /);

    await api.moveClock({ advanceBy: 'PT2M' });
    const amina = await api.outbox('amina@example.org');
    expect(amina.map((e) => e.subject)).toEqual([
      expect.stringMatching(/^دعوة إلى التسجيل/),
      expect.stringMatching(/^تذكير: دعوة إلى التسجيل/),
    ]);
    expect((await api.outbox('kofi@example.org')).map((e) => e.subject)).not.toContainEqual(
      expect.stringMatching(/^Reminder/),
    );
    const done = await (await browser.go(PAGE)).text();
    expect(done).toContain('1 of 1 sent, 0 failed · finished');
    expect(done).not.toContain('http-equiv="refresh"');
  });

  it('shows the uploads ten to a page, the latest first, and counts the invitees of all', async ({
    api,
    runtime,
  }) => {
    for (let n = 1; n <= 12; n++) {
      const csv = `email,name\ncontact${n}@example.org,Contact ${n}`;
      const upload = await api.request('POST', '/admin/reviews/africa-i/invitations', {
        raw: { type: 'text/csv', text: csv },
      });
      expect(upload.status).toBe(202);
      await api.moveClock({ advanceBy: 'PT1M' });
    }
    // Each upload's rows are checked in the background a minute or two later.
    await api.moveClock({ advanceBy: 'PT2M' });
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const first = await (await browser.go(`${PAGE}?follow=no`)).text();
    const headings = (page: string) =>
      [...page.matchAll(/<h3 id="upload-([^"]+)"/g)].map((match) => match[1] as string);
    const firstIds = headings(first);
    expect(firstIds).toHaveLength(10);
    expect(firstIds).toEqual([...firstIds].sort().reverse());
    expect(first).toContain('12 invitees have not registered yet.');
    expect(await runtime.dependencies.store.invitations.invitedInAll('africa-i')).toBe(12);
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&') as string;
    expect(next).toMatch(new RegExp(`^${PAGE}\\?lang=en&cursor=`));
    const second = await (await browser.go(next)).text();
    const secondIds = headings(second);
    expect(secondIds).toHaveLength(2);
    expect(secondIds.every((id) => id < (firstIds.at(-1) as string))).toBe(true);
    expect(second).not.toContain('rel="next"');
    expect(second).toContain(`<a href="${PAGE}?lang=en">First page</a>`);
    const refused = await browser.go(`${PAGE}?cursor=not-a-cursor`);
    expect(refused.status).toBe(422);
    // A page, in the console's language, not the API's JSON.
    const said = await refused.text();
    expect(said).toContain('<h1>This page cannot be shown as asked</h1>');
    expect(said).toContain('cursor: not a cursor of this listing');
  });

  it('shows the forms only to who may change the review, and nothing of another region', async ({ api }) => {
    const africa = new Browser(api.baseUrl);
    await africa.signIn('africa-focal@example.org', ['region-africa']);
    const global = await africa.go('/console/reviews/global-i/invitations');
    expect(global.status).toBe(200);
    const readOnly = await global.text();
    expect(readOnly).not.toContain('<form method="post" action="/console/reviews/global-i');
    const csrf = csrfOf(readOnly);
    const refused = await africa.go('/console/reviews/global-i/invitations', {
      method: 'POST',
      body: uploadForm(csrf, CSV),
    });
    expect(refused.status).toBe(403);
    expect((await africa.post('/console/reviews/global-i/invitations/reminders', { csrf })).status).toBe(403);

    const europe = new Browser(api.baseUrl);
    await europe.signIn('europe-focal@example.org', ['region-europe']);
    expect((await europe.go(PAGE)).status).toBe(403);
  });
});
