import type { Browser, Page } from 'playwright-core';
import { render } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrThrow } from '#domain/errors';
import { confirmationMessage, milestoneMessage } from '#domain/messages';
import { type Milestone, type PlannedMeeting, planReview } from '#domain/plan';
import type { Registrant } from '#domain/registrant';
import { type Review, ReviewInput } from '#domain/review';
import { Choice, Choices, ErrorSummary, Field, LanguageSwitcher, Paragraphs } from '#html/components';
import { CONTRIBUTION_FIELDS, contributionConfirmPage, contributionFormPage } from '#html/contribution-pages';
import { homePage } from '#html/home-page';
import { Layout, renderPage } from '#html/layout';
import {
  confirmedPage,
  confirmFormPage,
  FORM_FIELDS,
  managePage,
  registrationFormPage,
  simplePage,
  unsubscribedPage,
  unsubscribePage,
} from '#html/registration-pages';
import {
  BRIEFING_FIELDS,
  briefingRequestPage,
  requestConfirmPage,
  TALK_FIELDS,
  talkProposalPage,
} from '#html/request-pages';
import { talksPage } from '#html/talks-page';
import { renderMessage } from '#mail/render-message';
import { hasChromium, launchChromium } from '#test/support/browser';

/**
 * Names, review titles, venues, tokens and URLs are other people's text: whatever they hold must reach the reader
 * as text, never as markup. One value carries each way out: a script element, a quote closing the attribute with
 * a tag after it, a single quote opening an event handler, an entity that must not be decoded, and right-to-left
 * override and isolate characters.
 */
const HOSTILE = `<script>alert(1)</script> "><img src=x onerror=alert(1)> ' onmouseover='x &amp; \u202Egnp.exe\u202C \u2067مرحبا\u2069`;
/** HOSTILE as it must appear in the HTML source, escaped by hand. */
const ESCAPED = `&lt;script>alert(1)&lt;/script> &quot;>&lt;img src=x onerror=alert(1)> ' onmouseover='x &amp;amp; \u202Egnp.exe\u202C \u2067مرحبا\u2069`;
const HOSTILE_URL = `https://example.org/${HOSTILE}`;

const input = parseOrThrow(ReviewInput, {
  region: 'europe',
  date: '2027-06-10',
  venue: 'Palais des Nations, Geneva',
  timeZone: 'Europe/Zurich',
});
const review: Review = {
  ...input,
  reviewId: HOSTILE,
  title: HOSTILE,
  venue: HOSTILE,
  status: 'active',
  version: 1,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
};
const [pre, hybrid] = planReview(input, new Date('2027-01-01T00:00:00Z')).meetings as [
  PlannedMeeting,
  PlannedMeeting,
];
const hostileHybrid = { ...hybrid, venue: HOSTILE, startsAt: null, dateText: HOSTILE };
const meetings = [{ ...pre, id: HOSTILE, joinUrl: HOSTILE_URL }, hostileHybrid];
const reminder = hybrid.milestones.find((m) => m.kind === 'reminder') as Milestone;
const registrant: Registrant = {
  reviewId: HOSTILE,
  email: HOSTILE,
  name: HOSTILE,
  language: 'en',
  meetings: [HOSTILE],
  attendanceMode: 'in-person',
  status: 'confirmed',
  seat: 'seat',
  createdAt: '2027-01-01T00:00:00Z',
};
const unsubscribe = { url: HOSTILE_URL, mailto: 'mailto:consultations@example.org' };

/** Where the hostile value must show, unchanged, once a browser has parsed the HTML. */
interface Shown {
  /** In the document's text. */
  text: boolean;
  /** In these attributes: selector, attribute name, exact value. */
  attributes?: [string, string, string][];
}

