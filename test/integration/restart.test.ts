import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalClock } from '#local/clock';
import { CLOCK_FILE } from '#local/runtime';
import { reviewBody } from '#test/support/service-client';
import { SPAWNED, spawnService } from '#test/support/spawn-service';

const dataDir = mkdtempSync(join(tmpdir(), 'gcm-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a restart of `npm start`', SPAWNED, () => {
  it('keeps reviews, registrations, schedules and the clock, and runs what fell due while stopped', async () => {
    const first = await spawnService(dataDir);
    const start = await first.client.now();
    const created = await first.client.putReview('europe-kept', reviewBody(start, 120));
    await first.client.registerAndConfirm('europe-kept', 'kept@example.org');
    await first.client.moveClock({ advanceBy: 'P10D' });
    await first.stop();

    // Twenty days pass while it is stopped: three milestones of the pre-consultation (on day 36) fall due meanwhile.
    new LocalClock({ filePath: join(dataDir, CLOCK_FILE) }).advanceBy('P20D');
    const second = await spawnService(dataDir);
    try {
      const now = await second.client.now();
      expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(30 * 86_400_000);
      const review = await second.client.request('GET', '/admin/reviews/europe-kept');
      expect(review.body.review.version).toBe(1);
      expect((review.body.schedules as { name: string }[]).map((s) => s.name)).toEqual(
        (created.body.schedules as { name: string; at: string }[])
          .filter((s) => Date.parse(s.at) > now.getTime())
          .map((s) => s.name),
      );
      // The outbox is the SES emulator's memory, new after a restart: it holds what ran at this start only.
      const subjects = (await second.client.outbox('kept@example.org')).map((e) => e.subject);
      expect(subjects).toEqual([
        'Invitation: Virtual pre-consultation, GCM regional review: Europe',
        'Materials published: Virtual pre-consultation, GCM regional review: Europe',
        'Reminder: Virtual pre-consultation in 7 days, GCM regional review: Europe',
      ]);
    } finally {
      await second.stop();
    }
  });
});
