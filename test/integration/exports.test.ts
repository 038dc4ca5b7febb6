import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { translator } from '#i18n/translate';
import { Browser } from '#test/support/console-browser';
import { describe, expect, test } from '#test/support/fixtures';
import { ADMIN_TOKEN, reviewBody, type ServiceClient } from '#test/support/service-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA_NAME = '=HYPERLINK("https://example.org","x")';

/** An export as the bytes it is: the service client reads answers as text, which a workbook is not. */
async function download(api: ServiceClient, path: string) {
  const response = await fetch(new URL(path, api.baseUrl), {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, header, bytes, text: bytes.toString('utf8') };
}

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, '')) as string[][];

/** A registration left pending: listed and exported as any other, without the confirmation's round trip. */
async function register(api: ServiceClient, reviewId: string, email: string, name: string, language = 'en') {
  const answer = await api.request('POST', '/registrations', { json: { reviewId, email, name, language } });
  expect(answer.status).toBe(202);
}

/** `europe-x`, four months ahead. */
const it = test.extend('review', { auto: true }, async ({ api }) => {
  const now = await api.now();
  const answer = await api.putReview('europe-x', reviewBody(now, 120));
  expect(answer.status).toBe(201);
  return answer.body.plan as { milestones: { id: string; at: string }[] };
});

