import { routes } from '#api/routes';
import type { BadInput } from './cases';
import { ask, formOf, formRows, HUGE_ID } from './rows';
import type { World } from './world';

const FORM = 'application/x-www-form-urlencoded';
/** Console routes that anyone may open: the sign-in and its way back. */
const OPEN = ['/console/sign-in', '/console/callback', '/console/signed-out'];

const consoleRoutes = routes.filter((route) => route.fn === 'console' && !OPEN.includes(route.path));

function pathOf(path: string, world: World): string {
  const values: Record<string, string> = {
    reviewId: world.reviewId,
    email: world.registrant,
    contributionId: world.contributionId,
    requestId: world.requestId,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? name));
}

/** No session, a forged one, a form without the session's own token or with another: never past the door. */
function sessionCases(world: World): BadInput[] {
  const toSignIn = { status: 302 };
  const refused = { status: 403, says: /This form has expired/ };
  return consoleRoutes.flatMap((route) => {
    const path = pathOf(route.path, world);
    if (route.method === 'GET')
      return [
        ask('no session', 'GET', path, toSignIn),
        ask('a forged session', 'GET', path, toSignIn, { cookie: 'console-session=a.b.c' }),
      ];
    const form = { body: formOf({ intent: 'save', decision: 'accept' }), contentType: FORM };
    return [
      ask('no session', route.method, path, refused, form),
      ask('a forged session', route.method, path, refused, { ...form, cookie: 'console-session=a.b.c' }),
      ask('a form without its token', route.method, path, refused, { ...form, cookie: world.cookie }),
      ask('a form with another session’s token', route.method, path, refused, {
        cookie: world.cookie,
        body: formOf({ csrf: 'someone-else', intent: 'save' }),
        contentType: FORM,
      }),
    ];
  });
}

/** Signed in, a review that is not there: each review page answers its 404 page. */
function unknownReviewCases(world: World): BadInput[] {
  return consoleRoutes
    .filter((route) => route.path.includes('{reviewId}'))
    .map((route) => {
      const path = pathOf(route.path, { ...world, reviewId: 'nowhere' });
      const form = route.method === 'POST' ? { body: formOf({ csrf: world.csrf }), contentType: FORM } : {};
      return ask('an unknown review', route.method, path, { status: 404 }, { cookie: world.cookie, ...form });
    });
}

