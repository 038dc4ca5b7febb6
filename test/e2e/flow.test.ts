import { test as base, describe, expect } from 'vitest';
import { reviewBody } from '#test/support/service-client';
import { SPAWNED, spawnService } from '#test/support/spawn-service';

/**
 * The flow, as a new user would try it after `npm start`: the service runs in a process of its own
 * (each test's own) and is driven over HTTP only.
 */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
const it = base.extend('service', async ({}, { onCleanup }) => {
  const service = await spawnService();
  onCleanup(() => service.stop());
  return service;
});

type Schedule = { name: string; kind: string; at: string };
const REVIEW = 'europe-2027';
const A = 'a@example.org';

describe('a review date schedules EventBridge jobs that email registrants', SPAWNED, () => {
  it('prints every URL and the admin token at start', ({ service }) => {
    for (const label of ['HTTP API', 'admin token', 'outbox (JSON)', 'SES web inbox', 'local clock'])
      expect(service.output()).toContain(label);
  });

  it('sets a review, registers, emails each milestone once as the clock moves, moves the jobs with the date, and cancels', async ({
    service: { client: api },
  }) => {
    // The Europe review about 120 days ahead, with jobs of every kind.
    const start = await api.now();
    const created = await api.putReview(REVIEW, reviewBody(start, 120));
    expect(created.status).toBe(201);
    const schedules = created.body.schedules as Schedule[];
    expect(new Set(schedules.map((s) => s.kind))).toEqual(
      new Set(['pre-consultation', 'materials-publication', 'hybrid-consultation', 'reminder']),
    );
    expect(schedules.every((s) => s.name.length <= 64 && Date.parse(s.at) > start.getTime())).toBe(true);

    // a@example.org registers, confirmed by the link in the outbox.
    const confirmed = await api.registerAndConfirm(REVIEW, A, 'Amina Haddad', 'en');
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('is confirmed');

    // Each milestone email goes out exactly once as the clock moves step by step to the review.
    const reviewDay = new Date(`${reviewBody(start, 120).date}T12:00:00Z`);
    const fired: string[] = [];
    while ((await api.now()) < reviewDay) {
      const step = await api.moveClock({ advanceBy: 'P5D' });
      expect(step.fired.every((f) => f.ok)).toBe(true);
      fired.push(...step.fired.map((f) => f.scheduleName));
    }
    expect(fired.sort()).toEqual(schedules.map((s) => s.name).sort());
    const subjects = (await api.outbox(A))
      .map((e) => e.subject)
      .filter((s) => !/^(Confirm|Registration confirmed)/.test(s));
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(subjects).toEqual([
      'Invitation: Virtual pre-consultation, GCM regional review: Europe',
      'Materials published: Virtual pre-consultation, GCM regional review: Europe',
      'Reminder: Virtual pre-consultation in 7 days, GCM regional review: Europe',
      'Reminder: Virtual pre-consultation tomorrow, GCM regional review: Europe',
      'Invitation: Hybrid multi-stakeholder consultation, GCM regional review: Europe',
      'Materials published: Hybrid multi-stakeholder consultation, GCM regional review: Europe',
      'Reminder: Hybrid multi-stakeholder consultation in 7 days, GCM regional review: Europe',
      'Reminder: Hybrid multi-stakeholder consultation tomorrow, GCM regional review: Europe',
    ]);
    expect((await api.request('GET', `/admin/reviews/${REVIEW}`)).body.schedules).toEqual([]);

    // The next round's date is set, then changed: the jobs move, and nothing fires at the old times.
    const now = await api.now();
    const before = await api.putReview(REVIEW, reviewBody(now, 120));
    const oldTimes = new Set((before.body.schedules as Schedule[]).map((s) => s.at));
    const after = await api.putReview(REVIEW, reviewBody(now, 150));
    expect(after.status).toBe(200);
    const moved = after.body.schedules as Schedule[];
    expect(moved.map((s) => s.name)).toEqual((before.body.schedules as Schedule[]).map((s) => s.name));
    expect(moved.filter((s) => oldTimes.has(s.at))).toEqual([]);
    const firstNewTime = Math.min(...moved.map((s) => Date.parse(s.at)));
    const step = await api.moveClock({ set: new Date(firstNewTime - 1000).toISOString() });
    // The review's own jobs: none fires at an old time. (The move also runs the meeting-change rounds, which find
    // nobody holding an invitation to the moved meetings yet, and so send nothing.)
    expect(step.fired.filter((f) => f.scheduleName.startsWith(`${REVIEW}.`))).toEqual([]);
    expect(step.fired.every((f) => f.scheduleName.startsWith('change.') && f.ok)).toBe(true);

    // Cancelled, the review keeps no job, and nothing more is sent.
    const cancelled = await api.request('DELETE', `/admin/reviews/${REVIEW}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.schedules).toEqual([]);
    expect((await api.request('GET', `/admin/reviews/${REVIEW}`)).body.schedules).toEqual([]);
    const sent = (await api.outbox(A)).length;
    const later = await api.moveClock({ advanceBy: 'P200D' });
    expect(later.fired.filter((f) => f.scheduleName.startsWith(`${REVIEW}.`))).toEqual([]);
    expect((await api.outbox(A)).length).toBe(sent);
  });
});
