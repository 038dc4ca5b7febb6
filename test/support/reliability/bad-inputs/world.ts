import { Browser, csrfOf } from '#test/support/console-browser';
import {
  confirmedBriefingRequest,
  reviewBody,
  type ServiceClient,
  sendAndConfirmContribution,
} from '#test/support/service-client';

/** What bad inputs need to exist to reach past the first check: records, a manage link, a console session. */
export interface World {
  /** An active regional review (Europe), four months ahead. */
  reviewId: string;
  /** A registrant of it, confirmed, and the token of their manage link. */
  registrant: string;
  manageToken: string;
  /** A confirmed briefing request, waiting for the secretariat's decision. */
  requestId: string;
  /** A contribution to the review, sent and waiting for the secretariat's decision. */
  contributionId: string;
  /** A bearer token of Africa's focal point, whom the Europe review is not for. */
  africaToken: string;
  /** The secretariat's console session: its cookie and the token its forms carry. */
  cookie: string;
  csrf: string;
  /** The runtime's link secret, which seals page cursors: to make cursors that open but do not fit. */
  signingKey: string;
}

export const REVIEW_ID = 'reliable';
const REGISTRANT = 'kept@example.org';

export async function prepareWorld(api: ServiceClient, signingKey: string): Promise<World> {
  const created = await api.putReview(REVIEW_ID, reviewBody(await api.now(), 120));
  if (created.status !== 201) throw new Error(`the review was not created: ${created.text}`);
  const confirmed = await api.registerAndConfirm(REVIEW_ID, REGISTRANT);
  if (confirmed.status !== 200) throw new Error(`the registration was not confirmed: ${confirmed.text}`);
  const manageToken = (await api.outbox(REGISTRANT))
    .map((email) => /\/manage\?token=([^\s"&]+)/.exec(email.text ?? '')?.[1])
    .find(Boolean);
  if (!manageToken) throw new Error('no manage link in the outbox');
  const requestId = await confirmedBriefingRequest(api, 'network@example.org');
  const contributionId = await receivedContribution(api);
  const africa = await api.request('POST', '/_local/tokens', {
    json: { email: 'africa-focal@example.org', groups: ['region-africa'] },
  });
  const browser = new Browser(api.baseUrl);
  await browser.signIn('secretariat@example.org', ['secretariat']);
  const csrf = csrfOf(await (await browser.go('/console')).text());
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    reviewId: REVIEW_ID,
    registrant: REGISTRANT,
    manageToken,
    requestId,
    contributionId,
    africaToken: africa.body.token,
    cookie,
    csrf,
    signingKey,
  };
}

/** A written contribution, sent by the public form and confirmed by its emailed link, as its author would. */
async function receivedContribution(api: ServiceClient): Promise<string> {
  await sendAndConfirmContribution(api, REVIEW_ID, 'author@example.org');
  const { contributions } = (await api.request('GET', `/admin/reviews/${REVIEW_ID}/contributions`)).body;
  return contributions[0].contributionId;
}
