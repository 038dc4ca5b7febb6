import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { SECRETARIAT_GROUP } from '#domain/access';

/**
 * The local stand-in for the Cognito user pool: it issues ID tokens with Cognito's claims (`sub`, `email`,
 * `cognito:groups`, `cognito:username`, `token_use: id`), signed RS256 with a key of its own, and verifies them as
 * the API's JWT authorizer does in AWS. The key is kept in the data folder, so tokens outlive a restart.
 */
/** Named as Cognito names pools, so that the console verifies local tokens with Cognito's own verifier. */
export const LOCAL_USER_POOL_ID = 'us-east-1_localpool';
export const LOCAL_ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${LOCAL_USER_POOL_ID}`;
export const LOCAL_CLIENT_ID = 'local-console';
/** An authorization code is redeemed within minutes, once. */
const CODE_LIFETIME_MS = 5 * 60_000;
const KEY_FILE = 'identity-key.json';

export const TokenRequest = z
  .object({
    email: z.email({ error: 'must be an email address such as secretariat@example.org' }),
    groups: z
      .array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a group name such as region-africa'))
      .max(10),
  })
  .strict();
export type TokenRequest = z.infer<typeof TokenRequest>;

/** The people the local sign-in offers: the secretariat, and a focal point for each of two regions. */
export const LOCAL_USERS: TokenRequest[] = [
  { email: 'secretariat@example.org', groups: [SECRETARIAT_GROUP] },
  { email: 'africa-focal@example.org', groups: ['region-africa'] },
  { email: 'europe-focal@example.org', groups: ['region-europe'] },
];

/** Cognito's `sub` is an opaque UUID; here one stable per address, so that a person keeps theirs. */
const subjectOf = (email: string) => {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export type LocalIdentity = Awaited<ReturnType<typeof createLocalIdentity>>;

interface PendingCode {
  who: TokenRequest;
  codeChallenge: string;
  redirectUri: string;
  expiresAt: number;
}

export async function createLocalIdentity(dataDir: string | undefined, clock: { now(): Date }) {
  const keys = await keyPair(dataDir);
  const codes = new Map<string, PendingCode>();
  const issue = async ({ email, groups }: TokenRequest): Promise<string> => {
    const now = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT({ email, 'cognito:groups': groups, 'cognito:username': email, token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: 'local' })
      .setSubject(subjectOf(email))
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(keys.privateKey);
  };
  return {
    issue,

    /** The public key set the tokens verify against, as Cognito publishes its `jwks.json`. */
    async jwks() {
      const { n, e } = await exportJWK(keys.publicKey);
      return {
        keys: [{ kty: 'RSA', n: n as string, e: e as string, kid: 'local', alg: 'RS256', use: 'sig' }],
      };
    },

    /** The hosted login's answer to a sign-in: a one-time code for `who`, bound to the PKCE challenge. */
    authorize(who: TokenRequest, codeChallenge: string, redirectUri: string): string {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { who, codeChallenge, redirectUri, expiresAt: Date.now() + CODE_LIFETIME_MS });
      return code;
    },

    /** The token endpoint: the ID token for a code, once, when the verifier answers its challenge. */
    async redeem(code: string, codeVerifier: string, redirectUri: string): Promise<string | undefined> {
      const pending = codes.get(code);
      codes.delete(code);
      const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
      if (!pending || pending.expiresAt < Date.now() || pending.redirectUri !== redirectUri) return undefined;
      if (pending.codeChallenge !== challenge) return undefined;
      return issue(pending.who);
    },

    /** The token's claims when its signature, issuer, audience and expiry hold; undefined otherwise. */
    async verify(token: string): Promise<Record<string, unknown> | undefined> {
      try {
        const { payload } = await jwtVerify(token, keys.publicKey, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_CLIENT_ID,
          currentDate: clock.now(),
          algorithms: ['RS256'],
        });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Generating an RSA key takes 0.1 to 0.7 s, most of a runtime's start: runtimes kept in memory (each test's) share
 * one per process, so a token one of them signs would pass at another in the same process, and is gone with it.
 */
let inMemoryKeyPair: ReturnType<typeof generateKeyPair> | undefined;

async function keyPair(dataDir: string | undefined) {
  if (!dataDir) {
    inMemoryKeyPair ??= generateKeyPair('RS256', { extractable: true });
    return inMemoryKeyPair;
  }
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, JWK>;
    return {
      privateKey: await importJWK(privateJwk as JWK, 'RS256'),
      publicKey: await importJWK(publicJwk as JWK, 'RS256'),
    };
  }
  const generated = await generateKeyPair('RS256', { extractable: true });
  writeFileSync(
    file,
    JSON.stringify({
      privateJwk: await exportJWK(generated.privateKey),
      publicJwk: await exportJWK(generated.publicKey),
    }),
    { mode: 0o600 },
  );
  return generated;
}
