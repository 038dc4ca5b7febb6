import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealed, expiring tokens for links in emails. Links end up in access logs, browser histories and forwarded
 * emails, so a token's claims (an address, a name) must be unreadable as well as unforgeable: each is a compact JWE
 * (RFC 7516, `dir` with A256GCM), sealed with a key derived from the link secret and named by its `kid`, so that
 * the secret can be rotated while links already sent still open. A token is bound to its purpose, so a link made
 * for one action cannot be replayed against another.
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

/** One key of the ring: its id, and the AES-256 key derived from its secret. */
interface SealingKey {
  kid: string;
  key: Buffer;
}

/**
 * The keys links are sealed with. The link secret holds one or more secrets separated by whitespace, newest first:
 * the first seals new links, every one opens links already sent. To rotate, put a new secret in front, and drop
 * the old one once the longest-lived link it sealed has expired (`UNSUBSCRIBE_TOKEN_TTL_SECONDS`).
 */
export interface KeyRing {
  current: SealingKey;
  byId: Map<string, SealingKey>;
}

const sealingKey = (secret: string): SealingKey => ({
  kid: createHash('sha256').update(`kid:${secret}`).digest('base64url').slice(0, 11),
  key: Buffer.from(hkdfSync('sha256', secret, 'gcm-consultations', 'link tokens', 32)),
});

let lastRing: { secret: string; ring: KeyRing } | undefined;

export function keyRing(secret: string): KeyRing {
  if (lastRing?.secret === secret) return lastRing.ring;
  const keys = secret.split(/\s+/).filter(Boolean).map(sealingKey);
  const [current] = keys;
  if (!current) throw new Error('The link secret is empty');
  const ring = { current, byId: new Map(keys.map((key) => [key.kid, key])) };
  lastRing = { secret, ring };
  return ring;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A digest of `text` keyed by the newest key of the link secret, for `purpose`: the same text gives the same
 * digest until the secret rotates, and nobody without the secret can tell which text gave it.
 */
export function keyedDigest(secret: string, purpose: string, text: string): string {
  return createHmac('sha256', keyRing(secret).current.key).update(`${purpose}\n${text}`).digest('base64url');
}

export function issueToken(claims: TokenClaims, secret: string): string {
  return sealText(JSON.stringify(claims), secret);
}

/** `text` sealed under the newest key of the link secret, as a link's claims are: unreadable, unforgeable. */
export function sealText(text: string, secret: string): string {
  const { kid, key } = keyRing(secret).current;
  const header = b64(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(header, 'ascii'));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `${header}..${b64(iv)}.${b64(sealed)}.${b64(cipher.getAuthTag())}`;
}

/** What `sealText` sealed, under any key of the ring; undefined for anything else. */
export function openText(token: string, secret: string): string | undefined {
  const opened = openSealed(token, secret);
  return 'text' in opened ? opened.text : undefined;
}

/** The claims a token seals, or why it cannot be opened. */
function openToken(token: string, secret: string): { claims: TokenClaims } | { reason: TokenProblem } {
  const opened = openSealed(token, secret);
  if ('reason' in opened) return opened;
  try {
    return { claims: JSON.parse(opened.text) };
  } catch {
    return { reason: 'malformed' };
  }
}

/** The text a token seals, or why it cannot be opened: its key unknown or its seal broken count as forged. */
function openSealed(token: string, secret: string): { text: string } | { reason: TokenProblem } {
  const [header, encryptedKey, iv, sealed, tag, ...rest] = token.split('.');
  if (!header || encryptedKey !== '' || !iv || !sealed || !tag || rest.length > 0)
    return { reason: 'malformed' };
  let kid: unknown;
  try {
    ({ kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')));
  } catch {
    return { reason: 'malformed' };
  }
  const key = typeof kid === 'string' ? keyRing(secret).byId.get(kid) : undefined;
  if (!key) return { reason: 'forged' };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'))
      .setAAD(Buffer.from(header, 'ascii'))
      .setAuthTag(Buffer.from(tag, 'base64url'));
    const opened = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]);
    return { text: opened.toString('utf8') };
  } catch {
    return { reason: 'forged' };
  }
}

export function verifyToken(token: string, purpose: TokenPurpose, secret: string, now: Date): TokenCheck {
  const opened = openToken(token, secret);
  if ('reason' in opened) return { ok: false, reason: opened.reason };
  const { claims } = opened;
  if (claims.purpose !== purpose) return { ok: false, reason: 'forged' };
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