/** The forms of a signed-in secretariat, one bad field at a time. */
function formCases(world: World): BadInput[] {
  const signedIn = { cookie: world.cookie };
  const review = `/console/reviews/${world.reviewId}`;
  const newReview = {
    csrf: world.csrf,
    reviewId: 'europe-new',
    region: 'europe',
    date: '2031-03-29',
    timeZone: 'Europe/Zurich',
    intent: 'save',
  };
  const message = { csrf: world.csrf, 'subject-en': 'News', 'body-en': 'Dear all', intent: 'preview' };
  return [
    ...formRows({ method: 'POST', path: '/console/reviews/new', ...signedIn }, newReview, [
      ['no id', { reviewId: undefined }, 'reviewId'],
      ['an id with capitals', { reviewId: 'Europe New' }, 'reviewId'],
      ['the id "new"', { reviewId: 'new' }, 'reviewId'],
      ['the id of a review already there', { reviewId: world.reviewId }, 'reviewId'],
      ['an id of 3,000 characters', { reviewId: HUGE_ID }, 'reviewId'],
      ['a date in words it cannot read', { date: 'some day in spring' }, 'date'],
      ['no date', { date: undefined }, 'date'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a start at 25:00', { startTime: '25:00' }, 'startTime'],
      [
        '"ten" places',
        { 'meetings[0].id': 'h', 'meetings[0].kind': 'hybrid-consultation', 'meetings[0].capacity': 'ten' },
        'meetings[0].capacity',
      ],
      [
        'a meeting id with capitals',
        { 'meetings[0].id': 'Pre One', 'meetings[0].kind': 'pre-consultation' },
        'meetings[0].id',
      ],
      ['a cap of "some" per organisation', { organisationCap: 'some' }, 'organisationCap'],
      ['materials over http', { materialsUrl: 'http://example.org/m.pdf' }, 'materialsUrl'],
    ]),
    ...formRows(
      { method: 'POST', path: `${review}/edit`, ...signedIn },
      { ...newReview, reviewId: '', version: '1' },
      [
        ['30 February', { date: '2031-02-30' }, 'date'],
        ['invitations 0 days before', { 'leadTimes.invitationDays': '0' }, 'leadTimes.invitationDays'],
        [
          'a discussion space over http',
          {
            'discussionSpace.opens': '2031-03-01',
            'discussionSpace.closes': '2031-03-20',
            'discussionSpace.url': 'http://hub.example.org',
          },
          'discussionSpace.url',
        ],
      ],
    ),
    ask(
      'saving over a change made since the form was opened',
      'POST',
      `${review}/edit`,
      {
        status: 409,
        says: /Someone changed this review after you opened this form/,
      },
      { ...signedIn, body: formOf({ ...newReview, reviewId: '', version: '0' }), contentType: FORM },
    ),
    ...[
      ['no text', { 'subject-en': '', 'body-en': '' }, 'texts'],
      ['a subject of 201 characters', { 'subject-en': 'x'.repeat(201) }, 'texts.en.subject'],
      [
        'a default language not written',
        { 'subject-fr': 'Nouvelles', 'body-fr': 'Bonjour', defaultLanguage: 'ru' },
        'defaultLanguage',
      ],
      ['a search of 3,000 characters', { q: HUGE_ID }, 'filter.q'],
    ].map(([what, change, field]) =>
      ask(
        what as string,
        'POST',
        `${review}/messages`,
        { status: 422, listedField: field as string },
        {
          ...signedIn,
          body: formOf({ ...message, ...(change as Record<string, string>) }),
          contentType: FORM,
        },
      ),
    ),
    ...[
      ['a decision of "later"', { decision: 'later' }, 'decision'],
      ['a rejection without a reason', { decision: 'reject' }, 'reason'],
    ].map(([what, change, field]) =>
      ask(
        what as string,
        'POST',
        `${review}/contributions/${world.contributionId}`,
        {
          status: 422,
          listedField: field as string,
        },
        {
          ...signedIn,
          body: formOf({ csrf: world.csrf, ...(change as Record<string, string>) }),
          contentType: FORM,
        },
      ),
    ),
    ...[
      ['a decision of "perhaps"', { decision: 'perhaps' }, 'decision'],
      ['declining without a reason', { decision: 'decline' }, 'reason'],
      [
        'accepting as a record of a bad id',
        { decision: 'accept', reviewId: 'Bad Id', timeZone: 'UTC' },
        'reviewId',
      ],
    ].map(([what, change, field]) =>
      ask(
        what as string,
        'POST',
        `/console/requests/${world.requestId}`,
        { status: 422, listedField: field as string },
        {
          ...signedIn,
          body: formOf({ csrf: world.csrf, ...(change as Record<string, string>) }),
          contentType: FORM,
        },
      ),
    ),
    ask(
      'an action of "banish"',
      'POST',
      `${review}/registrants/${encodeURIComponent(world.registrant)}`,
      {
        status: 422,
        says: /class="error/,
      },
      { ...signedIn, body: formOf({ csrf: world.csrf, action: 'banish' }), contentType: FORM },
    ),
    ask(
      'erasing without ticking the box',
      'POST',
      `${review}/registrants/${encodeURIComponent(world.registrant)}/erase`,
      {
        status: 422,
        says: /class="error/,
      },
      { ...signedIn, body: formOf({ csrf: world.csrf }), contentType: FORM },
    ),
    ask(
      'an upload with no contacts',
      'POST',
      `${review}/invitations`,
      { status: 422, says: /class="error/ },
      {
        ...signedIn,
        body: formOf({ csrf: world.csrf, csv: '' }),
        contentType: FORM,
      },
    ),
    ask(
      'contacts without their header',
      'POST',
      `${review}/invitations`,
      { status: 422, says: /class="error/ },
      {
        ...signedIn,
        body: formOf({ csrf: world.csrf, csv: 'mail,fullname\na@example.org,A' }),
        contentType: FORM,
      },
    ),
    ask(
      'a reminder with no one to remind',
      'POST',
      `${review}/invitations/reminders`,
      {
        status: 422,
        says: /class="error/,
      },
      { ...signedIn, body: formOf({ csrf: world.csrf }), contentType: FORM },
    ),
    ask(
      'an unknown registrant',
      'GET',
      `${review}/registrants/nobody%40example.org`,
      { status: 404 },
      signedIn,
    ),
    ask(
      'a registrant of 3,000 characters',
      'GET',
      `${review}/registrants/${HUGE_ID}`,
      {
        status: 422,
        field: 'email',
      },
      signedIn,
    ),
    ask(
      'the data of an unknown registrant',
      'GET',
      `${review}/registrants/nobody%40example.org/data`,
      {
        status: 404,
      },
      signedIn,
    ),
    ask('registrants as a Word file', 'GET', `${review}/registrants?format=doc`, { status: 422 }, signedIn),
    ask(
      'a search of 3,000 characters',
      'GET',
      `${review}/registrants?q=${HUGE_ID}`,
      {
        status: 422,
        listedField: 'q',
      },
      signedIn,
    ),
    ask(
      'a round that never was',
      'GET',
      `${review}/messages/round?milestone=nothing`,
      { status: 422 },
      signedIn,
    ),
    ask('a round with no milestone', 'GET', `${review}/messages/round`, { status: 404 }, signedIn),
    ask(
      'a page of registrants of 0',
      'GET',
      `${review}/registrants?limit=0`,
      { status: 422, listedField: 'limit' },
      signedIn,
    ),
    ask(
      'a page of rounds after a cursor not of theirs',
      'GET',
      `${review}/messages?cursor=garbage`,
      {
        status: 422,
        listedField: 'cursor',
      },
      signedIn,
    ),
    ask(
      'interpretation as a Word file',
      'GET',
      `${review}/interpretation?format=doc`,
      { status: 422 },
      signedIn,
    ),
    ask(
      'an upload that is not there',
      'GET',
      `${review}/invitations?upload=nothing`,
      { status: 200 },
      signedIn,
    ),
    ask(
      'a request that is not there',
      'POST',
      '/console/requests/no-such-request',
      { status: 404 },
      {
        ...signedIn,
        body: formOf({ csrf: world.csrf, decision: 'decline', reason: 'full' }),
        contentType: FORM,
      },
    ),
    ask('a sign-in coming back with nothing', 'GET', '/console/callback', { status: 400 }),
    ask('a sign-in coming back with a made-up code', 'GET', '/console/callback?code=abc&state=def', {
      status: 400,
    }),
    ask('a sign-in coming back with an error', 'GET', '/console/callback?error=access_denied', {
      status: 400,
    }),
    ask('a sign-in in Klingon', 'GET', '/console/sign-in?lang=tlh', { status: 302 }),
    ask('signed out in Klingon', 'GET', '/console/signed-out?lang=tlh', { status: 200 }),
  ];
}

export const consoleCases = (world: World): BadInput[] => [
  ...sessionCases(world),
  ...unknownReviewCases(world),
  ...formCases(world),
];
