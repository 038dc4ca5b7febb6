import { describe, expect, it } from 'vitest';
import { canRead, canWrite, isStaff, principalOf } from '#domain/access';

const secretariat = principalOf('s', 'secretariat@example.org', ['secretariat']);
const africa = principalOf('a', 'africa-focal@example.org', ['region-africa', 'region-atlantis', 'readers']);
const nobody = principalOf('n', undefined, ['readers']);

describe('access by group', () => {
  it('reads the regions of region-<id> groups, and no region that does not exist', () => {
    expect(africa).toEqual({
      subject: 'a',
      email: 'africa-focal@example.org',
      secretariat: false,
      regions: ['africa'],
    });
    expect([isStaff(secretariat), isStaff(africa), isStaff(nobody)]).toEqual([true, true, false]);
  });

  it('gives the secretariat everything, and a focal point their region’s records', () => {
    const review = (region: 'africa' | 'europe') => ({ kind: 'regional-review' as const, region });
    const global = { kind: 'global-consultation' as const, regions: ['africa' as const, 'lac' as const] };
    const talk = { kind: 'gcm-talk' as const, regions: [] };
    const cases = [review('africa'), review('europe'), global, talk].map((record) => [
      canRead(secretariat, record),
      canWrite(secretariat, record),
      canRead(africa, record),
      canWrite(africa, record),
    ]);
    expect(cases).toEqual([
      [true, true, true, true],
      [true, true, false, false],
      [true, true, true, false],
      [true, true, false, false],
    ]);
  });

  it('lets a focal point change a briefing about their region only, not one shared with another', () => {
    expect(canWrite(africa, { kind: 'briefing', regions: ['africa'] })).toBe(true);
    expect(canWrite(africa, { kind: 'briefing', regions: ['africa', 'arab'] })).toBe(false);
    expect(canRead(africa, { kind: 'briefing', regions: ['africa', 'arab'] })).toBe(true);
  });
});
