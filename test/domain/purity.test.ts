import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = join(import.meta.dirname, '../../shared/domain');
const sources = readdirSync(DOMAIN)
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => ({ file, code: readFileSync(join(DOMAIN, file), 'utf8') }));

/** What would make the domain more than the words and rules of the work. */
const FORBIDDEN: [string, RegExp][] = [
  ['an AWS SDK', /from '@aws-sdk\//],
  [
    'an adapter, a service or the HTTP layer',
    /from '#(store|mail|scheduling|http|api|aws|services|html|config)\//,
  ],
  ['a renderer or an encoder of mail or calendars', /from '(preact|nodemailer|ical-generator)/],
  ['markup', /<\/?(p|a|div|html|body|span|h1|br)\b[^>]*>/],
  ['the environment', /process\.env/],
  ['the clock', /new Date\(\)|Date\.now\(/],
  ['a Scheduler expression or placeholder', /at\(\d|aws\.scheduler/],
];

describe('the domain', () => {
  it('has sources to check', () => {
    expect(sources.map((s) => s.file)).toContain('plan.ts');
  });

  it.each(FORBIDDEN)('holds no %s', (_what, pattern) => {
    expect(sources.filter(({ code }) => pattern.test(code)).map(({ file }) => file)).toEqual([]);
  });
});
