import { formatDateSpec } from '#domain/date-spec';
import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  expect((await api.putReview('europe-c', reviewBody(start, 120))).status).toBe(201);
  const africa = reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' });
  expect((await api.putReview('africa-c', africa)).status).toBe(201);
  return start;
});

/** A day some days after `from`, as the secretariat writes it: "29 March 2027". */
const dayAfter = (from: Date, days: number) =>
  formatDateSpec({
    kind: 'exact',
    date: new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10),
    tentative: false,
  });

const decoded = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decoded(value);
};

/** What a browser would post from the page's review form as it stands: its fields, boxes ticked, options chosen. */
function formFields(html: string): URLSearchParams {
  const form = /<form id="review-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const fields = new URLSearchParams();
  const pattern = /<input[^>]*>|<select[^>]*>[\s\S]*?<\/select>|<textarea[^>]*>[\s\S]*?<\/textarea>/g;
  for (const [tag] of form.matchAll(pattern)) {
    const name = attribute(tag, 'name');
    if (!name) continue;
    if (tag.startsWith('<select')) {
      const options = [...tag.matchAll(/<option[^>]*>/g)].map(([option]) => option);
      const chosen = options.find((option) => / selected/.test(option)) ?? options[0] ?? '';
      fields.append(name, attribute(chosen, 'value') ?? '');
    } else if (tag.startsWith('<textarea'))
      fields.append(name, decoded(/>([\s\S]*)<\/textarea>/.exec(tag)?.[1] ?? ''));
    else if (!/type="(checkbox|radio)"/.test(tag) || / checked/.test(tag))
      fields.append(name, attribute(tag, 'value') ?? '');
  }
  return fields;
}

const post = (browser: Browser, path: string, fields: URLSearchParams) =>
  browser.go(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });

