import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
export const ADMIN_TOKEN = 'test-admin-token';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert their shape
export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** A client for the service's HTTP API, whether it runs in this process or as `npm start` in another. */
export class ServiceClient {
  constructor(readonly baseUrl: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: as above
  async request<T = any>(
    method: string,
    path: string,
    options: {
      json?: unknown;
      form?: Record<string, string | string[]> | URLSearchParams;
      /** A body of another type, e.g. `{ type: 'text/csv', text }`. */
      raw?: { type: string; text: string };
      /** The bearer token of an admin route: the admin token unless given; null for none. */
      token?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? ADMIN_TOKEN : options.token;
    if (token && path.startsWith('/admin/')) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = formBody(options.form).toString();
    } else if (options.raw) {
      headers['content-type'] = options.raw.type;
      body = options.raw.text;
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json');
    return {
      status: response.status,
      body: isJson ? JSON.parse(text) : undefined,
      text,
      headers: response.headers,
    };
  }

  putReview(reviewId: string, review: unknown) {
    return this.request('PUT', `/admin/reviews/${reviewId}`, { json: review });
  }

  async now(): Promise<Date> {
    return new Date((await this.request('GET', '/_local/clock')).body.now);
  }

  async moveClock(move: { advanceBy: string } | { set: string }) {
    const answer = await this.request('POST', '/_local/clock', { json: move });
    if (answer.status !== 200) throw new Error(`clock move refused: ${answer.text}`);
    return answer.body as {
      now: string;
      fired: { scheduleName: string; scheduledTime: string; ok: boolean }[];
    };
  }

  async outbox(to?: string) {
    const answer = await this.request('GET', `/_local/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    return answer.body.emails as {
      subject: string;
      text?: string;
      html?: string;
      to: string[];
      messageId: string;
    }[];
  }

  /**
   * `POST /registrations` as a well-behaved client does: past the network's threshold the service answers with a
   * challenge, which it solves (as the page's script would) and sends again with the proof.
   */
  async register(json: Record<string, unknown>) {
    const first = await this.request('POST', '/registrations', { json });
    if (first.status !== 429 || !first.body?.challenge) return first;
    const proof = await solvedProof(first.body.challenge);
    return this.request('POST', '/registrations', { json, headers: { 'x-proof-of-work': proof } });
  }

  /** Registers, then confirms through the link the confirmation email carries, as a person would. */
  async registerAndConfirm(reviewId: string, email: string, name = 'Test Registrant', language = 'en') {
    const registered = await this.register({ reviewId, email, name, language });
    if (registered.status !== 202) throw new Error(`registration refused: ${registered.text}`);
    const link = confirmationLink(await this.outbox(email));
    const page = await fetch(link);
    const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!token) throw new Error('the confirmation page has no form');
    return this.request('POST', '/confirm', { form: { token } });
  }
}

/** The `x-proof-of-work` header's value for a challenge of the service: solved as the page's script solves it. */
export async function solvedProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

function formBody(form: Record<string, string | string[]> | URLSearchParams): URLSearchParams {
  if (form instanceof URLSearchParams) return form;
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  return body;
}

/** The link of the latest confirmation email, whatever its language. */
export function confirmationLink(emails: { text?: string }[]): string {
  const link = emails
    .map((e) => /(http\S+\/confirm\?token=\S+)/.exec(e.text ?? '')?.[1])
    .filter(Boolean)
    .at(-1);
  if (!link) throw new Error('no confirmation link in the outbox');
  return link;
}

/** A review body for `PUT /admin/reviews/{id}` with its date `days` after `from`. */
export function reviewBody(from: Date, days: number, extra: Record<string, unknown> = {}) {
  const date = new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return { region: 'europe', date, venue: 'Palais des Nations, Geneva', timeZone: 'Europe/Zurich', ...extra };
}

/** A briefing request's form, filled in as a network would. */
export const briefingForm = (email: string, extra: Record<string, string | string[]> = {}) => ({
  network: 'West African Migrant Network',
  scope: 'regional',
  regions: ['africa'],
  topic: 'Taking part in the Africa review',
  preferredDates: 'after our assembly in the spring',
  languages: ['fr', 'en'],
  expectedParticipants: '40',
  name: 'Awa Ndiaye',
  email,
  language: 'fr',
  consent: 'yes',
  ...extra,
});

/**
 * A regional network's briefing request for Africa, sent by the public form and confirmed by its emailed link, as
 * the network would; answers its id.
 */
export async function confirmedBriefingRequest(
  api: ServiceClient,
  email = 'awa@example.org',
): Promise<string> {
  // A month the service reads, so that accepting the request needs no date of its own.
  const form = briefingForm(email, { name: 'Awa', language: 'en', preferredDates: 'May 2027' });
  await api.request('POST', '/briefings/request', { form });
  const [message] = await api.outbox(email);
  const link = /(http\S+\/requests\/confirm\?token=\S+)/.exec(message?.text ?? '')?.[1];
  if (!link) throw new Error(`no request confirmation link for ${email}`);
  await api.request('POST', '/requests/confirm', {
    form: { token: new URL(link).searchParams.get('token') as string },
  });
  const { requests } = (await api.request('GET', '/admin/requests')).body;
  return requests.find((r: { email: string }) => r.email === email).requestId as string;
}

/** A registration form, filled in as a person would. */
export const registrationForm = (email: string, extra: Record<string, string | string[]> = {}) => ({
  name: 'Amina Haddad',
  email,
  organisation: 'Migrant Network',
  stakeholderGroup: 'civil-society',
  country: 'KE',
  meetings: ['pre-1', 'hybrid'],
  attendanceMode: 'online',
  language: 'en',
  consent: 'yes',
  ...extra,
});

/** A written contribution's form, filled in as its author would. */
export const contributionForm = (email: string, extra: Record<string, string | string[]> = {}) => ({
  name: 'Amina Haddad',
  email,
  organisation: 'Migrant Forum',
  stakeholderGroup: 'migrant-diaspora',
  language: 'en',
  title: 'Pathways for care workers',
  text: 'Regular pathways for care workers need portable social security.',
  objectives: ['5', '22'],
  publishable: 'yes',
  consent: 'yes',
  ...extra,
});

/**
 * A written contribution sent by the public form, then by its emailed link's button, as its author would: answers
 * what the button's page answered.
 */
export async function sendAndConfirmContribution(
  api: ServiceClient,
  reviewId: string,
  email: string,
  extra: Record<string, string | string[]> = {},
): Promise<Answer> {
  const sent = await api.request('POST', `/contribute/${reviewId}`, { form: contributionForm(email, extra) });
  if (sent.status !== 200) throw new Error(`the contribution of ${email} was refused: ${sent.status}`);
  const link = (await api.outbox(email))
    .map((message) => /(http\S+\/contributions\/confirm\?token=\S+)/.exec(message.text ?? '')?.[1])
    .findLast(Boolean);
  if (!link) throw new Error(`no link to send the contribution of ${email}`);
  return api.request('POST', '/contributions/confirm', {
    form: { token: new URL(link).searchParams.get('token') as string },
  });
}
