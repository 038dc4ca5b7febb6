import { describe, expect, it } from 'vitest';
import { PROOF_AFTER_PER_CLIENT } from '#services/proof-of-work';
import { crowdThroughNpmStart, THOUSAND } from '#test/support/reliability/crowd';

// npm start runs every function, dynalite and the SES emulator in one process, some 35 ms of its CPU a registration
// (the AWS SDK's calls, dynalite, the emulator reading each message): half a minute alone, more on busy cores.
describe('a thousand registrations through npm start', { timeout: 240_000 }, () => {
  it('are each stored once and emailed once, the conference room past the threshold proving its work', async () => {
    const figures = await crowdThroughNpmStart(THOUSAND);
    expect(figures.refused).toEqual({});
    expect(figures.accepted).toBe(1000);
    expect(figures.challenged).toBe(THOUSAND.inTheRoom - PROOF_AFTER_PER_CLIENT);
    expect([figures.lost, figures.strangers, figures.storedTwice]).toEqual([[], [], []]);
    expect([figures.notEmailed, figures.emailedTwice]).toEqual([[], []]);
    expect([figures.stored, figures.emails]).toEqual([1000, 1000]);
  });
});
