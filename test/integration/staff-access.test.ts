import { type Route, routeKey, routes } from '#api/routes';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

/**
 * The role x endpoint matrix: every route of the admin API, asked by the secretariat, by a region's focal point,
 * by a signed-in person of no group, and without a token, about the records of several regions.
 */
const ADMIN_ROUTES = routes.filter(
  (route): route is Extract<Route, { auth: 'staff' }> => route.auth === 'staff',
);

const tokenFor = async (api: ServiceClient, email: string, groups: string[]) => {
  const answer = await api.request('POST', '/_local/tokens', { json: { email, groups } });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};

/** Sends a briefing request (for `region`) and a talk proposal, confirms both; answers their ids. */
async function confirmedRequests(api: ServiceClient, start: Date) {
  const common = { name: 'Awa Ndiaye', language: 'en', consent: 'yes' };
  await api.request('POST', '/briefings/request', {
    form: {
      ...common,
      email: 'network@example.org',
      network: 'West African Migrant Network',
      scope: 'regional',
      regions: 'africa',
      topic: 'The Africa review',
      preferredDates: new Date(start.getTime() + 40 * 86_400_000).toISOString().slice(0, 10),
      expectedParticipants: '30',
    },
  });
  await api.request('POST', '/talks/propose', {
    form: {
      ...common,
      email: 'talk@example.org',
      title: 'Cities that welcome',
      organisers: 'A city network',
      level: 'global',
      themes: 'Inclusion.',
      objectives: '16',
      proposedDate: 'May 2027',
      format: 'online',
      audience: 'Cities',
    },
  });
  for (const email of ['network@example.org', 'talk@example.org']) {
    const [message] = await api.outbox(email);
    const link = /(http\S+\/requests\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1] as string;
    await api.request('POST', '/requests/confirm', {
      form: { token: new URL(link).searchParams.get('token') as string },
    });
  }
  const { requests } = (await api.request('GET', '/admin/requests')).body;
  const idOf = (kind: string) => requests.find((r: { kind: string }) => r.kind === kind).requestId as string;
  return { briefing: idOf('briefing'), talk: idOf('gcm-talk') };
}

/** The records the matrix asks about: Europe's and Africa's reviews, a global consultation for Africa and LAC. */
const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const global = {
    kind: 'global-consultation',
    title: 'Global consultation',
    regions: ['africa', 'lac'],
    date: new Date(start.getTime() + 50 * 86_400_000).toISOString().slice(0, 10),
    timeZone: 'UTC',
  };
  for (const [id, body] of [
    ['europe-r', reviewBody(start, 120)],
    ['africa-r', reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Addis_Ababa' })],
    ['global-r', global],
  ] as const)
    expect((await api.putReview(id, body)).status).toBe(201);
  return { start, requests: await confirmedRequests(api, start) };
});

type Target = 'europe' | 'africa' | 'global' | 'briefing' | 'talk' | 'none';

/** A request of `route` about a target record, with a body its handler can read. */
function requestOf(route: Route, target: Target, ids: { briefing: string; talk: string }, start: Date) {
  const reviewId =
    { europe: 'europe-r', africa: 'africa-r', global: 'global-r' }[target as 'europe'] ?? 'none';
  const path = route.path
    .replace('{reviewId}', reviewId)
    .replace('{requestId}', target === 'briefing' ? ids.briefing : ids.talk)
    .replace('{importId}', 'nothing')
    .replace('{milestoneId}', 'pre-1.invitation')
    .replace('{contributionId}', 'nothing')
    .replace('{meetingId}', 'pre-1')
    .replace('{email}', 'someone%40example.org');
  const bodies: Record<string, unknown> = {
    'PUT /admin/reviews/{reviewId}':
      target === 'global'
        ? {
            kind: 'global-consultation',
            title: 'G',
            regions: ['africa', 'lac'],
            date: '2027-06-01',
            timeZone: 'UTC',
          }
        : reviewBody(start, 120, { region: target === 'europe' ? 'europe' : 'africa' }),
    'PUT /admin/reviews/{reviewId}/contributions/{contributionId}': { decision: 'accept' },
    'PUT /admin/reviews/{reviewId}/analytical-paper': { links: { en: 'https://example.org/paper.pdf' } },
    'PUT /admin/reviews/{reviewId}/meetings/{meetingId}/outcome': { summaryUrl: 'https://example.org/s.pdf' },
    'PUT /admin/requests/{requestId}': { decision: 'decline', reason: 'Not this year.' },
    'POST /admin/reviews/{reviewId}/messages': {
      texts: { en: { subject: 'Venue', body: 'The room changed.' } },
      defaultLanguage: 'en',
    },
  };
  const key = routeKey(route);
  if (key === 'POST /admin/reviews/{reviewId}/invitations')
    return {
      method: route.method,
      path,
      options: { raw: { type: 'text/csv', text: 'email,name\nx@example.org,X\n' } },
    };
  return { method: route.method, path, options: key in bodies ? { json: bodies[key] } : {} };
}

