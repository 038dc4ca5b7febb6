import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test as base, describe, expect } from 'vitest';
import { ADMIN_TOKEN } from '#test/support/service-client';
import { SPAWNED, spawnService } from '#test/support/spawn-service';

// biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
const it = base.extend('service', async ({}, { onCleanup }) => {
  const service = await spawnService();
  onCleanup(() => service.stop());
  return service;
});

/** `npm run seed:roadmap`'s own script, against a running `npm start`. */
const seed = (api: string, ...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'local/seed-roadmap.ts', '--api', api, ...args], {
    env: { ...process.env, ADMIN_TOKEN },
  });

describe('npm run seed:roadmap', SPAWNED, () => {
  it('loads the seed’s round, then a rehearsal round, through the admin API', async ({ service }) => {
    const api = service.client.baseUrl;
    const { stdout } = await seed(api);
    expect(stdout.split('\n').filter((line) => line.startsWith('201 '))).toHaveLength(7);
    const seeded = (await service.client.request('GET', '/timeline.json')).body;
    expect(seeded.cycle).toBe('2023-2025, second round');
    expect(
      seeded.reviews.map((r: { reviewId: string; dateText: string }) => [r.reviewId, r.dateText]),
    ).toEqual([
      ['global-oct-2023', '31 October 2023'],
      ['global-nov-2023', 'November 2023'],
      ['europe-2024', '11 March 2024'],
      ['africa-2024', 'May 2024'],
      ['arab-2024', 'June 2024'],
      ['lac-2024', 'week 3 of November 2024'],
      ['asia-pacific-2025', '2025'],
    ]);

    await seed(api, '--rehearsal');
    const rehearsal = (await service.client.request('GET', '/timeline.json')).body;
    expect(rehearsal.cycle).toBe('Rehearsal round');
    expect(rehearsal.cycles).toEqual(['Rehearsal round', '2023-2025, second round']);
    const firstJobs = await service.client.moveClock({ advanceBy: 'P20D' });
    expect(firstJobs.fired.length).toBeGreaterThan(0);
    expect(firstJobs.fired.every((f) => f.ok)).toBe(true);
  });
});
