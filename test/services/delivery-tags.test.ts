import { describe, expect, it } from 'vitest';
import { ROUND_TAG, roundFromTags, roundTags } from '#services/delivery-tags';

const round = { reviewId: 'europe-2027', milestoneId: 'pre-1.reminder-7d', at: '2027-01-04T09:00:00.000Z' };

describe('the round tag of a message', () => {
  it('is a value SES accepts, naming the round and nothing about the recipient', () => {
    const tags = roundTags(round);

    expect(Object.keys(tags)).toEqual([ROUND_TAG]);
    expect(tags[ROUND_TAG]).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(Buffer.from(tags[ROUND_TAG] as string, 'base64url').toString()).toBe(
      '["europe-2027","pre-1.reminder-7d","2027-01-04T09:00:00.000Z"]',
    );
  });

  it('comes back from an SES event as the round', () => {
    const tags = {
      'ses:configuration-set': ['gcm-consultations'],
      [ROUND_TAG]: [roundTags(round)[ROUND_TAG]],
    };

    expect(roundFromTags(tags as Record<string, string[]>)).toEqual(round);
  });

  it('is left out when the round is too long for a tag, rather than have SES refuse the message', () => {
    expect(roundTags({ ...round, milestoneId: 'm'.repeat(200) })).toEqual({});
  });

  it.each([
    ['no tags', undefined],
    ['no round tag', { 'ses:configuration-set': ['gcm-consultations'] }],
    ['a value that is not base64url JSON', { [ROUND_TAG]: ['not-a-round'] }],
    ['a value of another shape', { [ROUND_TAG]: [Buffer.from('["europe-2027"]').toString('base64url')] }],
  ])('names no round with %s', (_case, tags) => {
    expect(roundFromTags(tags)).toBeUndefined();
  });
});
