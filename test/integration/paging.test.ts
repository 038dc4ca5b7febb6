import { nextMinuteButOne } from '#scheduling/job-names';
import { Browser } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { oneLetterChanged } from '#test/support/reliability/bad-inputs/rows';
import {
  confirmedBriefingRequest,
  reviewBody,
  type ServiceClient,
  sendAndConfirmContribution,
} from '#test/support/service-client';

/** Every page of a listing, following `next`: the pages' item counts, and all their items. */
async function allPages(api: ServiceClient, path: string, name: string) {
  const sizes: number[] = [];
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api.request('GET', `${path}${cursor ? `${separator}cursor=${cursor}` : ''}`);
    expect(answer.status).toBe(200);
    sizes.push(answer.body[name].length);
    items.push(...answer.body[name]);
    cursor = answer.body.next;
  } while (cursor);
  return { sizes, items };
}

/** An upload of contacts, its rows checked and its invitations sent: a round of `count` deliveries. */
async function invitationRound(api: ServiceClient, reviewId: string, count: number, first = 0) {
  const rows = Array.from({ length: count }, (_, i) => `contact${first + i}@example.org,Contact ${i}`);
  const upload = await api.request('POST', `/admin/reviews/${reviewId}/invitations`, {
    raw: { type: 'text/csv', text: ['email,name', ...rows].join('\n') },
  });
  expect(upload.status).toBe(202);
  const checkedAt = nextMinuteButOne(new Date(upload.body.createdAt));
  await api.moveClock({ set: new Date(Date.parse(checkedAt) + 2 * 60_000).toISOString() });
  return { milestoneId: `invitations.${upload.body.importId}`, at: upload.body.createdAt as string };
}

/** Sends the contribution form and its emailed link's button, as a person would. */
async function contribute(api: ServiceClient, reviewId: string, email: string) {
  const confirmed = await sendAndConfirmContribution(api, reviewId, email, {
    title: `Contribution of ${email}`,
  });
  expect(confirmed.status).toBe(200);
}

/** The review `paging`, four months ahead. */
const it = test.extend('review', { auto: true }, async ({ api }) => {
  expect((await api.putReview('paging', reviewBody(await api.now(), 120))).status).toBe(201);
});

