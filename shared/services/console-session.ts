import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isStaff, type Principal, principalOf } from '#domain/access';
import type { Needs } from './dependencies';
import { publicUrl } from './links';

/** Signing in to the console, whatever the identity provider: Cognito's managed login, or the local stand-in. */
export interface SignIn {
  /** The provider's sign-in page, which returns to `redirectUri` with a code and `state`. */
  authorizeUrl(state: string, codeChallenge: string, redirectUri: string): string;
  /** The ID token for the code, or undefined when the provider refuses it. */
  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<string | undefined>;
  /** The token's claims when it is valid now, else undefined. */
  verify(idToken: string): Promise<Record<string, unknown> | undefined>;
  logoutUrl(returnTo: string): string;
}

export type ConsoleSessionDependencies = Needs<'site' | 'signingKey'> & { signIn: SignIn };

export const SESSION_COOKIE = 'console-session';
export const LOGIN_COOKIE = 'console-login';
/** As long as the ID token it holds: Cognito's last an hour. */
export const SESSION_SECONDS = 3600;
/** Long enough to sign in, MFA included. */
export const LOGIN_SECONDS = 600;

/** A signed-in person of the console: who, their rights, and the token forms must carry. */
export interface ConsoleSession {
  principal: Principal;
  csrfToken: string;
}

export const callbackUrl = (site: ConsoleSessionDependencies['site']) => publicUrl(site, 'console/callback');
export const secureCookies = (site: ConsoleSessionDependencies['site']) =>
  site.publicBaseUrl.startsWith('https:');

/**
 * Starts a sign-in: a fresh PKCE verifier and state, kept in a short-lived cookie, and the provider's page to go
 * to with their challenge.
 */
export function startSignIn(deps: ConsoleSessionDependencies) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return {
    location: deps.signIn.authorizeUrl(state, challenge, callbackUrl(deps.site)),
    login: `${state}.${verifier}`,
  };
}

/**
 * The provider's return: the state must be the one this browser started with, the code is exchanged for an ID
 * token, which must verify and be staff's. Answers the token to keep in the session cookie, or why not.
 */
export async function finishSignIn(
  deps: ConsoleSessionDependencies,
  query: { code?: string; state?: string },
  login: string | undefined,
): Promise<{ ok: true; idToken: string } | { ok: false; reason: 'expired' | 'refused' | 'not-staff' }> {
  const [state, verifier] = (login ?? '').split('.');
  if (!state || !verifier || !query.code || !query.state || !same(state, query.state))
    return { ok: false, reason: 'expired' };
  const idToken = await deps.signIn.exchangeCode(query.code, verifier, callbackUrl(deps.site));
  const claims = idToken ? await deps.signIn.verify(idToken) : undefined;
  if (!idToken || !claims) return { ok: false, reason: 'refused' };
  if (!isStaff(principalFromClaims(claims))) return { ok: false, reason: 'not-staff' };
  return { ok: true, idToken };
}

/** The session a request's cookie holds, while its token is valid and its holder staff. */
export async function sessionOf(
  deps: ConsoleSessionDependencies,
  idToken: string | undefined,
): Promise<ConsoleSession | undefined> {
  const claims = idToken ? await deps.signIn.verify(idToken) : undefined;
  if (!idToken || !claims) return undefined;
  const principal = principalFromClaims(claims);
  if (!isStaff(principal)) return undefined;
  return { principal, csrfToken: csrfTokenFor(idToken, await deps.signingKey()) };
}

/**
 * Every console form carries a token bound to the session (an HMAC of its ID token under the service's key), which
 * another site cannot read nor make; a POST without the session's token is refused.
 */
export function csrfTokenFor(idToken: string, key: string): string {
  return createHmac('sha256', key).update(`console-csrf:${idToken}`).digest('base64url');
}

export function csrfHolds(session: ConsoleSession, given: string | null | undefined): boolean {
  return typeof given === 'string' && same(session.csrfToken, given);
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function principalFromClaims(claims: Record<string, unknown>): Principal {
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [];
  return principalOf(
    String(claims.sub ?? ''),
    claims.email === undefined ? undefined : String(claims.email),
    groups,
  );
}
