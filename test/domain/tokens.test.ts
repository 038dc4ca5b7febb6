import { hkdfSync } from 'node:crypto';
import { compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueToken, keyedDigest, keyRing, openText, sealText, verifyToken } from '#domain/tokens';

const KEY = 'test-key-0123456789';
const NOW = new Date('2027-01-01T00:00:00Z');
const claims = {
  purpose: 'confirm-registration' as const,
  reviewId: 'europe-2027',
  email: 'amina.haddad@example.org',
  name: 'Amina Haddad',
  exp: NOW.getTime() / 1000 + 60,
};

/** Every part of a token as text, decoded as far as anyone without the key can decode it. */
const readableParts = (token: string) =>
  token.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'));

describe('sealed link tokens', () => {
  it('round-trip their claims until they expire', () => {
    const token = issueToken(claims, KEY);
    expect(verifyToken(token, 'confirm-registration', KEY, NOW)).toEqual({ ok: true, claims });
    expect(verifyToken(token, 'confirm-registration', KEY, new Date(NOW.getTime() + 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('carry nothing anyone can read: no address, no name, not even in base64', () => {
    const token = issueToken(claims, KEY);
    for (const readable of [token, ...readableParts(token)]) {
      expect(readable).not.toContain('amina');
      expect(readable).not.toContain('example.org');
      expect(readable).not.toContain('Haddad');
    }
    expect(issueToken(claims, KEY)).not.toBe(token);
  });

  it('are standard compact JWEs (dir, A256GCM) that a JOSE library opens with the derived key', async () => {
    const token = issueToken(claims, KEY);
    const key = new Uint8Array(hkdfSync('sha256', KEY, 'gcm-consultations', 'link tokens', 32));
    const { plaintext, protectedHeader } = await compactDecrypt(token, key);
    expect(protectedHeader).toEqual({ alg: 'dir', enc: 'A256GCM', kid: keyRing(KEY).current.kid });
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(claims);
  });

  it('still open under a rotated secret, the new key sealing new links and the old one opening those sent', () => {
    const sent = issueToken(claims, 'old-secret');
    const rotated = 'new-secret old-secret';
    expect(verifyToken(sent, 'confirm-registration', rotated, NOW)).toEqual({ ok: true, claims });
    const fresh = issueToken(claims, rotated);
    expect(JSON.parse(Buffer.from(fresh.split('.')[0] as string, 'base64url').toString()).kid).toBe(
      keyRing('new-secret').current.kid,
    );
    expect(verifyToken(fresh, 'confirm-registration', 'new-secret', NOW).ok).toBe(true);
    expect(verifyToken(fresh, 'confirm-registration', 'old-secret', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifyToken(sent, 'confirm-registration', 'new-secret', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuse a token sealed with another key, altered, or made for another purpose', () => {
    const token = issueToken(claims, KEY);
    expect(verifyToken(token, 'confirm-registration', 'another-key', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const parts = token.split('.');
    const sealed = Buffer.from(parts[3] as string, 'base64url');
    sealed[0] = (sealed[0] as number) ^ 1;
    parts[3] = sealed.toString('base64url');
    expect(verifyToken(parts.join('.'), 'confirm-registration', KEY, NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifyToken(token, 'manage-registration', KEY, NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuse garbage', () => {
    for (const token of [
      '',
      'abc',
      'a.b.c',
      '.x',
      'a..b.c.d',
      `${Buffer.from('{').toString('base64url')}..a.b.c`,
    ])
      expect(verifyToken(token, 'confirm-registration', KEY, NOW).ok).toBe(false);
  });
});

describe('a digest keyed by the link secret', () => {
  it('follows the newest secret only, and differs by purpose and by text', () => {
    const digest = keyedDigest('new-secret', 'registration correlation', 'europe\na@example.org');
    expect(keyedDigest('new-secret old-secret', 'registration correlation', 'europe\na@example.org')).toBe(
      digest,
    );
    expect(keyedDigest('old-secret', 'registration correlation', 'europe\na@example.org')).not.toBe(digest);
    expect(keyedDigest('new-secret', 'proof of work', 'europe\na@example.org')).not.toBe(digest);
    expect(keyedDigest('new-secret', 'registration correlation', 'europe\nb@example.org')).not.toBe(digest);
    expect(digest).not.toContain('example');
  });
});

describe('sealed text (page cursors)', () => {
  it('opens under every key of the ring, and is undefined for anything else', () => {
    const sealed = sealText('{"page":{"pk":"REVIEW#europe","sk":"REG#ana@example.org"}}', KEY);
    expect(sealed).not.toContain('ana');
    expect(openText(sealed, KEY)).toBe('{"page":{"pk":"REVIEW#europe","sk":"REG#ana@example.org"}}');
    expect(openText(sealed, `${'n'.repeat(32)} ${KEY}`)).toContain('ana@example.org');
    expect(openText(sealed, 'x'.repeat(32))).toBeUndefined();
    expect(openText(`${sealed.slice(0, -3)}AAA`, KEY)).toBeUndefined();
    expect(openText('not.a.sealed.text', KEY)).toBeUndefined();
  });
});
