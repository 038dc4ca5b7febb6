import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '#local/api-gateway';
import type { LocalRuntime } from '#local/runtime';
import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody, type ServiceClient } from '#test/support/service-client';

/** Every item of the table that mentions an address anywhere: what erasure must leave none of. */
async function itemsMentioning(runtime: LocalRuntime, email: string) {
  const { table } = runtime.dependencies.store;
  const { Items = [] } = await table.client.send(new ScanCommand({ TableName: table.name }));
  return Items.filter((item) => JSON.stringify(item).toLowerCase().includes(email));
}

/** The milestone times of a review's plan, by id. */
async function milestoneAt(api: ServiceClient, reviewId: string, milestoneId: string): Promise<string> {
  const { plan } = (await api.request('GET', `/admin/reviews/${reviewId}`)).body;
  return plan.milestones.find((m: { id: string }) => m.id === milestoneId).at;
}

const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const body = reviewBody(start, 150, { region: 'africa', timeZone: 'Africa/Nairobi' });
  expect((await api.putReview('africa-p', body)).status).toBe(201);
  await api.registerAndConfirm('africa-p', 'amina@example.org', 'Amina', 'fr');
  await api.registerAndConfirm('africa-p', 'kofi@example.org', 'Kofi', 'en');
  const invitation = await milestoneAt(api, 'africa-p', 'pre-1.invitation');
  await api.moveClock({ set: new Date(Date.parse(invitation) + 60_000).toISOString() });
  return start;
});

