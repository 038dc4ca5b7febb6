import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceClient } from '../support/local-service';
import { reviewBody } from '../support/local-service';
import { spawnService } from '../support/spawn-service';

/**
 * The flow, as a new user would try it after `npm start`: the service runs in its own process and is
 * driven over HTTP only.
 */
let service: Awaited<ReturnType<typeof spawnService>>;
let api: ServiceClient;

beforeAll(async () => {
  service = await spawnService();
  api = service.client;
});
afterAll(() => service?.stop());

type Schedule = { name: string; kind: string; at: string };
const REVIEW = 'europe-2027';
const A = 'a@example.org';

describe('a review date schedules EventBridge jobs that email registrants', () => {
  let start: Date;
  let schedules: Schedule[];

  it('prints every URL and the admin token at start', () => {
    for (const label of ['HTTP API', 'admin token', 'outbox (JSON)', 'SES web inbox', 'local clock'])
      expect(service.output()).toContain(label);
  });

  it('creates the Europe review about 120 days ahead, with jobs of every kind', async () => {
    start = await api.now();
    const answer = await api.putReview(REVIEW, reviewBody(start, 120));
    expect(answer.status).toBe(201);
    schedules = answer.body.schedules;
    expect(new Set(schedules.map((s) => s.kind))).toEqual(
      new Set(['pre-consultation', 'materials-publication', 'hybrid-consultation', 'reminder']),
    );
    expect(schedules.every((s) => s.name.length <= 64 && Date.parse(s.at) > start.getTime())).toBe(true);
  });

  it('registers a@example.org, confirmed by the link in the outbox', async () => {
    const confirmed = await api.registerAndConfirm(REVIEW, A, 'Amina Haddad', 'en');
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('is confirmed');
  });

  it('sends each milestone email exactly once as the clock moves step by step to the review', async () => {
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
  });

  it('moves the jobs when the date changes, and nothing fires at the old times', async () => {
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
  });

  it('cancels the review: no job remains', async () => {
    const cancelled = await api.request('DELETE', `/admin/reviews/${REVIEW}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.schedules).toEqual([]);
    expect((await api.request('GET', `/admin/reviews/${REVIEW}`)).body.schedules).toEqual([]);
    const sent = (await api.outbox(A)).length;
    const after = await api.moveClock({ advanceBy: 'P200D' });
    expect(after.fired.filter((f) => f.scheduleName.startsWith(`${REVIEW}.`))).toEqual([]);
    expect((await api.outbox(A)).length).toBe(sent);
  });
});