/** The new review form of a signed-in person, filled in with `fields`. */
async function newReviewForm(browser: Browser, fields: Record<string, string>) {
  const page = await (await browser.go('/console/reviews/new')).text();
  const form = formFields(page);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe('the console’s review editor', () => {
  it('previews a new review’s plan without saving it, then saves it and schedules its jobs', async ({
    api,
    runtime,
    records: start,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const dashboard = await (await browser.go('/console')).text();
    expect(dashboard).toContain('href="/console/reviews/new?lang=en"');
    const form = await newReviewForm(browser, {
      reviewId: 'africa-n',
      date: dayAfter(start, 150),
      timeZone: 'Africa/Nairobi',
      venue: 'UN Office at Nairobi',
    });
    expect(form.get('region')).toBe('africa');

    form.set('intent', 'preview');
    const preview = await post(browser, '/console/reviews/new', form);
    expect(preview.status).toBe(200);
    const previewed = await preview.text();
    expect(previewed).toContain('<h2 id="preview-heading">The plan, if saved</h2>');
    expect(previewed).toContain('<bdi>pre-1.invitation</bdi>');
    expect(previewed).toContain('To be scheduled');
    expect(previewed).toContain('value="UN Office at Nairobi"');
    expect((await api.request('GET', '/admin/reviews/africa-n')).status).toBe(404);
    expect(await runtime.dependencies.store.audit.list('review:africa-n')).toEqual([]);

    const again = formFields(previewed);
    again.set('intent', 'save');
    const saved = await post(browser, '/console/reviews/new', again);
    expect([saved.status, saved.headers.get('location')]).toEqual([303, '/console/reviews/africa-n?lang=en']);
    const { body } = await api.request('GET', '/admin/reviews/africa-n');
    expect(body.review).toMatchObject({ region: 'africa', venue: 'UN Office at Nairobi', version: 1 });
    expect(body.schedules.map((s: { milestoneId: string }) => s.milestoneId)).toContain('hybrid.reminder-1d');
    const [created, ...more] = await runtime.dependencies.store.audit.list('review:africa-n');
    expect(more).toEqual([]);
    expect(created).toMatchObject({
      actor: { email: 'africa-focal@example.org' },
      action: 'POST /console/reviews/new',
      target: { reviewId: 'africa-n' },
      after: { region: 'africa', venue: 'UN Office at Nairobi' },
    });
    const page = await (await browser.go('/console/reviews/africa-n')).text();
    expect(page).toContain('Scheduled');
    expect(page).toContain('POST /console/reviews/new');
  });

  it('edits a review as kept: unchanged it stays the same, a meeting added or removed moves its jobs', async ({
    api,
    records: start,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const reviewPage = await (await browser.go('/console/reviews/africa-c')).text();
    expect(reviewPage).toContain('href="/console/reviews/africa-c/edit?lang=en"');
    const kept = (await api.request('GET', '/admin/reviews/africa-c')).body.review;

    const unchanged = formFields(await (await browser.go('/console/reviews/africa-c/edit')).text());
    unchanged.set('intent', 'save');
    expect((await post(browser, '/console/reviews/africa-c/edit', unchanged)).status).toBe(303);
    const same = (await api.request('GET', '/admin/reviews/africa-c')).body.review;
    const { version: _v1, updatedAt: _u1, ...before } = kept;
    const { version, updatedAt: _u2, ...after } = same;
    expect([version, after]).toEqual([2, before]);

    const form = formFields(await (await browser.go('/console/reviews/africa-c/edit')).text());
    for (const [name, value] of Object.entries({
      'meetings[0].id': 'pre-1',
      'meetings[0].kind': 'pre-consultation',
      'meetings[1].id': 'hybrid',
      'meetings[1].kind': 'hybrid-consultation',
      'meetings[2].id': 'labour',
      'meetings[2].kind': 'consultation',
      'meetings[2].title': 'Labour migration',
      'meetings[2].date': dayAfter(start, 60),
      intent: 'save',
    }))
      form.set(name, value);
    expect((await post(browser, '/console/reviews/africa-c/edit', form)).status).toBe(303);
    const added = (await api.request('GET', '/admin/reviews/africa-c')).body;
    expect(added.review.meetings.map((m: { id: string }) => m.id)).toEqual(['pre-1', 'hybrid', 'labour']);
    const jobs = (view: { schedules: { milestoneId: string }[] }) => view.schedules.map((s) => s.milestoneId);
    expect(jobs(added)).toContain('labour.invitation');

    const removing = formFields(await (await browser.go('/console/reviews/africa-c/edit')).text());
    expect(removing.get('meetings[2].title')).toBe('Labour migration');
    removing.set('meetings[2].remove', 'yes');
    removing.set('intent', 'save');
    expect((await post(browser, '/console/reviews/africa-c/edit', removing)).status).toBe(303);
    const removed = (await api.request('GET', '/admin/reviews/africa-c')).body;
    // Back to the usual meetings, which are left to the review again.
    expect(removed.review.meetings).toBeUndefined();
    expect(removed.plan.meetings.map((m: { id: string }) => m.id)).toEqual(['pre-1', 'hybrid']);
    expect(jobs(removed)).not.toContain('labour.invitation');
  });

  it('answers 422 with each problem beside its field and what was typed kept, saving nothing', async ({
    api,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const form = formFields(await (await browser.go('/console/reviews/europe-c/edit')).text());
    form.set('date', 'some day in spring');
    form.set('timeZone', 'Mars/Olympus');
    form.set('meetings[0].id', 'Pre One');
    form.set('meetings[0].kind', 'pre-consultation');
    form.set('meetings[0].capacity', 'ten');
    form.set('intent', 'save');
    const refused = await post(browser, '/console/reviews/europe-c/edit', form);
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain(
      '<p class="error" id="date-error">\u2066&quot;some day in spring&quot; is not a date this service reads',
    );
    expect(page).toContain('value="some day in spring"');
    expect(page).toContain('value="Mars/Olympus"');
    expect(page).toContain('id="timeZone" name="timeZone" value="Mars/Olympus" dir="ltr"');
    expect(page).toContain('id="timeZone-error">\u2066must be an IANA time zone');
    expect(page).toContain('<p class="error" id="meetings-0-id-error">\u2066must be 1-10 lowercase letters');
    expect(page).toContain('id="meetings-0-capacity-error"');
    expect(page).toContain('href="#meetings-0-id"');
    expect(page).toContain('aria-invalid="true"');
    const { review } = (await api.request('GET', '/admin/reviews/europe-c')).body;
    expect([review.version, review.meetings]).toEqual([1, undefined]);

    const taken = await newReviewForm(browser, {
      reviewId: 'europe-c',
      date: '2027',
      timeZone: 'Europe/Zurich',
      intent: 'save',
    });
    const clash = await post(browser, '/console/reviews/new', taken);
    expect(clash.status).toBe(422);
    expect(await clash.text()).toContain('&quot;europe-c&quot; is another review’s id already');
  });

  it('tells who saves over a change made since the form was opened, keeping what they typed', async ({
    api,
    records: start,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const form = formFields(await (await browser.go('/console/reviews/europe-c/edit')).text());
    expect(form.get('version')).toBe('1');
    const moved = reviewBody(start, 130, { venue: 'Vienna International Centre' });
    expect((await api.putReview('europe-c', moved)).status).toBe(200);
    form.set('title', 'Europe and North America');
    form.set('intent', 'save');
    const stale = await post(browser, '/console/reviews/europe-c/edit', form);
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Someone changed this review after you opened this form');
    expect(page).toContain('value="Europe and North America"');
    expect((await api.request('GET', '/admin/reviews/europe-c')).body.review.venue).toBe(
      'Vienna International Centre',
    );
    const again = formFields(page);
    expect(again.get('version')).toBe('2');
    again.set('intent', 'save');
    expect((await post(browser, '/console/reviews/europe-c/edit', again)).status).toBe(303);
    expect((await api.request('GET', '/admin/reviews/europe-c')).body.review.title).toBe(
      'Europe and North America',
    );
  });

  it('lets a focal point change and create their own region’s reviews only', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    expect((await browser.go('/console/reviews/africa-c/edit')).status).toBe(403);
    const own = await (await browser.go('/console/reviews/europe-c/edit')).text();
    expect(own).toContain('<option value="europe" selected>Europe</option>');
    expect(own).not.toContain('<option value="africa"');
    const csrf = csrfOf(own);
    const theirs = await browser.post('/console/reviews/africa-c/edit', {
      csrf,
      intent: 'save',
      kind: 'regional-review',
      region: 'africa',
      date: '2027',
      timeZone: 'Africa/Nairobi',
    });
    expect(theirs.status).toBe(403);
    const moving = formFields(own);
    moving.set('region', 'africa');
    moving.set('intent', 'save');
    expect((await post(browser, '/console/reviews/europe-c/edit', moving)).status).toBe(403);
    const elsewhere = await newReviewForm(browser, {
      reviewId: 'africa-x',
      region: 'africa',
      date: '2027',
      timeZone: 'Africa/Nairobi',
      intent: 'preview',
    });
    expect((await post(browser, '/console/reviews/new', elsewhere)).status).toBe(403);
    elsewhere.set('region', 'europe');
    elsewhere.set('reviewId', 'europe-x');
    elsewhere.set('intent', 'save');
    expect((await post(browser, '/console/reviews/new', elsewhere)).status).toBe(303);
    const { review } = (await api.request('GET', '/admin/reviews/africa-c')).body;
    expect(review.version).toBe(1);
    expect((await api.request('GET', '/admin/reviews/africa-x')).status).toBe(404);
  });

  it('refuses a form without the session’s own token, saving nothing', async ({ api }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const form = await newReviewForm(browser, {
      reviewId: 'europe-t',
      date: '2027',
      timeZone: 'Europe/Zurich',
      intent: 'save',
    });
    form.delete('csrf');
    expect((await post(browser, '/console/reviews/new', form)).status).toBe(403);
    form.set('csrf', 'guessed');
    const stale = await post(browser, '/console/reviews/europe-c/edit', form);
    expect(stale.status).toBe(403);
    // Not the page of another region's records: the form itself is at fault, and what to do about it is said.
    const said = await stale.text();
    expect(said).toContain('<h1>This form has expired</h1>');
    expect(said).toContain('reload the page and send the form again');
    expect((await api.request('GET', '/admin/reviews/europe-t')).status).toBe(404);
    expect((await api.request('GET', '/admin/reviews/europe-c')).body.review.version).toBe(1);
  });
});