const CASES: [string, string, Shown][] = [
  ['Paragraphs', render(<Paragraphs texts={[HOSTILE, HOSTILE]} />), { text: true }],
  [
    'Field',
    render(
      <Field id="name" label={HOSTILE} hint={HOSTILE} error={HOSTILE}>
        {(described) => <input type="text" id="name" value={HOSTILE} {...described} />}
      </Field>,
    ),
    { text: true, attributes: [['#name', 'value', HOSTILE]] },
  ],
  [
    'Choices and Choice',
    render(
      <Choices id="meetings" legend={HOSTILE} error={HOSTILE}>
        <Choice type="checkbox" id="meetings" name={HOSTILE} value={HOSTILE} checked>
          {HOSTILE}
        </Choice>
      </Choices>,
    ),
    {
      text: true,
      attributes: [
        ['#meetings', 'name', HOSTILE],
        ['#meetings', 'value', HOSTILE],
      ],
    },
  ],
  [
    'ErrorSummary',
    render(<ErrorSummary intro={HOSTILE} errors={[{ id: HOSTILE, message: HOSTILE }]} />),
    { text: true, attributes: [['[role="alert"] a', 'href', `#${HOSTILE}`]] },
  ],
  [
    'LanguageSwitcher',
    render(
      <LanguageSwitcher
        language="ar"
        label={HOSTILE}
        path={{ pathname: HOSTILE, query: { token: HOSTILE } }}
      />,
    ),
    {
      text: false,
      attributes: [
        ['nav', 'aria-label', HOSTILE],
        ['a[hreflang="fr"]', 'href', `${HOSTILE}?${new URLSearchParams({ token: HOSTILE, lang: 'fr' })}`],
      ],
    },
  ],
  [
    'Layout',
    renderPage(
      <Layout language="ar" title={HOSTILE} path={{ pathname: HOSTILE }}>
        <p>{HOSTILE}</p>
      </Layout>,
    ),
    { text: true, attributes: [['a[hreflang="en"]', 'href', `${HOSTILE}?lang=en`]] },
  ],
  [
    'registrationFormPage',
    registrationFormPage(
      'en',
      { review, meetings },
      {
        values: {
          name: HOSTILE,
          email: HOSTILE,
          organisation: HOSTILE,
          stakeholderGroup: HOSTILE,
          country: HOSTILE,
          meetings: [HOSTILE],
          attendanceMode: HOSTILE,
          language: HOSTILE,
          accessibilityNeeds: HOSTILE,
          consent: HOSTILE,
        },
        errors: [...FORM_FIELDS],
      },
      { invitation: HOSTILE },
    ),
    {
      text: true,
      attributes: [
        ['#name', 'value', HOSTILE],
        ['#email', 'value', HOSTILE],
        ['#organisation', 'value', HOSTILE],
        ['#meetings', 'value', HOSTILE],
        ['main form', 'action', `/register/${HOSTILE}?lang=en`],
      ],
    },
  ],
  ['simplePage', simplePage('en', 'manage.saved.title', [HOSTILE]), { text: true }],
  [
    'confirmFormPage',
    confirmFormPage('en', review, HOSTILE),
    { text: true, attributes: [['input[name="token"]', 'value', HOSTILE]] },
  ],
  ['confirmedPage', confirmedPage('en', review, false, true), { text: true }],
  [
    'managePage',
    managePage('en', { review, meetings }, registrant, HOSTILE, 2, ['meetings', 'language'], {
      months: 12,
      purgeOn: '2028-06-02',
      eraseUnconfirmed: true,
    }),
    {
      text: true,
      attributes: [
        ['input[name="token"]', 'value', HOSTILE],
        ['#meetings', 'value', HOSTILE],
      ],
    },
  ],
  [
    'unsubscribePage',
    unsubscribePage('en', review, HOSTILE),
    {
      text: true,
      attributes: [
        ['main form', 'action', `/unsubscribe?${new URLSearchParams({ token: HOSTILE, lang: 'en' })}`],
      ],
    },
  ],
  ['unsubscribedPage', unsubscribedPage('en', review), { text: true }],
  [
    'contributionFormPage',
    contributionFormPage('ar', review, {
      values: Object.fromEntries(
        CONTRIBUTION_FIELDS.map((field) => [field, field === 'objectives' ? [HOSTILE] : HOSTILE]),
      ),
      errors: [...CONTRIBUTION_FIELDS],
    }),
    {
      text: true,
      attributes: [
        ['#title', 'value', HOSTILE],
        ['#link', 'value', HOSTILE],
        ['main form', 'action', `/contribute/${HOSTILE}?lang=ar`],
      ],
    },
  ],
  [
    'contributionConfirmPage',
    contributionConfirmPage('en', review, HOSTILE, HOSTILE),
    { text: true, attributes: [['input[name="token"]', 'value', HOSTILE]] },
  ],
  [
    'homePage',
    homePage('ar', {
      cycle: HOSTILE,
      cycles: [HOSTILE, 'another'],
      asOf: '2027-01-01T00:00:00Z',
      reviews: [
        {
          reviewId: HOSTILE,
          kind: 'regional-review',
          region: 'europe',
          regions: ['europe'],
          title: HOSTILE,
          date: input.date,
          dateText: HOSTILE,
          venue: HOSTILE,
          meetings: [{ ...pre, title: HOSTILE, kind: 'consultation' }],
          sequences: {},
          outcomes: {},
        },
        {
          reviewId: HOSTILE,
          kind: 'global-consultation',
          regions: ['africa', 'lac'],
          title: HOSTILE,
          date: input.date,
          dateText: HOSTILE,
          meetings: [],
          sequences: {},
          outcomes: {},
        },
      ],
    }),
    { text: true, attributes: [['tbody a >> nth=0', 'href', `/register/${HOSTILE}?lang=ar`]] },
  ],
  [
    'briefingRequestPage',
    briefingRequestPage('ar', {
      values: Object.fromEntries(
        BRIEFING_FIELDS.map((field) => [
          field,
          field === 'regions' || field === 'languages' ? [HOSTILE] : HOSTILE,
        ]),
      ),
      errors: [...BRIEFING_FIELDS],
    }),
    // Nothing the sender typed is shown as text: the form holds it in its fields.
    {
      text: false,
      attributes: [
        ['#network', 'value', HOSTILE],
        ['#preferredDates', 'value', HOSTILE],
      ],
    },
  ],
  [
    'talkProposalPage',
    talkProposalPage('en', {
      values: Object.fromEntries(
        TALK_FIELDS.map((field) => [
          field,
          field === 'objectives' || field === 'interpretationLanguages' ? [HOSTILE] : HOSTILE,
        ]),
      ),
      errors: [...TALK_FIELDS],
    }),
    {
      text: true,
      attributes: [
        ['#title', 'value', HOSTILE],
        ['#audience', 'value', HOSTILE],
      ],
    },
  ],
  [
    'requestConfirmPage',
    requestConfirmPage(
      'en',
      { kind: 'gcm-talk', title: HOSTILE } as Parameters<typeof requestConfirmPage>[1],
      HOSTILE,
    ),
    { text: true, attributes: [['input[name="token"]', 'value', HOSTILE]] },
  ],
  [
    'talksPage',
    talksPage('ar', [
      {
        reviewId: HOSTILE,
        kind: 'gcm-talk',
        regions: [],
        title: HOSTILE,
        date: input.date,
        dateText: HOSTILE,
        meetings: [{ ...pre, id: 'talk', kind: 'gcm-talk', title: HOSTILE }],
        sequences: {},
        audience: HOSTILE,
        organisers: HOSTILE,
        outcomes: { talk: { summaryUrl: HOSTILE_URL, recordingUrl: HOSTILE_URL } },
        registrationOpen: false,
      },
    ]),
    {
      text: true,
      attributes: [
        ['article li a >> nth=0', 'href', HOSTILE_URL],
        ['article li a >> nth=1', 'href', HOSTILE_URL],
      ],
    },
  ],
  [
    'renderMessage',
    renderMessage({
      subject: HOSTILE,
      language: 'ar',
      paragraphs: [HOSTILE],
      link: { url: HOSTILE_URL, label: HOSTILE },
      manageUrl: HOSTILE_URL,
      unsubscribe,
    }).html,
    {
      text: true,
      attributes: [
        ['a >> nth=0', 'href', HOSTILE_URL],
        ['a >> nth=1', 'href', HOSTILE_URL],
        ['a >> nth=2', 'href', HOSTILE_URL],
      ],
    },
  ],
  [
    'the confirmation email',
    renderMessage(confirmationMessage(review, { name: HOSTILE, language: 'en' }, HOSTILE_URL)).html,
    { text: true, attributes: [['a', 'href', HOSTILE_URL]] },
  ],
  [
    'a reminder naming the venue',
    renderMessage(
      milestoneMessage(
        review,
        hostileHybrid,
        reminder,
        { name: 'Camille', language: 'fr', attendanceMode: 'in-person' },
        { manageUrl: HOSTILE_URL, unsubscribe },
      ),
    ).html,
    { text: true, attributes: [['a >> nth=0', 'href', HOSTILE_URL]] },
  ],
];

describe('hostile text in pages and emails', () => {
  it.each(CASES)('%s: escaped in the source', (_, html) => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain(ESCAPED);
  });

  describe.skipIf(!hasChromium)('as Chromium parses it', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      // Scripts off: should markup get through, the test fails on its presence, not on what it does.
      page = await browser.newPage({ javaScriptEnabled: false });
    });
    afterAll(() => browser?.close());

    it.each(CASES)(
      '%s: no element or handler of its own, and the value shown as given',
      async (_, html, shown) => {
        await page.setContent(html);
        expect(await page.locator('script, img').count()).toBe(0);
        const handlers = await page.evaluate<string[]>(
          "[...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on'))",
        );
        expect(handlers).toEqual([]);
        if (shown.text) expect(await page.locator('html').textContent()).toContain(HOSTILE);
        for (const [selector, attribute, value] of shown.attributes ?? [])
          expect(
            await page.locator(selector).first().getAttribute(attribute),
            `${selector} ${attribute}`,
          ).toBe(value);
      },
    );
  });
});
