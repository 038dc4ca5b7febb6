import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, test as it } from '#test/support/fixtures';
import { ADMIN_TOKEN, reviewBody } from '#test/support/service-client';
import { SPAWNED } from '#test/support/spawn-service';

const run = promisify(execFile);

/** `npm run consult -- <args>`, in a process of its own, against the test's service. */
const consult = (baseUrl: string, ...args: string[]) =>
  run(
    process.execPath,
    ['--import', 'tsx', 'cli/consult.ts', ...args, '--url', baseUrl, '--token', ADMIN_TOKEN],
    {
      env: { ...process.env, CONSULT_TOKEN: '', ADMIN_TOKEN: '' },
    },
  );

describe('the command line', SPAWNED, () => {
  it('sets and lists reviews, invites with progress, and exports registrants', async ({ api }) => {
    const folder = mkdtempSync(join(tmpdir(), 'consult-'));
    const reviewFile = join(folder, 'review.json');
    writeFileSync(reviewFile, JSON.stringify(reviewBody(await api.now(), 120)));
    const set = await consult(api.baseUrl, 'set-review', 'europe-cli', reviewFile);
    expect(set.stdout).toMatch(/^201 europe-cli: 8 jobs scheduled/);
    expect((await consult(api.baseUrl, 'reviews')).stdout).toMatch(
      /^europe-cli\s+\d+ \w+ \d{4}\s+active\s+pre-1\.invitation at /m,
    );

    const contacts = join(folder, 'contacts.csv');
    writeFileSync(contacts, 'email,name,language\nana@example.org,Ana,es\nnot-an-address,Bad,en\n');
    const inviting = consult(api.baseUrl, 'invite', 'europe-cli', contacts);
    // Once the upload is in, the local clock is moved for the jobs that follow it.
    for (let waited = 0; waited < 30_000; waited += 200) {
      const uploads = await api.request('GET', '/admin/reviews/europe-cli/audit');
      if (uploads.body.entries.some((e: { action: string }) => e.action.includes('invitations'))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The rows are checked by a job a minute or two later, and the invitations go out a minute after that.
    let settled = false;
    const done = () => {
      settled = true;
    };
    // Both ways: a CLI that fails must end the loop and fail below, not leave a rejection nobody handles.
    inviting.then(done, done);
    for (let moves = 0; !settled && moves < 30; moves++) {
      await api.moveClock({ advanceBy: 'PT2M' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const invited = await inviting;
    expect(invited.stdout).toContain('line 3: ');
    expect(invited.stdout).toContain('1 to check, 1 refused');
    expect(invited.stdout).toContain('sent 1/1');

    await api.registerAndConfirm('europe-cli', 'leo@example.org', 'Léo', 'fr');
    const csv = await consult(
      api.baseUrl,
      'registrants',
      'europe-cli',
      '--csv',
      '--lang',
      'fr',
      '--filter',
      'language=fr',
    );
    const [heading, row, ...rest] = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(heading).toMatch(/^Nom complet,/);
    expect(row).toMatch(/^Léo,leo@example.org,/);
    expect(rest).toEqual([]);

    const failed = await consult(api.baseUrl, 'review', 'nowhere').catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('404');
  });
});

describe('the command line’s exports', SPAWNED, () => {
  it.override('runtimeOptions', { exportPartRows: 3 });

  it('fetch every part of a large export with a progress bar and write one file, as CSV or XLSX', async ({
    api,
  }) => {
    expect((await api.putReview('europe-cli', reviewBody(await api.now(), 120))).status).toBe(201);
    const emails = Array.from({ length: 7 }, (_, i) => `person${i}@example.org`);
    for (const [i, email] of emails.entries()) {
      const json = { reviewId: 'europe-cli', email, name: `Person ${i}`, language: 'ar' };
      expect((await api.request('POST', '/registrations', { json })).status).toBe(202);
    }
    // Listed on the terminal, every page of the listing (three to a page here): all seven, each once.
    const listed = await consult(api.baseUrl, 'registrants', 'europe-cli', '--filter', 'limit=3');
    const lines = listed.stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((line) => line.split(' ')[0])).toEqual(emails);
    expect(lines.at(-1)).toBe('7 of 7');
    const folder = mkdtempSync(join(tmpdir(), 'consult-'));

    const csvFile = join(folder, 'registrants.csv');
    const csv = await consult(
      api.baseUrl,
      'registrants',
      'europe-cli',
      '--csv',
      '--lang',
      'fr',
      '--out',
      csvFile,
    );
    expect(csv.stderr).toContain('part 3/3 [');
    const text = readFileSync(csvFile, 'utf8');
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    const [headings, ...rows] = parse(text.slice(1)) as string[][];
    expect(headings?.[0]).toBe('Nom complet');
    expect(rows.map((row) => row[1])).toEqual(emails);

    const xlsxFile = join(folder, 'registrants.xlsx');
    await consult(api.baseUrl, 'registrants', 'europe-cli', '--xlsx', '--lang', 'ar', '--out', xlsxFile);
    const workbook = readFileSync(xlsxFile);
    const [sheet] = await readXlsxFile(workbook);
    expect(sheet?.data[0]?.[0]).toBe('الاسم الكامل');
    expect(sheet?.data.slice(1).map((row) => row[1])).toEqual(emails);
    expect(strFromU8(unzipSync(workbook)['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain(
      'rightToLeft="1"',
    );
  });
});
