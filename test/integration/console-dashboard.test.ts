import { SEED_ROUND } from '#local/seed/roadmap-2023-2024';
import { Browser } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { reviewBody } from '#test/support/service-client';

/** The seed's round as `npm run seed:roadmap` loads it, and Europe's next review, four months ahead. */
const it = test.extend('records', { auto: true }, async ({ api }) => {
  for (const { reviewId, review } of SEED_ROUND)
    expect((await api.putReview(reviewId, review)).status).toBe(201);
  expect((await api.putReview('europe-next', reviewBody(await api.now(), 120))).status).toBe(201);
});

/** The part of a page from a string up to the next occurrence of another. */
const between = (html: string, from: string, to: string) => {
  const start = html.indexOf(from);
  return start < 0 ? '' : html.slice(start, html.indexOf(to, start));
};

describe('the console’s dashboard', () => {
  it('gives the seed’s timeline table from the reviews, each date as precisely as it is known', async ({
    api,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const page = await (await browser.go('/console')).text();
    const seed = between(page, '<caption>Round: \u20682023-2025, second round\u2069</caption>', '</table>');
    const rows = seed.split('<tr>').slice(2);
    expect(rows.map((row) => /<th scope="row">([^<]+)<\/th>/.exec(row)?.[1])).toEqual([
      'Europe',
      'Africa',
      'Arab region',
      'Latin America and the Caribbean',
      'Asia-Pacific',
    ]);
    const cells = (row: string) =>
      [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) => (cell as string).replace(/<[^>]+>/g, ''));
    expect(cells(rows[0] as string)).toEqual([
      '8 November 2023 (to be decided)',
      '8 or 11 March 2024 (to be decided)',
      '11 March 2024: GCM regional review: Europe (Geneva)',
      '—',
    ]);
    expect(cells(rows[1] as string).slice(0, 3)).toEqual([
      'March 2024 (day not yet known)',
      'May 2024 (day not yet known)',
      'May 2024 (day not yet known): GCM regional review: Africa',
    ]);
    expect(cells(rows[3] as string)[2]).toBe(
      'week 3 of November 2024 (day not yet known): GCM regional review: Latin America and the Caribbean',
    );
    expect(cells(rows[4] as string)[0]).toBe('late 2024 (day not yet known)late 2024 (day not yet known)');
    expect(page).toContain('href="/console/reviews/europe-2024?lang=en"');
    // The review of no round has a table of its own.
    expect(page.match(/<th scope="col">Pre-consultation<\/th>/g)).toHaveLength(2);
  });

  it('marks each review’s milestones on the chart, in their state, with a legend and in words', async ({
    api,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    const page = await (await browser.go('/console')).text();
    const chart = /<svg role="img"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    expect(chart).toContain('a marker per milestone');
    // Europe's next review: two dated meetings of four milestones each, every job there.
    expect(chart.match(/<polygon [^>]*fill="#00589c"/g)).toHaveLength(8);
    // Europe's 2024 review: two meetings still to be decided, whose milestones are still to be dated.
    expect(chart.match(/<polygon [^>]*fill="#fff"/g)).toHaveLength(8);
    expect(chart).toMatch(
      /<title>GCM regional review: Europe, Virtual pre-consultation: invitation: \d{4}-\d{2}-\d{2} \(Scheduled\)<\/title>/,
    );
    expect(chart).toContain(
      'Hybrid multi-stakeholder consultation: reminder, 7 days before: 2024-03-01 (Still to be dated)</title>',
    );
    const legend = between(page, '<ul class="counts" aria-label="Legend of the chart">', '</ul>');
    for (const words of [
      'Meeting on settled days',
      'The review',
      'Done (its time has passed)',
      'Still to be dated',
    ])
      expect(legend).toContain(words);
    expect(page).toContain('<li>Scheduled: 8</li>');
    expect(page).toContain('<li>Still to be dated: 8</li>');
  });

  it('lists what fires next across the reviews the person may see, with each job’s state', async ({
    api,
    runtime,
  }) => {
    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    const { schedules } = (await api.request('GET', '/admin/reviews/europe-next')).body;
    const first = schedules.find((s: { milestoneId: string }) => s.milestoneId === 'pre-1.invitation');
    await runtime.dependencies.scheduler.syncReview(
      'europe-next',
      schedules
        .filter((s: { milestoneId: string }) => s !== first)
        .map((s: { milestoneId: string; kind: string; at: string; version: number }) => ({
          reviewId: 'europe-next',
          milestoneId: s.milestoneId,
          kind: s.kind,
          at: s.at,
          version: s.version,
        })),
    );
    const page = await (await browser.go('/console')).text();
    const next = between(page, '<h2>What fires next</h2>', '</table>');
    const rows = next.split('<tr>').slice(2);
    expect(rows).toHaveLength(8);
    const words = (row: string) =>
      row
        .replace(/<[^>]+>/g, '|')
        .split('|')
        .filter(Boolean);
    expect(words(rows[0] as string).slice(-4)).toEqual([
      '(Europe/Zurich)',
      'GCM regional review: Europe',
      'Virtual pre-consultation: invitation',
      'Missing: the hourly reconcile will create it',
    ]);
    expect(words(rows[1] as string).slice(-2)).toEqual([
      'Virtual pre-consultation: materials published',
      'Scheduled',
    ]);
    expect(words(rows[3] as string).at(-2)).toBe('Virtual pre-consultation: reminder, 1 day before');
    expect(page).not.toContain('africa-2024');
  });
});
