import { routes } from '#api/routes';
import { describe, expect, test as it } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

type Entry = {
  at: string;
  actor: { email?: string; subject: string };
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

describe('the audit log', () => {
  it('records each change to a review: who, when, the route, and each changed field before and after', async ({
    api,
  }) => {
    const start = await api.now();
    const token = (
      await api.request('POST', '/_local/tokens', {
        json: { email: 'africa-focal@example.org', groups: ['region-africa'] },
      })
    ).body.token as string;
    const body = reviewBody(start, 120, { region: 'africa', timeZone: 'Africa/Nairobi' });
    expect((await api.putReview('africa-a', body)).status).toBe(201);
    const moved = { ...body, date: new Date(start.getTime() + 130 * 86_400_000).toISOString().slice(0, 10) };
    expect((await api.request('PUT', '/admin/reviews/africa-a', { json: moved, token })).status).toBe(200);
    const refused = await api.request('PUT', '/admin/reviews/africa-a', {
      json: { ...moved, date: 'soon' },
      token,
    });
    expect(refused.status).toBe(422);

    const { entries } = (await api.request('GET', '/admin/reviews/africa-a/audit')).body as {
      entries: Entry[];
    };
    expect(entries.map((e) => [e.actor.email ?? e.actor.subject, e.action])).toEqual([
      ['africa-focal@example.org', 'PUT /admin/reviews/{reviewId}'],
      ['local-admin', 'PUT /admin/reviews/{reviewId}'],
    ]);
    const [change, creation] = entries as [Entry, Entry];
    expect(change.before).toEqual({ date: { kind: 'exact', date: body.date, tentative: false } });
    expect(change.after).toEqual({ date: { kind: 'exact', date: moved.date, tentative: false } });
    expect(creation.before).toBeUndefined();
    expect(creation.after).toMatchObject({ region: 'africa', status: 'active', reviewId: 'africa-a' });
    expect(creation.after).not.toHaveProperty('version');
  });

  it('records a cancellation', async ({ api }) => {
    const start = await api.now();
    expect((await api.putReview('europe-a', reviewBody(start, 120))).status).toBe(201);
    expect((await api.request('DELETE', '/admin/reviews/europe-a')).status).toBe(200);
    const { entries } = (await api.request('GET', '/admin/reviews/europe-a/audit')).body as {
      entries: Entry[];
    };
    expect(entries[0]).toMatchObject({
      action: 'DELETE /admin/reviews/{reviewId}',
      before: { status: 'active' },
      after: { status: 'cancelled' },
    });
  });

  it('can be read, never changed: no route writes to it', () => {
    const auditRoutes = routes.filter((route) => route.path.includes('audit'));
    expect(auditRoutes.map((route) => route.method)).toEqual(['GET']);
  });
});
