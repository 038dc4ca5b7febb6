import { describe, expect, it } from 'vitest';
import { checkRows, readContactList } from '#domain/contacts';
import { ValidationError } from '#domain/errors';

describe('the secretariat’s contact list', () => {
  it('reads each row on its own, naming the line and reason of each bad one and each duplicate', () => {
    const csv = [
      'Email,Name,Organisation,Language',
      'amina@example.org,Amina Haddad,Migrant Forum,AR',
      'not-an-address,Bad Row,,en',
      'jean@example.org,"Dupont, Jean",,fr',
      'AMINA@example.org,Amina again,,ar',
      'li@example.org,,,zh',
      'olga@example.org,Olga,,de',
      '',
      'sam@example.org,Sam',
    ].join('\n');
    const list = readContactList(`\uFEFF${csv}`);
    expect(list.contacts).toEqual([
      {
        line: 2,
        contact: {
          email: 'amina@example.org',
          name: 'Amina Haddad',
          organisation: 'Migrant Forum',
          language: 'ar',
        },
      },
      { line: 4, contact: { email: 'jean@example.org', name: 'Dupont, Jean', language: 'fr' } },
      { line: 9, contact: { email: 'sam@example.org', name: 'Sam', language: 'en' } },
    ]);
    expect(list.invalid).toEqual([
      { line: 3, reason: 'email: not an email address' },
      { line: 6, reason: 'name: the name is empty' },
      { line: 7, reason: expect.stringMatching(/^language: /) },
    ]);
    expect(list.duplicates).toEqual([{ line: 5, email: 'AMINA@example.org', firstLine: 2 }]);
  });

  it('refuses a file it cannot read, or without the needed columns, saying why', () => {
    expect(() => readContactList('email,name\n"unclosed,x\n')).toThrow(ValidationError);
    expect(() => readContactList('address,fullname\na@example.org,A\n')).toThrow(/email and name at least/);
  });

  it('skips, among an upload’s rows, who registered or another upload invited, and keeps its own', () => {
    const row = (line: number, email: string) => ({
      line,
      contact: { email, name: 'N', language: 'en' as const },
    });
    const checked = checkRows(
      [
        row(2, 'New@example.org'),
        row(3, 'Here@example.org'),
        row(4, 'asked@example.org'),
        row(5, 'mine@example.org'),
      ],
      new Set(['here@example.org']),
      new Map([
        ['asked@example.org', 'other'],
        ['mine@example.org', 'this'],
      ]),
      'this',
    );
    expect(checked.invite.map((contact) => contact.email)).toEqual(['New@example.org', 'mine@example.org']);
    expect(checked.skipped).toEqual([
      { line: 3, email: 'Here@example.org', reason: 'already registered' },
      { line: 4, email: 'asked@example.org', reason: 'already invited' },
    ]);
  });
});
