import type { LocalRuntime } from '#local/runtime';
import { Browser, csrfOf } from '#test/support/console-browser';
import { confirmationLink, reviewBody, type ServiceClient } from '#test/support/service-client';
import { addresses, type FaultOutcome, tally } from './outcome';

/**
 * Admins save one review at the same moment: four through the admin API (which replaces the review: each save
 * accepted or refused with 409, never half done), two through the console's editor, opened at the same version
 * (one saves, the other is told someone changed it first). Every save accepted is one version, the last one's
 * review is the one kept, and every Scheduler job carries its version (a job of an older version would fire as
 * stale, and its round be lost).
 */
export async function adminsSaveOneReview(
  api: ServiceClient,
): Promise<FaultOutcome & { apiAnswers: number[]; consoleAnswers: number[] }> {
  const start = await api.now();
  const body = (venue: string) => reviewBody(start, 120, { venue });
  await api.putReview('shared', body('Palais des Nations'));
  const venues = ['Vienna', 'Bangkok', 'Nairobi', 'Santiago'];
  const saves = await Promise.all(venues.map((venue) => api.putReview('shared', body(venue))));
  const apiAnswers = saves.map((answer) => answer.status);

  const editors = [new Browser(api.baseUrl), new Browser(api.baseUrl)];
  const forms = await Promise.all(
    editors.map(async (editor) => {
      await editor.signIn('secretariat@example.org', ['secretariat']);
      return csrfOf(await (await editor.go('/console/reviews/shared/edit')).text());
    }),
  );
  const { version } = (await api.request('GET', '/admin/reviews/shared')).body.review;
  const consoleAnswers = await Promise.all(
    editors.map(async (editor, i) => {
      const form = { ...body('Geneva'), csrf: forms[i] as string, version: String(version), intent: 'save' };
      return (await editor.post('/console/reviews/shared/edit', { ...form, title: `Edited by ${i}` })).status;
    }),
  );

  const final = (await api.request('GET', '/admin/reviews/shared')).body;
  const accepted = saves.filter((answer) => answer.status === 200);
  const lastAccepted = accepted.sort((a, b) => b.body.review.version - a.body.review.version)[0];
  const consoleSaved = consoleAnswers.filter((status) => status === 303).length;
  const saved = accepted.length + consoleSaved;
  const problems = [
    ...(final.review.version === 1 + saved
      ? []
      : [`${saved} saves accepted, yet version ${final.review.version}`]),
    // The console's saves come after the API's: when one of them is accepted, its review is the one kept.
    ...(consoleSaved === 1
      ? final.review.venue === 'Geneva' && /^Edited by [01]$/.test(final.review.title ?? '')
        ? []
        : [`kept ${final.review.venue} (${final.review.title}), not the console's save`]
      : lastAccepted?.body.review.venue === final.review.venue
        ? []
        : [`kept the venue ${final.review.venue}, not the last save's`]),
    ...final.schedules
      .filter((job: { version: number }) => job.version !== final.review.version)
      .map((job: { name: string; version: number }) => `job ${job.name} of version ${job.version}`),
  ];
  return {
    fault: 'six admins save one review at once (4 by the API, 2 in the console)',
    expected: saved,
    lost: problems,
    doubled: consoleSaved > 1 ? ['both console saves of one version accepted'] : [],
    handled: `API ${apiAnswers.join(' ')}; console ${consoleAnswers.join(' ')}; review at version ${final.review.version}`,
    apiAnswers,
    consoleAnswers,
  };
}

/**
 * Registrants for a meeting of three in-person places each press their confirmation link's button twice at once
 * (a double click, a mail scanner), all of them at the same moment: each is confirmed and told once, three get
 * the places and the rest wait in line.
 */
export async function confirmationsRace(
  runtime: LocalRuntime,
  api: ServiceClient,
  registrants = 10,
): Promise<FaultOutcome & { answers: number[]; seated: number; waiting: number; places: number }> {
  const places = 3;
  const meetings = [
    { id: 'pre-1', kind: 'pre-consultation' },
    { id: 'hybrid', kind: 'hybrid-consultation', capacity: places },
  ];
  await api.putReview('seats', reviewBody(await api.now(), 120, { meetings }));
  const emails = addresses('racer', registrants);
  const tokens: string[] = [];
  for (const email of emails) {
    const json = { reviewId: 'seats', email, name: email, language: 'en', attendanceMode: 'in-person' };
    await api.register(json);
    tokens.push(new URL(confirmationLink(await api.outbox(email))).searchParams.get('token') as string);
  }
  const answers = await Promise.all(
    [...tokens, ...tokens].map(
      async (token) => (await api.request('POST', '/confirm', { form: { token } })).status,
    ),
  );
  const told = (await api.outbox())
    .filter((email) => email.subject.startsWith('Registration confirmed'))
    .flatMap((email) => email.to);
  const now = runtime.clock.now();
  const stored = await Promise.all(
    emails.map((email) => runtime.dependencies.store.registrants.get('seats', email, now)),
  );
  const seated = stored.filter((r) => r?.status === 'confirmed' && r.seat === 'seat').length;
  const waiting = stored.filter((r) => r?.status === 'confirmed' && r.seat === 'waitlisted').length;
  const holders = await runtime.dependencies.store.seats.holders('seats', 'hybrid');
  const counted = tally(emails, told);
  return {
    fault: `${registrants} registrants confirm twice each, all at once, for ${places} places`,
    ...counted,
    lost: [
      ...counted.lost,
      ...(holders.length === seated ? [] : [`${holders.length} places held, ${seated} registrants seated`]),
    ],
    handled: `answers ${[...new Set(answers)].join(', ')}; ${seated} seated, ${waiting} waiting`,
    answers,
    seated,
    waiting,
    places,
  };
}
