import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens for links in emails. The payload is readable (base64url JSON) but cannot be forged
 * without the key: HMAC-SHA256 over the payload, compared in constant time. A token is bound to its purpose, so a
 * link made for one action cannot be replayed against another.
 */
export type TokenPurpose =
  | 'confirm-registration'
  | 'manage-registration'
  | 'invitation'
  | 'unsubscribe'
  | 'confirm-contribution'
  | 'confirm-request';

export interface TokenClaims {
  purpose: TokenPurpose;
  /** The review the link is about; empty for a request, which is about none yet. */
  reviewId: string;
  email: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** A confirmation link's single-use nonce, matched against the pending registration or contribution. */
  nonce?: string;
  /** The contribution a confirmation link is for. */
  contributionId?: string;
  /** The briefing request or GCM Talk proposal a confirmation link is for. */
  requestId?: string;
  /** An invitation's details, to pre-fill the registration form. */
  name?: string;
  organisation?: string;
  language?: string;
}

/** Why a token in a link is refused. */
export type TokenProblem = 'malformed' | 'forged' | 'expired';
/**
 * Why a link cannot be followed: its token is refused, it was used already (a confirmation link is single use),
 * or what it points at is gone.
 */
export type LinkProblem = TokenProblem | 'used' | 'missing';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenProblem };

export const CONFIRMATION_TOKEN_TTL_SECONDS = 48 * 3600;
/** Manage links sit in every email of a review's season; a new one comes with each email. */
export const MANAGE_TOKEN_TTL_SECONDS = 180 * 86_400;
export const INVITATION_TOKEN_TTL_SECONDS = 90 * 86_400;
/** An unsubscribe link must work for as long as the emails that carry it are read. */
export const UNSUBSCRIBE_TOKEN_TTL_SECONDS = 400 * 86_400;

export const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const sign = (payload: string, key: string): string =>
  createHmac('sha256', key).update(payload).digest('base64url');

export function issueToken(claims: TokenClaims, key: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, key)}`;
}

export function verifyToken(token: string, purpose: TokenPurpose, key: string, now: Date): TokenCheck {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'forged' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.purpose !== purpose) return { ok: false, reason: 'forged' };
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