describe('a registrant’s personal data', () => {
  it('is exported whole and erased on request by the secretariat, leaving the rounds’ counts and no trace of the address', async ({
    api,
    runtime,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const page = await (await browser.go('/console/reviews/africa-p/registrants/amina%40example.org')).text();
    expect(page).toContain('Download everything kept about them (JSON)');
    await browser.post('/console/reviews/africa-p/registrants/amina%40example.org', {
      csrf: csrfOf(page),
      action: 'resend',
    });

    const data = await browser.go('/console/reviews/africa-p/registrants/amina%40example.org/data');
    expect(data.headers.get('content-disposition')).toBe(
      'attachment; filename="africa-p-registrant-data.json"',
    );
    const exported = await data.json();
    expect(exported.registration).toMatchObject({
      email: 'amina@example.org',
      name: 'Amina',
      status: 'confirmed',
    });
    expect(exported.registration).not.toHaveProperty('confirmNonce');
    expect(exported.emails).toEqual([
      expect.objectContaining({ round: 'pre-1.invitation', status: 'sent', recipient: 'amina@example.org' }),
    ]);
    expect(exported.history).toEqual([
      expect.objectContaining({ action: 'POST /console/reviews/{reviewId}/registrants/{email}' }),
    ]);

    const unconfirmed = await browser.post(
      '/console/reviews/africa-p/registrants/amina%40example.org/erase',
      {
        csrf: csrfOf(page),
      },
    );
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Tick the box to confirm the person asked to be erased.');
    expect(await itemsMentioning(runtime, 'amina@example.org')).not.toEqual([]);

    const erased = await browser.post('/console/reviews/africa-p/registrants/amina%40example.org/erase', {
      csrf: csrfOf(page),
      confirm: 'yes',
    });
    expect(erased.status).toBe(303);
    expect(await itemsMentioning(runtime, 'amina@example.org')).toEqual([]);
    const cancelled = (await api.outbox('amina@example.org')).map((e) => e.subject);
    expect(cancelled.at(-1)).toMatch(/annulée/);

    const { rounds } = (await api.request('GET', '/admin/reviews/africa-p/rounds')).body;
    expect(rounds).toEqual([
      expect.objectContaining({ milestoneId: 'pre-1.invitation', total: 2, counts: { sent: 2 } }),
    ]);
    expect(
      (await api.request('GET', '/admin/reviews/africa-p/registrants/amina%40example.org/data')).status,
    ).toBe(404);
    const audit = (await api.request('GET', '/admin/reviews/africa-p/audit')).body.entries;
    expect(audit[0]).toMatchObject({
      actor: { email: 'africa-focal@example.org' },
      action: 'POST /console/reviews/{reviewId}/registrants/{email}/erase',
      target: { reviewId: 'africa-p', email: 'erased' },
    });
    expect(audit[1]).toMatchObject({ target: { email: 'erased' }, redacted: true });
    expect(audit[1]).not.toHaveProperty('after');
    expect((await api.request('GET', '/admin/reviews/africa-p/registrants')).body.registrants).toEqual([
      expect.objectContaining({ email: 'kofi@example.org' }),
    ]);
  });

  it('is erased by the registrant from the manage page, after ticking the box, and downloaded there', async ({
    api,
    runtime,
  }) => {
    const [email] = (await api.outbox('kofi@example.org')).filter((e) => /manage\?token=/.test(e.text ?? ''));
    const token = /manage\?token=([\w.-]+)/.exec(email?.text ?? '')?.[1] as string;
    const manage = await api.request('GET', `/manage?token=${token}`);
    expect(manage.text).toContain('Your registration is deleted 12 months after the review');

    const download = await api.request('POST', '/manage/data', { form: { token } });
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="africa-p-my-data.json"');
    expect(JSON.parse(download.text).registration.email).toBe('kofi@example.org');

    const unticked = await api.request('POST', '/manage/erase', { form: { token } });
    expect(unticked.status).toBe(422);
    expect(unticked.text).toContain('Tick the box to confirm that you want everything deleted.');
    const erased = await api.request('POST', '/manage/erase', { form: { token, confirm: 'yes' } });
    expect(erased.status).toBe(200);
    expect(erased.text).toContain('Your data is deleted');
    expect(await itemsMentioning(runtime, 'kofi@example.org')).toEqual([]);
    expect((await api.request('GET', `/manage?token=${token}`)).status).toBe(404);
  });

  it('is purged on the hourly schedule once the review is the configured number of months past, and not before', async ({
    api,
    runtime,
  }) => {
    const review = (await api.request('GET', '/admin/reviews/africa-p')).body;
    expect(review.retention).toMatchObject({ months: 12 });
    const purgeOn = review.retention.purgeOn as string;
    // What the hourly rule would deliver to the function.
    const reconcile = () =>
      runtime.functions.reconcile(
        {
          version: '0',
          id: 'test',
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: '000000000000',
          time: runtime.clock.now().toISOString(),
          region: 'us-east-1',
          resources: [],
          detail: {},
        },
        lambdaContext('reconcile'),
      );

    const dayBefore = new Date(Date.parse(`${purgeOn}T00:00:00Z`) - 3_600_000).toISOString();
    await api.moveClock({ set: dayBefore });
    expect(await reconcile()).toMatchObject({ purged: 0, failed: 0 });
    expect(await itemsMentioning(runtime, 'amina@example.org')).not.toEqual([]);

    await api.moveClock({ set: `${purgeOn}T01:00:00.000Z` });
    expect(await reconcile()).toMatchObject({ purged: 1, failed: 0 });
    for (const email of ['amina@example.org', 'kofi@example.org'])
      expect(await itemsMentioning(runtime, email)).toEqual([]);
    const after = (await api.request('GET', '/admin/reviews/africa-p')).body;
    expect(after.retention.purgedAt).toMatch(new RegExp(`^${purgeOn}T01:00`));
    const { rounds } = (await api.request('GET', '/admin/reviews/africa-p/rounds')).body;
    const invitation = rounds.find((r: { milestoneId: string }) => r.milestoneId === 'pre-1.invitation');
    expect(invitation).toMatchObject({ total: 2, counts: { sent: 2 } });
    expect(await reconcile()).toMatchObject({ purged: 0, failed: 0 });

    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const page = await (await browser.go('/console/reviews/africa-p')).text();
    expect(page).toContain('The personal data of this review was purged on');
  });
});