describe('exports', () => {
  it.override('runtimeOptions', { exportPartRows: 3 });

  it('give the registrants as XLSX with the CSV’s columns, language and filters', async ({ api }) => {
    await register(api, 'europe-x', 'layla@example.org', FORMULA_NAME, 'ar');
    await register(api, 'europe-x', 'ana@example.org', 'Ana', 'es');
    const answer = await download(api, '/admin/reviews/europe-x/registrants?format=xlsx&lang=ar&language=ar');
    expect([answer.status, answer.header('content-type'), answer.header('content-disposition')]).toEqual([
      200,
      XLSX,
      'attachment; filename="europe-x-registrants.xlsx"',
    ]);
    expect([answer.header('x-export-part'), answer.header('x-export-parts')]).toEqual(['1', '1']);
    const [sheet] = await readXlsxFile(answer.bytes);
    const [headings, row, ...rest] = sheet?.data ?? [];
    const csv = await download(api, '/admin/reviews/europe-x/registrants?format=csv&lang=ar&language=ar');
    expect(headings).toEqual(csvRows(csv.text)[0]);
    expect(headings?.[0]).toBe('الاسم الكامل');
    expect(row?.slice(0, 2)).toEqual([FORMULA_NAME, 'layla@example.org']);
    expect(rest).toEqual([]);
    const xml = strFromU8(unzipSync(answer.bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('rightToLeft="1"');
    expect(xml).not.toMatch(/<f[ >]/);

    const unknown = await api.request('GET', '/admin/reviews/europe-x/registrants?format=pdf');
    expect(unknown.status).toBe(422);
    expect((await api.request('GET', '/admin/reviews/europe-x/registrants')).body.total).toBe(2);
  });

  it('serve a large export in parts, each row once under the headings, and the console links each part', async ({
    api,
  }) => {
    const emails = Array.from({ length: 7 }, (_, i) => `person${i}@example.org`);
    for (const [i, email] of emails.entries()) await register(api, 'europe-x', email, `Person ${i}`);
    const parts = [];
    for (const part of [1, 2, 3]) {
      const answer = await download(
        api,
        `/admin/reviews/europe-x/registrants?format=csv&lang=fr&part=${part}`,
      );
      expect([answer.status, answer.header('x-export-part'), answer.header('x-export-parts')]).toEqual([
        200,
        String(part),
        '3',
      ]);
      expect(answer.header('content-disposition')).toBe(
        `attachment; filename="europe-x-registrants-part-${part}-of-3.csv"`,
      );
      parts.push(csvRows(answer.text));
    }
    for (const [headings] of parts)
      expect(headings?.slice(0, 2)).toEqual(['Nom complet', 'Adresse électronique']);
    expect(parts.flatMap(([, ...rows]) => rows.map((row) => row[1]))).toEqual(emails);
    const beyond = await api.request('GET', '/admin/reviews/europe-x/registrants?format=csv&part=4');
    expect(beyond.status).toBe(422);
    const lastXlsx = await download(api, '/admin/reviews/europe-x/registrants?format=xlsx&part=3');
    expect((await readXlsxFile(lastXlsx.bytes))[0]?.data.map((row) => row[1])).toEqual([
      'Email address',
      'person6@example.org',
    ]);

    const browser = new Browser(api.baseUrl);
    await browser.signIn('secretariat@example.org', ['secretariat']);
    const page = await (await browser.go('/console/reviews/europe-x/registrants?lang=en')).text();
    expect(page).toContain('Too many rows for one file: download them in 3 parts.');
    for (const part of [1, 2, 3])
      for (const format of ['csv', 'xlsx'])
        expect(page).toContain(
          `href="/console/reviews/europe-x/registrants?lang=en&amp;format=${format}&amp;part=${part}"`,
        );
    const second = await browser.go('/console/reviews/europe-x/registrants?lang=en&format=xlsx&part=2');
    expect([second.headers.get('content-type'), second.headers.get('x-export-parts')]).toEqual([XLSX, '3']);
    const [sheet] = await readXlsxFile(Buffer.from(await second.arrayBuffer()));
    expect(sheet?.data.map((row) => row[1])).toEqual(['Email address', ...emails.slice(3, 6)]);
  });

  it('give interpretation totals as JSON, CSV and XLSX, from the admin API and the console', async ({
    api,
  }) => {
    await api.registerAndConfirm('europe-x', 'leo@example.org', 'Léo', 'fr');
    await api.registerAndConfirm('europe-x', 'kofi@example.org', 'Kofi', 'en');
    const json = await api.request('GET', '/admin/reviews/europe-x/interpretation');
    expect(json.status).toBe(200);
    expect(json.body.meetings[0]).toMatchObject({
      meetingId: 'pre-1',
      total: 2,
      byLanguage: [
        { language: 'en', online: 1, inPerson: 0 },
        { language: 'fr', online: 1, inPerson: 0 },
      ],
    });

    const csv = await download(api, '/admin/reviews/europe-x/interpretation?format=csv&lang=fr');
    expect(csv.header('content-disposition')).toBe('attachment; filename="europe-x-interpretation.csv"');
    const [headings, ...rows] = csvRows(csv.text);
    expect(headings).toEqual([
      'Réunion',
      'Date et heure',
      'Langue',
      'En ligne',
      'En présentiel',
      'Total',
      'Interprétation',
    ]);
    expect(rows.map((row) => [row[2], ...row.slice(3, 6)])).toEqual(
      json.body.meetings.flatMap(() => [
        ['English', '1', '0', '1'],
        ['français', '1', '0', '1'],
      ]),
    );

    const browser = new Browser(api.baseUrl);
    await browser.signIn('europe-focal@example.org', ['region-europe']);
    const page = await (await browser.go('/console/reviews/europe-x/interpretation?lang=ar')).text();
    expect(page).toContain('href="/console/reviews/europe-x/interpretation?lang=ar&amp;format=csv"');
    expect(page).toContain('href="/console/reviews/europe-x/interpretation?lang=ar&amp;format=xlsx"');
    const xlsx = await browser.go('/console/reviews/europe-x/interpretation?lang=ar&format=xlsx');
    expect(xlsx.headers.get('content-language')).toBe('ar');
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet?.data[0]?.[0]).toBe(translator('ar')('console.column.meeting'));
    expect(sheet?.data[1]?.slice(3, 6)).toEqual([1, 0, 1]);
  });

  it('give a round’s delivery report as CSV, a row per recipient, headings and statuses localized', async ({
    api,
    review,
  }) => {
    await api.registerAndConfirm('europe-x', 'leo@example.org', 'Léo', 'fr');
    await api.registerAndConfirm('europe-x', 'gone@example.org', 'Gone', 'en');
    const invitation = review.milestones.find((m) => m.id === 'pre-1.invitation') as { at: string };
    await api.moveClock({ set: new Date(Date.parse(invitation.at) + 1000).toISOString() });
    const report = await api.request('GET', '/admin/reviews/europe-x/deliveries/pre-1.invitation');
    const gone = report.body.deliveries.find(
      (d: { recipient: string }) => d.recipient === 'gone@example.org',
    );
    const bounce = {
      eventType: 'Bounce',
      mail: { timestamp: new Date().toISOString(), messageId: gone.messageId, destination: [gone.recipient] },
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: gone.recipient, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        timestamp: new Date().toISOString(),
      },
    };
    expect((await api.request('POST', '/_local/ses-events', { json: bounce })).status).toBe(200);

    const csv = await download(api, '/admin/reviews/europe-x/deliveries/pre-1.invitation?format=csv&lang=fr');
    expect([csv.status, csv.header('content-disposition')]).toEqual([
      200,
      'attachment; filename="europe-x-pre-1.invitation-deliveries.csv"',
    ]);
    const t = translator('fr');
    const [headings, ...rows] = csvRows(csv.text);
    expect(headings).toEqual(
      [
        'console.column.recipient',
        'console.column.status',
        'console.column.messageId',
        'console.column.sentAt',
        'console.column.event',
        'console.column.detail',
      ].map((key) => t(key as Parameters<typeof t>[0])),
    );
    const byRecipient = Object.fromEntries(rows.map((row) => [row[0], row]));
    expect(byRecipient['leo@example.org']).toEqual([
      'leo@example.org',
      t('console.delivery.sent'),
      expect.stringMatching(/.+/),
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      '',
      '',
    ]);
    expect(byRecipient['gone@example.org']).toEqual([
      'gone@example.org',
      t('console.delivery.bounced'),
      gone.messageId,
      gone.sentAt,
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      expect.stringContaining('550 5.1.1 user unknown'),
    ]);
    const xlsx = await download(api, '/admin/reviews/europe-x/deliveries/pre-1.invitation?format=xlsx');
    expect((await readXlsxFile(xlsx.bytes))[0]?.data).toHaveLength(3);
  });
});
