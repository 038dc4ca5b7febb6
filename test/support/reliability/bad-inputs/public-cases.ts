import { briefingForm, contributionForm, registrationForm } from '#test/support/service-client';
import type { BadInput } from './cases';
import {
  ask,
  fieldRows,
  formOf,
  formRows,
  HUGE_ID,
  malformed,
  oneLetterChanged,
  TOO_LONG,
  TWO_LINES,
} from './rows';
import type { World } from './world';

const FORM = 'application/x-www-form-urlencoded';
/** Over the 16 KB every public form may send (the contribution form 256 KB). */
const OVER_16_KB = `name=${'x'.repeat(17 * 1024)}`;
/** Over API Gateway's 10 MB, which the local gateway enforces too. */
const OVER_10_MB = 'x'.repeat(10 * 1024 * 1024 + 1);

/** `POST /registrations`: the JSON registration, field by field. */
function registrationCases(world: World): BadInput[] {
  const route = { method: 'POST', path: '/registrations' } as const;
  const valid = { reviewId: world.reviewId, email: 'someone@example.org', name: 'Someone', language: 'en' };
  return [
    ...malformed(route, valid),
    ...fieldRows(route, valid, [
      ['no review', { reviewId: undefined }, 'reviewId'],
      ['a review id that is a number', { reviewId: 42 }, 'reviewId'],
      ['a review id with capitals', { reviewId: 'Europe_2027' }, 'reviewId'],
      ['a review id of 3,000 characters', { reviewId: HUGE_ID }, 'reviewId'],
      ['an unknown review', { reviewId: 'nowhere', email: 'nowhere@example.org' }, 'reviewId'],
      ['no email', { email: undefined }, 'email'],
      ['an email without @', { email: 'someone.example.org' }, 'email'],
      ['an email that is a number', { email: 42 }, 'email'],
      ['an email of 300 characters', { email: `${'a'.repeat(290)}@example.org` }, 'email'],
      ['an email with a line break', { email: 'a@example.org\nBcc: b@example.org' }, 'email'],
      ['an email as a list', { email: ['a@example.org', 'b@example.org'] }, 'email'],
      ['no name', { name: undefined }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a name of two lines', { name: TWO_LINES }, 'name'],
      ['a name of 2,000 characters', { name: 'x'.repeat(2000) }, 'name'],
      ['a name that is an object', { name: { first: 'A' } }, 'name'],
      ['the language Klingon', { language: 'tlh' }, 'language'],
      ['the language "EN"', { language: 'EN' }, 'language'],
      ['a language that is null', { language: null }, 'language'],
      ['an organisation of two lines', { organisation: TWO_LINES }, 'organisation'],
      ['an unknown stakeholder group', { stakeholderGroup: 'aliens' }, 'stakeholderGroup'],
      ['the country "Kenya"', { country: 'Kenya' }, 'country'],
      ['the country "XX"', { country: 'XX' }, 'country'],
      ['no meeting', { meetings: [] }, 'meetings'],
      ['eleven meetings', { meetings: Array.from({ length: 11 }, (_, i) => `m${i}`) }, 'meetings'],
      ['meetings as a word', { meetings: 'hybrid' }, 'meetings'],
      ['a meeting the review does not hold', { meetings: ['gala'], email: 'gala@example.org' }, 'meetings'],
      ['attendance by pigeon', { attendanceMode: 'pigeon' }, 'attendanceMode'],
      [
        'accessibility needs of 2,000 characters',
        { accessibilityNeeds: 'x'.repeat(2000) },
        'accessibilityNeeds',
      ],
      ['consent as "yes"', { consent: 'yes' }, 'consent'],
      ['consent refused', { consent: false }, 'consent'],
      ['an unknown key', { isAdmin: true }, '(body)'],
    ]),
    ask(
      'a body over 16 KB',
      'POST',
      '/registrations',
      { status: 413 },
      {
        body: JSON.stringify({ ...valid, name: 'x'.repeat(17 * 1024) }),
        contentType: 'application/json',
      },
    ),
    ask(
      'a body over 10 MB',
      'POST',
      '/registrations',
      { status: 413 },
      {
        body: OVER_10_MB,
        contentType: 'application/json',
      },
    ),
    ask(
      // A forged proof past the threshold is proof-of-work.test.ts's; here, one that is not even JSON stops nothing
      // earlier than the checks of the body.
      'a bad address, with a proof of work that is not one',
      'POST',
      '/registrations',
      { status: 422, field: 'email' },
      {
        body: JSON.stringify({ ...valid, email: 'not-an-address' }),
        contentType: 'application/json',
        headers: { 'x-proof-of-work': 'not base64 json' },
      },
    ),
  ];
}

/** The registration form and the pages its links open. */
function registrationPageCases(world: World): BadInput[] {
  const register = { method: 'POST', path: `/register/${world.reviewId}` } as const;
  const valid = registrationForm('amina@example.org');
  const tokens = badTokens(world);
  const linkRefused = { status: 400, says: /link/i };
  return [
    ...formRows(register, valid, [
      ['no name', { name: undefined }, 'name'],
      ['a name of 20,000 characters', { name: 'x'.repeat(10_000) }, 'name'],
      ['an email without @', { email: 'amina.example.org' }, 'email'],
      ['no email', { email: undefined }, 'email'],
      ['no stakeholder group', { stakeholderGroup: undefined }, 'stakeholderGroup'],
      ['an unknown stakeholder group', { stakeholderGroup: 'aliens' }, 'stakeholderGroup'],
      ['no country', { country: undefined }, 'country'],
      ['the country "Atlantis"', { country: 'Atlantis' }, 'country'],
      ['a meeting the review does not hold', { meetings: ['gala'] }, 'meetings'],
      ['attendance by pigeon', { attendanceMode: 'pigeon' }, 'attendanceMode'],
      ['the language Klingon', { language: 'tlh' }, 'language'],
      ['accessibility needs too long', { accessibilityNeeds: 'x'.repeat(1001) }, 'accessibilityNeeds'],
      ['no consent', { consent: undefined }, 'consent'],
    ]),
    ask(
      'the form as JSON',
      'POST',
      `/register/${world.reviewId}`,
      { status: 422, formField: 'name' },
      {
        body: JSON.stringify(valid),
        contentType: 'application/json',
      },
    ),
    ask(
      'a form over 16 KB',
      'POST',
      `/register/${world.reviewId}`,
      { status: 413 },
      {
        body: OVER_16_KB,
        contentType: FORM,
      },
    ),
    ask(
      'the form of an unknown review',
      'POST',
      '/register/nowhere',
      { status: 404 },
      {
        body: formOf(valid),
        contentType: FORM,
      },
    ),
    ask('the form of a review id of 3,000 characters', 'GET', `/register/${HUGE_ID}`, {
      status: 422,
      field: 'reviewId',
    }),
    ask('the form in Klingon', 'GET', `/register/${world.reviewId}?lang=tlh`, { status: 200 }),
    ask('an invitation link that is not one', 'GET', `/register/${world.reviewId}?invitation=forged`, {
      status: 200,
    }),
    ask(
      'a browser asking for Klingon',
      'GET',
      `/register/${world.reviewId}`,
      { status: 200 },
      {
        headers: { 'accept-language': 'tlh;q=1, *;q=0.1' },
      },
    ),
    // Links: forged, cut short, of another purpose, missing.
    ...tokens.flatMap(([what, token]) => [
      ask(`${what} to confirm`, 'GET', `/confirm?token=${encodeURIComponent(token)}`, linkRefused),
      ask(`${what} to confirm`, 'POST', '/confirm', linkRefused, {
        body: formOf({ token }),
        contentType: FORM,
      }),
      ask(`${what} to manage`, 'GET', `/manage?token=${encodeURIComponent(token)}`, linkRefused),
      ask(`${what} to unsubscribe`, 'GET', `/unsubscribe?token=${encodeURIComponent(token)}`, linkRefused),
      ask(`${what} to unsubscribe`, 'POST', '/unsubscribe', linkRefused, {
        body: formOf({ token }),
        contentType: FORM,
      }),
    ]),
    ask('a manage link used to confirm', 'POST', '/confirm', linkRefused, {
      body: formOf({ token: world.manageToken }),
      contentType: FORM,
    }),
    ask('a manage link used to unsubscribe', 'POST', `/unsubscribe?token=${world.manageToken}`, linkRefused),
    ...['/manage', '/manage/cancel', '/manage/data', '/manage/erase'].flatMap((path) =>
      tokens.map(([what, token]) =>
        ask(what, 'POST', path, linkRefused, { body: formOf({ token, confirm: 'yes' }), contentType: FORM }),
      ),
    ),
    // The manage page, with a good link and bad choices.
    ...formRows(
      { method: 'POST', path: '/manage' },
      { token: world.manageToken, meetings: ['pre-1', 'hybrid'], attendanceMode: 'online', language: 'en' },
      [
        ['no meeting', { meetings: [] }, 'meetings'],
        ['a meeting the review does not hold', { meetings: ['gala'] }, 'meetings'],
        ['attendance by pigeon', { attendanceMode: 'pigeon' }, 'attendanceMode'],
        ['the language Klingon', { language: 'tlh' }, 'language'],
        ['no language', { language: undefined }, 'language'],
      ],
    ),
    ...formRows({ method: 'POST', path: '/manage/erase' }, { token: world.manageToken }, [
      ['erasing without ticking the box', {}, 'confirm'],
      ['erasing with the box as "no"', { confirm: 'no' }, 'confirm'],
    ]),
  ];
}

/** Contributions, briefing requests, GCM Talk proposals, and the links that send them. */
function otherFormCases(world: World): BadInput[] {
  const contribution = contributionForm('kofi@example.org');
  const briefing = briefingForm('awa@example.org');
  const talk = {
    title: 'Cities and migrants',
    organisers: 'Mayors Mechanism',
    level: 'global',
    themes: 'Inclusion',
    objectives: ['15'],
    proposedDate: 'June 2027',
    format: 'online',
    interpretationLanguages: ['en'],
    audience: 'Local authorities',
    name: 'Lin',
    email: 'lin@example.org',
    language: 'zh',
    consent: 'yes',
  };
  const linkRefused = { status: 400, says: /link/i };
  return [
    ...formRows({ method: 'POST', path: `/contribute/${world.reviewId}` }, contribution, [
      ['no title', { title: undefined }, 'title'],
      ['neither text nor link', { text: undefined }, 'text'],
      ['a link to a file share', { text: undefined, link: 'file:///etc/passwd' }, 'link'],
      ['objective 24', { objectives: ['24'] }, 'objectives'],
      ['objective "all"', { objectives: ['all'] }, 'objectives'],
      ['no objective', { objectives: [] }, 'objectives'],
      ['an unknown stakeholder group', { stakeholderGroup: 'aliens' }, 'stakeholderGroup'],
      ['the language Klingon', { language: 'tlh' }, 'language'],
      ['no word on publishing', { publishable: undefined }, 'publishable'],
      ['no consent', { consent: undefined }, 'consent'],
      ['an email without @', { email: 'kofi.example.org' }, 'email'],
    ]),
    ask(
      'a contribution over 256 KB',
      'POST',
      `/contribute/${world.reviewId}`,
      { status: 413 },
      {
        body: `text=${'x'.repeat(257 * 1024)}`,
        contentType: FORM,
      },
    ),
    ask(
      'a contribution to an unknown review',
      'POST',
      '/contribute/nowhere',
      { status: 404 },
      {
        body: formOf(contribution),
        contentType: FORM,
      },
    ),
    ask('the form of an unknown review', 'GET', '/contribute/nowhere', { status: 404 }),
    ...formRows({ method: 'POST', path: '/briefings/request' }, briefing, [
      ['no network', { network: undefined }, 'network'],
      ['a scope of "cosmic"', { scope: 'cosmic' }, 'scope'],
      ['a regional network naming no region', { regions: [] }, 'regions'],
      ['the region "Atlantis"', { regions: 'atlantis' }, 'regions'],
      ['no topic', { topic: undefined }, 'topic'],
      ['"many" participants', { expectedParticipants: 'many' }, 'expectedParticipants'],
      ['a million participants', { expectedParticipants: '1000000' }, 'expectedParticipants'],
      ['interpretation into Klingon', { languages: ['tlh'] }, 'languages'],
      ['no consent', { consent: undefined }, 'consent'],
    ]),
    ask(
      'a request over 16 KB',
      'POST',
      '/briefings/request',
      { status: 413 },
      {
        body: OVER_16_KB,
        contentType: FORM,
      },
    ),
    ...formRows({ method: 'POST', path: '/talks/propose' }, talk, [
      ['no title', { title: undefined }, 'title'],
      ['a level of "galactic"', { level: 'galactic' }, 'level'],
      ['themes of 20,000 characters', { themes: TOO_LONG.slice(0, 10_000) }, 'themes'],
      ['objective 0', { objectives: ['0'] }, 'objectives'],
      ['a format of "telepathy"', { format: 'telepathy' }, 'format'],
      ['interpretation into Klingon', { interpretationLanguages: ['tlh'] }, 'interpretationLanguages'],
      ['no proposed date', { proposedDate: undefined }, 'proposedDate'],
      ['the language Klingon', { language: 'tlh' }, 'language'],
    ]),
    ask(
      'a proposal sent as JSON',
      'POST',
      '/talks/propose',
      { status: 422, formField: 'title' },
      {
        body: JSON.stringify(talk),
        contentType: 'application/json',
      },
    ),
    ...badTokens(world).flatMap(([what, token]) => [
      ask(
        `${what} to send a contribution`,
        'GET',
        `/contributions/confirm?token=${encodeURIComponent(token)}`,
        linkRefused,
      ),
      ask(`${what} to send a contribution`, 'POST', '/contributions/confirm', linkRefused, {
        body: formOf({ token }),
        contentType: FORM,
      }),
      ask(
        `${what} to send a request`,
        'GET',
        `/requests/confirm?token=${encodeURIComponent(token)}`,
        linkRefused,
      ),
      ask(`${what} to send a request`, 'POST', '/requests/confirm', linkRefused, {
        body: formOf({ token }),
        contentType: FORM,
      }),
    ]),
  ];
}

/** Pages that take no input but their query: what they do not know, they ignore. */
function readOnlyPageCases(): BadInput[] {
  return [
    ask('a round that never was', 'GET', '/?cycle=1066', { status: 200 }),
    ask('the home page in Klingon', 'GET', '/?lang=tlh', { status: 200 }),
    ask('a round of 3,000 characters', 'GET', `/timeline.json?cycle=${HUGE_ID}`, { status: 200 }),
    ask('the feed in Klingon', 'GET', '/calendar.ics?lang=tlh', { status: 200 }),
    ask('the feed of Atlantis', 'GET', '/calendar/atlantis.ics', { status: 404 }),
    ask('a feed that is not .ics', 'GET', '/calendar/europe.json', { status: 404 }),
    ask('the talks in Klingon', 'GET', '/talks?lang=tlh', { status: 200 }),
    ask('the forms in Klingon', 'GET', '/briefings/request?lang=tlh', { status: 200 }),
    ask('the forms in Klingon', 'GET', '/talks/propose?lang=tlh', { status: 200 }),
    ask('the script with a query', 'GET', '/proof-of-work.js?v=../../etc/passwd', { status: 200 }),
    ask('the privacy notice in Klingon', 'GET', '/privacy?lang=tlh', { status: 200 }),
    ask('a route that does not exist', 'GET', '/admin', { status: 404 }),
  ];
}

/** The token with its last-but-one letter changed, which the seal's tag no longer matches. */
/** Links that are not the service's: forged, cut short, empty, and one far too long. */
function badTokens(world: World): [string, string][] {
  return [
    ['no link token', ''],
    ['a made-up link', 'forged'],
    ['a link cut short', world.manageToken.slice(0, 40)],
    ['a link with one letter changed', oneLetterChanged(world.manageToken)],
    ['a link of 3,000 characters', HUGE_ID],
  ];
}

export const publicCases = (world: World): BadInput[] => [
  ...registrationCases(world),
  ...registrationPageCases(world),
  ...otherFormCases(world),
  ...readOnlyPageCases(),
];