const targetsOf = (route: Route): Target[] =>
  route.path.includes('{reviewId}')
    ? ['europe', 'africa', 'global']
    : route.path.includes('{requestId}')
      ? ['briefing', 'talk']
      : ['none'];

/** What Africa's focal point may do: see and change Africa's, see the global consultation, decide Africa's briefings. */
function allowedToAfrica(route: Extract<Route, { auth: 'staff' }>, target: Target): boolean {
  switch (route.access) {
    case 'secretariat':
      return false;
    case 'listed':
      return true;
    case 'review:read':
      return target !== 'europe';
    case 'review:write':
      return target === 'africa';
    case 'request:read':
    case 'request:write':
      return target === 'briefing';
  }
}

async function ask(
  api: ServiceClient,
  token: string | undefined,
  route: Route,
  target: Target,
  records: { start: Date; requests: { briefing: string; talk: string } },
) {
  const { method, path, options } = requestOf(route, target, records.requests, records.start);
  const answer = await api.request(method, path, { ...options, token: token ?? null });
  return answer.status;
}

describe('the admin API’s scopes', () => {
  it('answer no route without a token, and none to a signed-in person of no group', async ({
    api,
    records,
  }) => {
    const nobody = await tokenFor(api, 'nobody@example.org', []);
    for (const route of ADMIN_ROUTES)
      for (const target of targetsOf(route)) {
        expect([routeKey(route), target, await ask(api, undefined, route, target, records)]).toEqual([
          routeKey(route),
          target,
          401,
        ]);
        expect([routeKey(route), target, await ask(api, nobody, route, target, records)]).toEqual([
          routeKey(route),
          target,
          403,
        ]);
      }
  });

  it('let a region’s focal point reach their region’s records only, and global consultations read only', async ({
    api,
    records,
  }) => {
    const africa = await tokenFor(api, 'africa-focal@example.org', ['region-africa']);
    const outcomes = [];
    for (const route of ADMIN_ROUTES)
      for (const target of targetsOf(route)) {
        const status = await ask(api, africa, route, target, records);
        outcomes.push([routeKey(route), target, status === 403 ? 'refused' : 'reached']);
      }
    expect(outcomes).toEqual(
      ADMIN_ROUTES.flatMap((route) =>
        targetsOf(route).map((target) => [
          routeKey(route),
          target,
          allowedToAfrica(route, target) ? 'reached' : 'refused',
        ]),
      ),
    );
  });

  it('list to a focal point only what they may see', async ({ api }) => {
    const africa = await tokenFor(api, 'africa-focal@example.org', ['region-africa']);
    const reviews = await api.request('GET', '/admin/reviews', { token: africa });
    expect(reviews.body.reviews.map((r: { reviewId: string }) => r.reviewId).sort()).toEqual([
      'africa-r',
      'global-r',
    ]);
    const requests = await api.request('GET', '/admin/requests', { token: africa });
    expect(requests.body.requests.map((r: { kind: string }) => r.kind)).toEqual(['briefing']);
  });

  it('let a focal point create their region’s review, and neither another region’s nor a move into another', async ({
    api,
    records,
  }) => {
    const africa = await tokenFor(api, 'africa-focal@example.org', ['region-africa']);
    const put = (id: string, body: unknown) =>
      api.request('PUT', `/admin/reviews/${id}`, { json: body, token: africa });
    expect((await put('africa-new', reviewBody(records.start, 150, { region: 'africa' }))).status).toBe(201);
    expect((await put('europe-new', reviewBody(records.start, 150, { region: 'europe' }))).status).toBe(403);
    expect((await put('africa-r', reviewBody(records.start, 150, { region: 'europe' }))).status).toBe(403);
    const invalid = await put('africa-bad', { date: 'soon' });
    expect(invalid.status).toBe(422);
  });

  it('are given locally for an address and groups, each checked', async ({ api }) => {
    const refused = await api.request('POST', '/_local/tokens', {
      json: { email: 'not an address', groups: ['Secretariat!'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues.map((i: { field: string }) => i.field)).toEqual(['email', 'groups[0]']);
    const users = (await api.request('GET', '/_local/users')).body.users;
    expect(users.map((u: { email: string }) => u.email)).toContain('africa-focal@example.org');
  });

  it('refuse every route to a token that is forged or expired', async ({ api }) => {
    const token = await tokenFor(api, 'secretariat@example.org', ['secretariat']);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['secretariat', 'x'] })).toString('base64url')}.${signature}`;
    expect((await api.request('GET', '/admin/reviews', { token })).status).toBe(200);
    expect((await api.request('GET', '/admin/reviews', { token: forged })).status).toBe(401);
    await api.moveClock({ advanceBy: 'PT2H' });
    expect((await api.request('GET', '/admin/reviews', { token })).status).toBe(401);
  });
});
