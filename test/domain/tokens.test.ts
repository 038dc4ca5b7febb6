import { describe, expect, it } from 'vitest';
import { issueToken, verifyToken } from '#domain/tokens';

const KEY = 'test-key-0123456789';
const NOW = new Date('2027-01-01T00:00:00Z');
const claims = {
  purpose: 'confirm-registration' as const,
  reviewId: 'europe-2027',
  email: 'a@example.org',
  exp: NOW.getTime() / 1000 + 60,
};

describe('signed link tokens', () => {
  it('round-trips its claims until it expires', () => {
    const token = issueToken(claims, KEY);
    expect(verifyToken(token, 'confirm-registration', KEY, NOW)).toEqual({ ok: true, claims });
    expect(verifyToken(token, 'confirm-registration', KEY, new Date(NOW.getTime() + 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token signed with another key or altered', () => {
    const token = issueToken(claims, KEY);
    expect(verifyToken(token, 'confirm-registration', 'another-key', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const altered = issueToken({ ...claims, email: 'b@example.org' }, 'another-key').split('.')[0];
    expect(verifyToken(`${altered}.${token.split('.')[1]}`, 'confirm-registration', KEY, NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  it('refuses garbage', () => {
    for (const token of ['', 'abc', 'a.b.c', '.x'])
      expect(verifyToken(token, 'confirm-registration', KEY, NOW).ok).toBe(false);
  });
});
