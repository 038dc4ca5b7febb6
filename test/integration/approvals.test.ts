import { Browser, csrfOf } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { confirmationLink, reviewBody, type ServiceClient } from '#test/support/service-client';

const it = test.extend('records', { auto: true }, async ({ api }) => {
  const start = await api.now();
  const body = reviewBody(start, 150, {
    region: 'africa',
    timeZone: 'Africa/Nairobi',
    requiresApproval: true,
    organisationCap: 1,
  });
  expect((await api.putReview('africa-a', body)).status).toBe(201);
  return start;
});

const register = (api: ServiceClient, email: string, organisation: string) =>
  api.request('POST', '/registrations', {
    json: { reviewId: 'africa-a', email, name: email.split('@')[0], language: 'en', organisation },
  });

/** Opens the emailed confirmation link and presses its button, as the person would. */
async function confirmByLink(api: ServiceClient, email: string) {
  const page = await fetch(confirmationLink(await api.outbox(email)));
  const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  return api.request('POST', '/confirm', { form: { token } });
}

const subjectsTo = async (api: ServiceClient, email: string) =>
  (await api.outbox(email)).map((e) => e.subject);

describe('registrations a review approves, and its cap per organisation', () => {
  it('wait for approval once confirmed, get nothing meanwhile, and are approved or declined with an email', async ({
    api,
  }) => {
    expect((await register(api, 'ana@example.org', 'Red Crescent')).status).toBe(202);
    const received = await confirmByLink(api, 'ana@example.org');
    expect(received.status).toBe(200);
    expect(received.text).toContain(
      'Registrations for GCM regional review: Africa are approved by the secretariat',
    );
    expect((await subjectsTo(api, 'ana@example.org')).at(-1)).toBe(
      'Registration received: GCM regional review: Africa',
    );
    const { plan } = (await api.request('GET', '/admin/reviews/africa-a')).body;
    const invitation = plan.milestones.find((m: { id: string }) => m.id === 'pre-1.invitation').at;
    await api.moveClock({ set: new Date(Date.parse(invitation) + 60_000).toISOString() });
    expect((await subjectsTo(api, 'ana@example.org')).filter((s) => s.startsWith('Invitation:'))).toEqual([]);
    const list = await api.request('GET', '/admin/reviews/africa-a/registrants?status=awaiting-approval');
    expect(list.body.registrants.map((r: { email: string }) => r.email)).toEqual(['ana@example.org']);

    const refused = await register(api, 'ben@example.org', ' red  crescent');
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([
      {
        field: 'organisation',
        message:
          'this organisation has 1 registrations for this review already, the most it allows: ask the secretariat',
      },
    ]);

    const browser = new Browser(api.baseUrl);
    await browser.signIn('africa-focal@example.org', ['region-africa']);
    const page = await (await browser.go('/console/reviews/africa-a/registrants/ana%40example.org')).text();
    expect(page).toContain('Approve the registration');
    const declined = await browser.post('/console/reviews/africa-a/registrants/ana%40example.org', {
      csrf: csrfOf(page),
      action: 'decline',
      reason: 'The places go to networks of the region.',
    });
    expect(declined.status).toBe(303);
    const [notice] = (await api.outbox('ana@example.org')).filter((e) =>
      e.subject.startsWith('Registration not'),
    );
    expect(notice?.text).toContain('The reason given: The places go to networks of the region.');
    expect((await register(api, 'ana@example.org', 'Red Crescent')).status).toBe(202);
    expect((await subjectsTo(api, 'ana@example.org')).filter((s) => s.startsWith('Confirm'))).toHaveLength(1);

    expect((await register(api, 'ben@example.org', 'Red Crescent')).status).toBe(202);
    expect((await confirmByLink(api, 'ben@example.org')).status).toBe(200);
    const approved = await api.request('PUT', '/admin/reviews/africa-a/registrants/ben%40example.org', {
      json: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.registrant).toMatchObject({ status: 'confirmed' });
    const toBen = await subjectsTo(api, 'ben@example.org');
    expect(toBen).toContain('Registration confirmed: GCM regional review: Africa');
    expect(toBen.filter((s) => s.startsWith('Invitation:'))).toHaveLength(1);
    const again = await api.request('PUT', '/admin/reviews/africa-a/registrants/ben%40example.org', {
      json: { decision: 'approve' },
    });
    expect(again.status).toBe(422);
    expect(again.body.issues[0].field).toBe('decision');
    const audit = await api.request('GET', '/admin/reviews/africa-a/audit');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'PUT /admin/reviews/{reviewId}/registrants/{email}',
      before: { status: 'awaiting-approval' },
      after: { status: 'confirmed' },
    });
  });

  it('keep to the cap when two of one organisation confirm: the second is told the places are taken', async ({
    api,
  }) => {
    expect((await register(api, 'cleo@example.org', 'Migrant Network')).status).toBe(202);
    expect((await register(api, 'dan@example.org', 'MIGRANT NETWORK')).status).toBe(202);
    expect((await confirmByLink(api, 'cleo@example.org')).status).toBe(200);
    const full = await confirmByLink(api, 'dan@example.org');
    expect(full.status).toBe(409);
    expect(full.text).toContain('Your organisation already has 1 registrations');
    const { registrants } = (await api.request('GET', '/admin/reviews/africa-a/registrants')).body;
    expect(
      Object.fromEntries(registrants.map((r: { email: string; status: string }) => [r.email, r.status])),
    ).toEqual({ 'cleo@example.org': 'awaiting-approval', 'dan@example.org': 'pending' });
  });
});
