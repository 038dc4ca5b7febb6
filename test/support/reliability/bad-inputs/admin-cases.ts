import { routes } from '#api/routes';
import { withNext } from '#http/paging';
import type { BadInput } from './cases';
import { ask, fieldRows, HUGE_ID, malformed, TOO_LONG, TWO_LINES } from './rows';
import type { World } from './world';

/** A regional review as the admin API takes it, far enough ahead for every milestone to be planned. */
const REVIEW = {
  region: 'europe',
  date: '2031-03-29',
  venue: 'Palais des Nations',
  timeZone: 'Europe/Zurich',
};
const MESSAGE = { texts: { en: { subject: 'News', body: 'Dear all' } }, defaultLanguage: 'en' };

/** A route's path with each parameter filled in from the world: the review, its registrant, the request. */
function pathOf(path: string, world: World): string {
  const values: Record<string, string> = {
    reviewId: world.reviewId,
    importId: 'no-such-upload',
    milestoneId: 'pre-1.invitation',
    email: world.registrant,
    contributionId: world.contributionId,
    meetingId: 'hybrid',
    requestId: world.requestId,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? name));
}

const adminRoutes = routes.filter((route) => route.auth === 'staff');

/** Every admin route without a token, with a made-up one, and, for a review route, as another region's focal point. */
function tokenCases(world: World): BadInput[] {
  return adminRoutes.flatMap((route) => {
    const path = pathOf(route.path, world);
    const unauthorized = { status: 401, says: /Unauthorized/ };
    const body = route.method === 'PUT' || route.method === 'POST' ? '{}' : undefined;
    const contentType = body ? 'application/json' : undefined;
    return [
      ask('no token', route.method, path, unauthorized, { token: null, body, contentType }),
      ask('a made-up token', route.method, path, unauthorized, { token: 'let-me-in', body, contentType }),
      ...(route.access.startsWith('review:')
        ? [
            ask(
              'another region’s focal point',
              route.method,
              path,
              { status: 403, says: /another region/ },
              {
                token: world.africaToken,
                body,
                contentType,
              },
            ),
          ]
        : []),
    ];
  });
}