describe('the admin listings, a page at a time', () => {
  it('page a round’s delivery report, its counts over the whole round, in the API and the console', async ({
    api,
  }) => {
    const round = await invitationRound(api, 'paging', 120);
    const path = `/admin/reviews/paging/deliveries/${round.milestoneId}?at=${round.at}&limit=50`;
    const first = await api.request('GET', path);
    expect(first.body).toMatchObject({ total: 120, counts: { sent: 120 } });
    const { sizes, items } = await allPages(api, path, 'deliveries');
    expect(sizes).toEqual([50, 50, 20]);
    const recipients = items.map((delivery) => delivery.recipient as string);
    expect(new Set(recipients).size).toBe(120);
    expect(recipients).toEqual([...recipients].sort());

    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    const query = new URLSearchParams({
      milestone: round.milestoneId,
      at: round.at,
      lang: 'en',
      limit: '50',
    });
    const page = await (await browser.go(`/console/reviews/paging/messages/round?${query}`)).text();
    expect(page.match(/<span dir="ltr">contact\d+@example.org<\/span>/g)).toHaveLength(50);
    const next = /<a rel="next" href="([^"]+)">Next page<\/a>/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/cursor=/);
    const second = await (await browser.go(`${next}&limit=50`)).text();
    expect(second).toContain('>First page</a>');
    expect(second.match(/<span dir="ltr">contact\d+@example.org<\/span>/g)).toHaveLength(50);
  });

  it('page the reviews, a review’s rounds, audit log, registrants and contributions, the requests and the suppressions', async ({
    api,
    runtime,
  }) => {
    for (const reviewId of ['paging-b', 'paging-c'])
      expect((await api.putReview(reviewId, reviewBody(await api.now(), 150))).status).toBe(201);
    const reviews = await allPages(api, '/admin/reviews?limit=2', 'reviews');
    expect(reviews.sizes).toEqual([2, 1]);
    expect(reviews.items.map((review) => review.reviewId)).toEqual(['paging', 'paging-b', 'paging-c']);

    await invitationRound(api, 'paging', 2);
    await invitationRound(api, 'paging', 2, 2);
    const rounds = await allPages(api, '/admin/reviews/paging/rounds?limit=1', 'rounds');
    expect(rounds.sizes).toEqual([1, 1]);
    expect(rounds.items).toEqual([
      expect.objectContaining({ total: 2, counts: { sent: 2 } }),
      expect.objectContaining({ total: 2, counts: { sent: 2 } }),
    ]);

    await api.putReview('paging', reviewBody(await api.now(), 121));
    await api.putReview('paging', reviewBody(await api.now(), 122));
    const audit = await allPages(api, '/admin/reviews/paging/audit?limit=2', 'entries');
    expect(audit.sizes.slice(0, 2)).toEqual([2, 2]);
    const times = audit.items.map((entry) => entry.at as string);
    expect(times).toEqual([...times].sort().reverse());

    for (const email of ['ana@example.org', 'ben@example.org', 'cleo@example.org'])
      await api.registerAndConfirm('paging', email);
    const registrants = await allPages(api, '/admin/reviews/paging/registrants?limit=2', 'registrants');
    expect(registrants.sizes).toEqual([2, 1]);
    expect(registrants.items.map((r) => r.email)).toEqual([
      'ana@example.org',
      'ben@example.org',
      'cleo@example.org',
    ]);
    // A registrant's page ends at a key that holds their address; the cursor, which travels in addresses, is sealed.
    const { next } = (await api.request('GET', '/admin/reviews/paging/registrants?limit=2')).body;
    const readable = next
      .split('.')
      .map((part: string) => Buffer.from(part, 'base64url').toString('latin1'))
      .join(' ');
    expect(readable).toContain('"enc":"A256GCM"');
    expect(readable).not.toMatch(/ben|example/);
    const filtered = await api.request('GET', '/admin/reviews/paging/registrants?limit=1&q=cleo');
    expect(filtered.body).toMatchObject({ total: 3, shown: 1, registrants: [{ email: 'cleo@example.org' }] });
    expect(filtered.body.next).toBeUndefined();

    for (const email of ['dan@example.org', 'eve@example.org', 'fay@example.org'])
      await contribute(api, 'paging', email);
    const contributions = await allPages(api, '/admin/reviews/paging/contributions?limit=2', 'contributions');
    expect(contributions.sizes).toEqual([2, 1]);
    expect((await api.request('GET', '/admin/reviews/paging/contributions?limit=2')).body).toMatchObject({
      total: 3,
      byStatus: { received: 3 },
    });

    await confirmedBriefingRequest(api, 'awa@example.org');
    await confirmedBriefingRequest(api, 'kofi@example.org');
    const requests = await allPages(api, '/admin/requests?limit=1', 'requests');
    expect(requests.sizes).toEqual([1, 1]);
    expect(requests.items.map((request) => request.email)).toEqual(['kofi@example.org', 'awa@example.org']);

    const at = await api.now();
    for (const email of ['x@example.org', 'y@example.org', 'z@example.org'])
      await runtime.dependencies.store.suppressions.suppress(email, {
        reason: 'hard-bounce',
        detail: 'General',
        messageId: `message-${email}`,
        at,
      });
    const suppressions = await allPages(api, '/admin/suppressions?limit=2', 'suppressions');
    expect(suppressions.sizes).toEqual([2, 1]);
    expect(suppressions.items.map((s) => s.email)).toEqual([
      'x@example.org',
      'y@example.org',
      'z@example.org',
    ]);
  });

  it('fill a page with what the reader may see, reading past what they may not, and go on after it', async ({
    api,
  }) => {
    // Ids in the order the listing reads them: Africa's two among others' the focal point may not see.
    for (const [id, region] of [
      ['a-europe', 'europe'],
      ['b-africa', 'africa'],
      ['c-europe', 'europe'],
      ['d-lac', 'lac'],
      ['e-africa', 'africa'],
      ['f-asia', 'asia-pacific'],
    ] as const)
      expect((await api.putReview(id, reviewBody(await api.now(), 120, { region }))).status).toBe(201);
    const { token } = (
      await api.request('POST', '/_local/tokens', {
        json: { email: 'africa-focal@example.org', groups: ['region-africa'] },
      })
    ).body;
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const answer = await api.request('GET', `/admin/reviews?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token,
      });
      expect(answer.status).toBe(200);
      pages.push(answer.body.reviews.map((review: { reviewId: string }) => review.reviewId));
      cursor = answer.body.next;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([['b-africa'], ['e-africa']]);
  });

  it('refuse a limit or a cursor they cannot use, naming the field', async ({ api }) => {
    const field = async (path: string) => {
      const answer = await api.request('GET', path);
      expect(answer.status).toBe(422);
      return answer.body.issues.map((issue: { field: string }) => issue.field);
    };
    expect(await field('/admin/reviews?limit=0')).toEqual(['limit']);
    expect(await field('/admin/reviews?limit=501')).toEqual(['limit']);
    expect(await field('/admin/reviews?limit=ten')).toEqual(['limit']);
    expect(await field('/admin/reviews?cursor=not-a-cursor')).toEqual(['cursor']);
    // A cursor of one listing is none of another's, nor of another review's.
    await api.putReview('paging-b', reviewBody(await api.now(), 150));
    const { next } = (await api.request('GET', '/admin/reviews?limit=1')).body;
    expect(await field(`/admin/suppressions?cursor=${next}`)).toEqual(['cursor']);
    expect(await field(`/admin/reviews/paging/audit?cursor=${next}`)).toEqual(['cursor']);
    await api.putReview('paging', reviewBody(await api.now(), 121));
    const audit = (await api.request('GET', '/admin/reviews/paging/audit?limit=1')).body;
    expect(audit.next).toEqual(expect.any(String));
    expect((await api.request('GET', `/admin/reviews/paging/audit?cursor=${audit.next}`)).status).toBe(200);
    await api.putReview('paging-b', reviewBody(await api.now(), 151));
    expect(await field(`/admin/reviews/paging-b/audit?cursor=${audit.next}`)).toEqual(['cursor']);
    // A cursor altered by a character no longer opens.
    expect(await field(`/admin/reviews/paging/audit?cursor=${oneLetterChanged(audit.next)}`)).toEqual([
      'cursor',
    ]);
  });
});
