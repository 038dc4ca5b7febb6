import { randomInt } from 'node:crypto';
import { type Challenge, createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { epochSeconds, keyedDigest } from '#domain/tokens';
import type { Needs } from './dependencies';

/**
 * Public forms (registrations, contributions, briefing requests, talk proposals, counted together) one network
 * address may send in an hour before each further one asks the browser for a proof of work. A conference room or an
 * NGO office behind one address registers hundreds in an hour: past this, each form costs the browser a second of
 * hashing, which a person does not notice and a flood of bots pays for. One count for every form, so that a bot
 * gets this many free submissions in all, not this many per form.
 */
export const PROOF_AFTER_PER_CLIENT = 20;

/** How long a challenge may be solved and used, seconds. */
const CHALLENGE_SECONDS = 600;

/**
 * The counter the browser must find, drawn from this range: SHA-256 over a few dozen bytes, once per try, runs
 * at some ten to fifty thousand tries a second in a browser through Web Crypto.
 */
const COUNTER_RANGE: [number, number] = [5_000, 25_000];

/** The challenge's secrets, derived from the link secret so that there is no other secret to keep. */
const secrets = (signingKey: string) => ({
  hmacSignatureSecret: keyedDigest(signingKey, 'proof of work', 'challenge'),
  hmacKeySignatureSecret: keyedDigest(signingKey, 'proof of work', 'key'),
});

/** A signed challenge (ALTCHA v2, SHA-256), whose answer the service knows without storing anything. */
async function proofChallenge(deps: Needs<'signingKey'>, now: Date): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(...COUNTER_RANGE),
    deriveKey,
    expiresAt: epochSeconds(now) + CHALLENGE_SECONDS,
    ...secrets(await deps.signingKey()),
  });
}

/**
 * Whether `proof` (base64 JSON `{ challenge, solution }`, as the page's script or an API client sends it) solves a
 * challenge this service signed, not yet expired and not used before: a solved challenge lets one submission
 * through.
 */
async function proofHolds(
  deps: Needs<'signingKey' | 'store'>,
  proof: string | undefined,
  now: Date,
): Promise<boolean> {
  if (!proof) return false;
  let payload: { challenge?: Challenge; solution?: { counter: number; derivedKey: string } };
  try {
    payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  const { challenge, solution } = payload;
  if (!challenge?.parameters || !solution) return false;
  const verified = await verifySolution({
    challenge,
    solution,
    deriveKey,
    ...secrets(await deps.signingKey()),
  }).catch(() => ({ verified: false }));
  if (!verified.verified) return false;
  const expiresAt = challenge.parameters.expiresAt ?? epochSeconds(now) + CHALLENGE_SECONDS;
  if (expiresAt <= epochSeconds(now)) return false;
  return deps.store.rateLimits.once(`proof:${challenge.parameters.nonce}`, expiresAt);
}

/**
 * Counts one public form sent from `client`'s network address and, past `PROOF_AFTER_PER_CLIENT` in the hour,
 * lets it through only with a `proof` that holds; otherwise throws `ProofNeededError` with a fresh challenge. Called
 * once the form's fields are valid, so that a typing mistake does not count.
 */
export async function requireProofWhenBusy(
  deps: Needs<'signingKey' | 'store'>,
  client: string,
  proof: string | undefined,
  now: Date,
): Promise<void> {
  const busyNetwork = (await deps.store.rateLimits.count(`client:${client}`, now)) > PROOF_AFTER_PER_CLIENT;
  if (busyNetwork && !(await proofHolds(deps, proof, now)))
    throw new ProofNeededError(await proofChallenge(deps, now));
}

/** A submission past the threshold came without a valid proof: the page, or the API client, gets a challenge. */
export class ProofNeededError extends Error {
  constructor(readonly challenge: Challenge) {
    super('many forms came from this network in the last hour: solve the challenge and send again');
    this.name = 'ProofNeededError';
  }
}