function reviewCases(world: World): BadInput[] {
  const put = { method: 'PUT', path: `/admin/reviews/${world.reviewId}` } as const;
  return [
    ...malformed(put, REVIEW),
    ...fieldRows(put, REVIEW, [
      ['no region', { region: undefined }, 'region'],
      ['an unknown region', { region: 'mars' }, 'region'],
      ['a region that is a number', { region: 7 }, 'region'],
      ['no date', { date: undefined }, 'date'],
      ['30 February', { date: '2031-02-30' }, 'date'],
      ['a date in words it cannot read', { date: 'some day in spring' }, 'date'],
      ['a date that is a number', { date: 20310329 }, 'date'],
      ['no time zone', { timeZone: undefined }, 'timeZone'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['an empty venue', { venue: '' }, 'venue'],
      ['a venue of two lines', { venue: TWO_LINES }, 'venue'],
      ['a title too long', { title: TOO_LONG }, 'title'],
      ['a start at 25:00', { startTime: '25:00' }, 'startTime'],
      ['materials over http', { materialsUrl: 'http://example.org/paper.pdf' }, 'materialsUrl'],
      ['materials in an unknown language', { materials: { xx: 'https://example.org/x.pdf' } }, 'materials'],
      ['interpretation into Klingon', { interpretationLanguages: ['tlh'] }, 'interpretationLanguages'],
      ['no interpretation language', { interpretationLanguages: [] }, 'interpretationLanguages'],
      ['invitations 0 days before', { leadTimes: { invitationDays: 0 } }, 'leadTimes'],
      ['no meeting', { meetings: [] }, 'meetings'],
      ['a meeting id with capitals', { meetings: [{ id: 'Pre One', kind: 'pre-consultation' }] }, 'meetings'],
      ['a meeting of an unknown kind', { meetings: [{ id: 'm', kind: 'party' }] }, 'meetings'],
      [
        'a meeting with -1 places',
        { meetings: [{ id: 'h', kind: 'hybrid-consultation', capacity: -1 }] },
        'meetings',
      ],
      ['an unknown kind of record', { kind: 'festival' }, 'kind'],
      ['a cap of 0 per organisation', { organisationCap: 0 }, 'organisationCap'],
      ['approval as a word', { requiresApproval: 'yes' }, 'requiresApproval'],
      ['an unknown key', { colour: 'blue' }, '(body)'],
    ]),
    ask(
      'an id with capitals and _',
      'PUT',
      '/admin/reviews/Not_An_Id',
      { status: 422, field: 'reviewId' },
      {
        body: JSON.stringify(REVIEW),
        contentType: 'application/json',
      },
    ),
    ask(
      'an id of 3,000 characters',
      'PUT',
      `/admin/reviews/${HUGE_ID}`,
      { status: 422, field: 'reviewId' },
      {
        body: JSON.stringify(REVIEW),
        contentType: 'application/json',
      },
    ),
    ask('an id that is not a review', 'GET', '/admin/reviews/x_', { status: 422, field: 'reviewId' }),
    ask('an unknown review', 'GET', '/admin/reviews/nowhere', { status: 404, says: /not found/ }),
    ask('an id of 3,000 characters', 'GET', `/admin/reviews/${HUGE_ID}`, { status: 422, field: 'reviewId' }),
    ask('an unknown review', 'DELETE', '/admin/reviews/nowhere', { status: 404, says: /not found/ }),
    ask('an id that is not a review', 'DELETE', '/admin/reviews/x_', { status: 422, field: 'reviewId' }),
  ];
}

function recordCases(world: World): BadInput[] {
  const review = `/admin/reviews/${world.reviewId}`;
  const json = 'application/json';
  const email = encodeURIComponent(world.registrant);
  return [
    // Invitations: a CSV file, nothing else.
    ask(
      'contacts as JSON',
      'POST',
      `${review}/invitations`,
      { status: 400, field: 'content-type' },
      {
        body: '[{"email":"a@example.org"}]',
        contentType: json,
      },
    ),
    ask(
      'a CSV whose header names neither email nor name',
      'POST',
      `${review}/invitations`,
      {
        status: 422,
        field: 'body',
      },
      { body: 'mail,fullname\na@example.org,A\n', contentType: 'text/csv' },
    ),
    ask(
      'a CSV with a quote never closed',
      'POST',
      `${review}/invitations`,
      { status: 422, field: 'body' },
      {
        body: 'email,name\n"a@example.org,A\n',
        contentType: 'text/csv',
      },
    ),
    ask(
      'contacts for an unknown review',
      'POST',
      '/admin/reviews/nowhere/invitations',
      { status: 404 },
      {
        body: 'email,name\na@example.org,A\n',
        contentType: 'text/csv',
      },
    ),
    ask('an unknown upload', 'GET', `${review}/invitations/no-such-upload`, { status: 404 }),
    ask('an upload id of 3,000 characters', 'GET', `${review}/invitations/${HUGE_ID}`, {
      status: 422,
      field: 'importId',
    }),
    ask('a reminder with no one to remind', 'POST', `${review}/invitations/reminders`, {
      status: 422,
      field: 'reviewId',
    }),
    // Deliveries: a round of the plan, or one named by its instant; files as csv or xlsx.
    ask('an unknown milestone', 'GET', `${review}/deliveries/nothing-planned`, { status: 422, field: 'at' }),
    ask('a report as a PDF', 'GET', `${review}/deliveries/pre-1.invitation?format=pdf`, {
      status: 422,
      field: 'format',
    }),
    ask('part 0 of a report', 'GET', `${review}/deliveries/pre-1.invitation?format=csv&part=0`, {
      status: 422,
      field: 'part',
    }),
    ask('part "two" of a report', 'GET', `${review}/deliveries/pre-1.invitation?format=csv&part=two`, {
      status: 422,
      field: 'part',
    }),
    // A registrant: their data, the decision on them, their erasure.
    ask('the data of an unknown address', 'GET', `${review}/registrants/nobody%40example.org/data`, {
      status: 404,
    }),
    ask('the data of an address of 3,000 characters', 'GET', `${review}/registrants/${HUGE_ID}/data`, {
      status: 422,
      field: 'email',
    }),
    ...malformed({ method: 'PUT', path: `${review}/registrants/${email}` }, { decision: 'approve' }),
    ...fieldRows({ method: 'PUT', path: `${review}/registrants/${email}` }, { decision: 'approve' }, [
      ['no decision', { decision: undefined }, 'decision'],
      ['a decision of "maybe"', { decision: 'maybe' }, 'decision'],
      ['approving one who awaits no decision', {}, 'decision'],
      ['a reason of two lines', { decision: 'decline', reason: TWO_LINES }, 'reason'],
    ]),
    ask(
      'deciding on an address of 3,000 characters',
      'PUT',
      `${review}/registrants/${HUGE_ID}`,
      {
        status: 422,
        field: 'email',
      },
      {
        body: '{"decision":"approve"}',
        contentType: json,
      },
    ),
    ask('erasing an unknown address', 'DELETE', `${review}/registrants/nobody%40example.org`, {
      status: 404,
    }),
    ask('erasing an address of 3,000 characters', 'DELETE', `${review}/registrants/${HUGE_ID}`, {
      status: 422,
      field: 'email',
    }),
    ask('the rounds of an unknown review', 'GET', '/admin/reviews/nowhere/rounds', { status: 404 }),
    // A one-off message.
    ...malformed({ method: 'POST', path: `${review}/messages` }, MESSAGE),
    ...fieldRows({ method: 'POST', path: `${review}/messages` }, MESSAGE, [
      ['no text', { texts: {} }, 'texts'],
      ['a text in an unknown language', { texts: { xx: { subject: 'a', body: 'b' } } }, 'texts'],
      ['a subject of two lines', { texts: { en: { subject: TWO_LINES, body: 'b' } } }, 'texts'],
      ['an empty body', { texts: { en: { subject: 'a', body: '' } } }, 'texts'],
      ['a default language not written', { defaultLanguage: 'fr' }, 'defaultLanguage'],
      ['a filter of an unknown kind', { filter: { colour: 'blue' } }, 'filter'],
    ]),
    // Contributions and their decisions.
    ask('the contributions of an unknown review', 'GET', '/admin/reviews/nowhere/contributions', {
      status: 404,
    }),
    ask('accepted contributions as a PDF', 'GET', `${review}/contributions/accepted?format=pdf`, {
      status: 200,
    }),
    ...fieldRows(
      { method: 'PUT', path: `${review}/contributions/${world.contributionId}` },
      { decision: 'reject', reason: 'off topic' },
      [
        ['a decision of "later"', { decision: 'later' }, 'decision'],
        ['a rejection without a reason', { reason: undefined }, 'reason'],
        ['a reason of 20,000 characters', { reason: TOO_LONG }, 'reason'],
      ],
    ),
    ask(
      'deciding on an unknown contribution',
      'PUT',
      `${review}/contributions/no-such-contribution`,
      {
        status: 404,
      },
      { body: '{"decision":"accept"}', contentType: json },
    ),
    // What is published after the fact.
    ...fieldRows(
      { method: 'PUT', path: `${review}/analytical-paper` },
      { links: { en: 'https://example.org/p' } },
      [
        ['no link', { links: {} }, 'links'],
        ['a link over http', { links: { en: 'http://example.org/p' } }, 'links'],
        ['a link in an unknown language', { links: { xx: 'https://example.org/p' } }, 'links'],
        ['links as a list', { links: ['https://example.org/p'] }, 'links'],
      ],
    ),
    ...fieldRows(
      { method: 'PUT', path: `${review}/meetings/hybrid/outcome` },
      { summaryUrl: 'https://example.org/s' },
      [
        ['neither summary nor recording', { summaryUrl: undefined }, 'summaryUrl'],
        ['a summary over ftp', { summaryUrl: 'ftp://example.org/s' }, 'summaryUrl'],
        ['a recording that is a number', { recordingUrl: 42 }, 'recordingUrl'],
        ['the outcome of a meeting still to come', {}, 'meetingId'],
      ],
    ),
    ask(
      'the outcome of an unknown meeting',
      'PUT',
      `${review}/meetings/nothing/outcome`,
      { status: 404 },
      {
        body: '{"summaryUrl":"https://example.org/s"}',
        contentType: json,
      },
    ),
    ask('the audit of an unknown review', 'GET', '/admin/reviews/nowhere/audit', { status: 404 }),
    // Listings and files of the review's registrants.
    ask('registrants as a Word file', 'GET', `${review}/registrants?format=doc`, {
      status: 422,
      field: 'format',
    }),
    ask('part 99 of the registrants', 'GET', `${review}/registrants?format=csv&part=99`, {
      status: 422,
      field: 'part',
    }),
    ask('a search of 3,000 characters', 'GET', `${review}/registrants?q=${HUGE_ID}`, {
      status: 422,
      field: 'q',
    }),
    ask('a filter on an unknown language', 'GET', `${review}/registrants?language=xx`, { status: 200 }),
    ask('interpretation as a Word file', 'GET', `${review}/interpretation?format=doc`, {
      status: 422,
      field: 'format',
    }),
    ask('the interpretation of an unknown review', 'GET', '/admin/reviews/nowhere/interpretation', {
      status: 404,
    }),
    // Requests and suppressions.
    ask('requests of an unknown kind', 'GET', '/admin/requests?kind=party', { status: 422, field: 'kind' }),
    ask('an unknown request', 'GET', '/admin/requests/no-such-request', { status: 404 }),
    ask('a request id of 3,000 characters', 'GET', `/admin/requests/${HUGE_ID}`, {
      status: 422,
      field: 'requestId',
    }),
    ...malformed({ method: 'PUT', path: `/admin/requests/${world.requestId}` }, { decision: 'decline' }),
    ...fieldRows(
      { method: 'PUT', path: `/admin/requests/${world.requestId}` },
      { decision: 'decline', reason: 'full' },
      [
        ['a decision of "perhaps"', { decision: 'perhaps' }, 'decision'],
        ['declining without a reason', { reason: undefined }, 'reason'],
        [
          'accepting without a record id',
          { decision: 'accept', reason: undefined, timeZone: 'UTC' },
          'reviewId',
        ],
        [
          'accepting with a bad time zone',
          { decision: 'accept', reason: undefined, reviewId: 'b', timeZone: 'Nowhere' },
          'timeZone',
        ],
        [
          'accepting as a 5-minute meeting',
          { decision: 'accept', reason: undefined, reviewId: 'b', timeZone: 'UTC', durationMinutes: 5 },
          'durationMinutes',
        ],
      ],
    ),
    ask(
      'deciding an unknown request',
      'PUT',
      '/admin/requests/no-such-request',
      { status: 404 },
      {
        body: '{"decision":"decline","reason":"full"}',
        contentType: json,
      },
    ),
    ask('an address never suppressed', 'GET', '/admin/suppressions/nobody%40example.org', { status: 404 }),
    ask('an address of 3,000 characters', 'GET', `/admin/suppressions/${HUGE_ID}`, {
      status: 422,
      field: 'email',
    }),
    ask('a filter nobody asked for', 'GET', '/admin/suppressions?colour=blue', { status: 200 }),
    ask('a listing with a made-up query', 'GET', '/admin/reviews?page=-1', { status: 200 }),
  ];
}

/** A page's cursor as the listings write theirs: the key of the page's last item, sealed. */
const cursorOf = (key: Record<string, string>, world: World) =>
  withNext(key, world.signingKey).next as string;

/** Every paged listing asked for a page it cannot give: a size out of range, a cursor not of its making. */
function pagingCases(world: World): BadInput[] {
  const review = `/admin/reviews/${world.reviewId}`;
  const listings = [
    '/admin/reviews',
    '/admin/requests',
    '/admin/suppressions',
    `${review}/registrants`,
    `${review}/rounds`,
    `${review}/contributions`,
    `${review}/audit`,
    `${review}/deliveries/pre-1.invitation`,
  ];
  const pages: [string, string, string][] = [
    ['a page of 0', 'limit=0', 'limit'],
    ['a page of "all"', 'limit=all', 'limit'],
    ['a page of 501', 'limit=501', 'limit'],
    ['a cursor that is not one', 'cursor=garbage', 'cursor'],
    [
      'another listing’s cursor',
      `cursor=${cursorOf({ pk: 'SUPPRESSED#a@example.org', sk: 'SUPPRESSION' }, world)}`,
      'cursor',
    ],
    [
      'a cursor of 3,000 characters',
      `cursor=${cursorOf({ pk: HUGE_ID, sk: 'REVIEW', gsi1pk: 'REVIEWS', gsi1sk: HUGE_ID }, world)}`,
      'cursor',
    ],
  ];
  return listings.flatMap((listing) =>
    pages.map(([what, query, field]) => ask(what, 'GET', `${listing}?${query}`, { status: 422, field })),
  );
}

export const adminCases = (world: World): BadInput[] => [
  ...tokenCases(world),
  ...reviewCases(world),
  ...recordCases(world),
  ...pagingCases(world),
];
