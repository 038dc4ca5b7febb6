import { request } from 'node:http';
import PQueue from 'p-queue';
import { LANGUAGES } from '#i18n/languages';
import { readOutbox } from '#local/outbox';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import { reviewBody, solvedProof } from '#test/support/service-client';
import { spawnService } from '#test/support/spawn-service';
import { storedRegistrants } from './stored-registrants';

/** How the crowd is made up: so many people, most behind small networks, one conference room behind one address. */
export interface CrowdShape {
  people: number;
  /** People behind one address of an ordinary network: at most the threshold, so none is asked for a proof. */
  perNetwork: number;
  /** People behind the conference room's one address, past the threshold: each past it solves a challenge. */
  inTheRoom: number;
  /**
   * Registrations in flight at once. Every function of `npm start` shares one process, where Lambda gives each
   * invocation its own: hundreds at once would each wait past the functions' 10 s timeout on a busy laptop.
   */
  inFlight: number;
}

export const THOUSAND: CrowdShape = {
  people: 1000,
  perNetwork: PROOF_AFTER_PER_CLIENT,
  inTheRoom: 40,
  inFlight: 20,
};

export interface CrowdFigures {
  sent: number;
  /** Answered 202 in the end (after a proof, for those asked for one). */
  accepted: number;
  /** Asked for a proof of work, which they solved and sent. */
  challenged: number;
  /** Final answers other than 202, by status. */
  refused: Record<string, number>;
  /** Registrations in the table for the review, and addresses found there more than once. */
  stored: number;
  storedTwice: string[];
  /** Addresses sent but not stored, or stored but not sent. */
  lost: string[];
  strangers: string[];
  /** Emails with a confirmation link in the outbox, addresses that got more than one, and sent ones that got none. */
  emails: number;
  emailedTwice: string[];
  notEmailed: string[];
  elapsedMs: number;
  /** The longest a registration waited for its answer, its proof of work included. */
  slowestMs: number;
}

/**
 * Linux routes the whole of 127.0.0.0/8 to the loopback interface, so that each network of the crowd sends from
 * an address of its own and the service sees as many clients as there are networks.
 */
const addressOfNetwork = (n: number) => `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;

interface Person {
  email: string;
  from: string;
  body: Record<string, unknown>;
}

function crowd(reviewId: string, shape: CrowdShape): Person[] {
  return Array.from({ length: shape.people }, (_, i) => {
    // The conference room's people first, then the networks' in turn.
    const network = i < shape.inTheRoom ? 0 : 1 + Math.floor((i - shape.inTheRoom) / shape.perNetwork);
    const email = `crowd${String(i).padStart(4, '0')}@example.org`;
    const language = LANGUAGES[i % LANGUAGES.length];
    return {
      email,
      from: addressOfNetwork(network),
      body: { reviewId, email, name: `Person ${i}`, language },
    };
  });
}

/** `POST /registrations` from a given source address (fetch cannot choose one). */
function postFrom(
  baseUrl: string,
  from: string,
  json: unknown,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is the caller's to check
): Promise<{ status: number; body: any }> {
  const url = new URL('/registrations', baseUrl);
  const payload = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        // A connection of its own: one kept alive could be reused just as the server closes it for being idle.
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk) => {
          text += chunk;
        });
        answer.on('end', () => {
          const isJson = answer.headers['content-type']?.includes('json');
          resolve({ status: answer.statusCode ?? 0, body: isJson ? JSON.parse(text) : text });
        });
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

/** The items found more than once. */
function repeated(items: string[]): string[] {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const item of items) (seen.has(item) ? again : seen).add(item);
  return [...again];
}

/**
 * A crowd registers for `reviewId`, `inFlight` at a time, each person from their network's address, those asked
 * for a proof of work solving it and sending again; then what the table and the outbox hold (read behind the API,
 * at the local components' own endpoints) are counted against who was sent.
 */
async function registerCrowd(
  endpoints: { api: string; dynamodb: string; ses: string },
  reviewId: string,
  shape: CrowdShape = THOUSAND,
): Promise<CrowdFigures> {
  const people = crowd(reviewId, shape);
  let challenged = 0;
  let slowestMs = 0;
  const register = async ({ from, body }: Person) => {
    const sentAt = performance.now();
    let answer = await postFrom(endpoints.api, from, body);
    if (answer.status === 429 && answer.body?.challenge) {
      challenged++;
      const proof = await solvedProof(answer.body.challenge);
      answer = await postFrom(endpoints.api, from, body, { 'x-proof-of-work': proof });
    }
    slowestMs = Math.max(slowestMs, performance.now() - sentAt);
    return answer.status;
  };
  const started = performance.now();
  const queue = new PQueue({ concurrency: shape.inFlight });
  const answers = await Promise.all(
    people.map((person) => queue.add(() => register(person), { throwOnTimeout: true })),
  );
  const elapsedMs = performance.now() - started;

  const sent = people.map((p) => p.email);
  const stored = await storedRegistrants(endpoints.dynamodb, reviewId);
  // The outbox read in this process: parsing a thousand messages would otherwise take the service's time.
  const emailed = (await readOutbox(endpoints.ses))
    .filter((email) => /\/confirm\?token=/.test(email.text ?? ''))
    .flatMap((email) => email.to);
  const [sentSet, storedSet, emailedSet] = [new Set(sent), new Set(stored), new Set(emailed)];
  const refused: Record<string, number> = {};
  for (const status of answers) if (status !== 202) refused[status] = (refused[status] ?? 0) + 1;
  return {
    sent: sent.length,
    accepted: answers.filter((status) => status === 202).length,
    challenged,
    refused,
    stored: stored.length,
    storedTwice: repeated(stored),
    lost: sent.filter((email) => !storedSet.has(email)),
    strangers: stored.filter((email) => !sentSet.has(email)),
    emails: emailed.length,
    emailedTwice: repeated(emailed),
    notEmailed: sent.filter((email) => !emailedSet.has(email)),
    elapsedMs,
    slowestMs,
  };
}

/** `npm start` in a child process, as a person runs it, a review, and the crowd registering for it. */
export async function crowdThroughNpmStart(shape: CrowdShape = THOUSAND): Promise<CrowdFigures> {
  const service = await spawnService();
  try {
    const dynamodb = /DynamoDB \(dynalite\)\s+(\S+)/.exec(service.output())?.[1];
    const ses = /SES web inbox\s+(\S+)\//.exec(service.output())?.[1];
    if (!dynamodb || !ses)
      throw new Error(`npm start printed no DynamoDB or SES endpoint:\n${service.output()}`);
    const created = await service.client.putReview('crowd', reviewBody(await service.client.now(), 120));
    if (created.status !== 201) throw new Error(`the review was not created: ${created.text}`);
    return await registerCrowd({ api: service.client.baseUrl, dynamodb, ses }, 'crowd', shape);
  } finally {
    await service.stop();
  }
}
