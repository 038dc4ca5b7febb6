import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages';
import { CATALOGS, type MessageKey, translator } from '../../shared/i18n/translate';

const english = CATALOGS.en;
const keys = Object.keys(english) as MessageKey[];

/** The argument names a message uses, plural and select arguments included. */
function argumentsOf(message: string, language: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, language).getAst());
  return [...names].sort();
}

describe('the message catalogs', () => {
  it.each(LANGUAGES)('%s has exactly the English keys', (language) => {
    expect(Object.keys(CATALOGS[language]).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES)('%s: every message parses and uses the same arguments as English', (language) => {
    for (const key of keys) {
      const message = CATALOGS[language][key];
      expect(message, `${language} ${key}`).toBeTruthy();
      expect(argumentsOf(message, language), `${language} ${key}`).toEqual(argumentsOf(english[key], 'en'));
    }
  });

  it('formats plurals by each language’s rules', () => {
    expect(
      translator('en')('email.milestone.reminder.subject', { days: 1, meeting: 'M', review: 'R' }),
    ).toContain('tomorrow');
    expect(
      translator('ru')('email.milestone.reminder.subject', { days: 7, meeting: 'M', review: 'R' }),
    ).toMatch(/7/);
    expect(
      translator('ar')('email.milestone.reminder.subject', { days: 7, meeting: 'M', review: 'R' }),
    ).toMatch(/[7٧]/);
  });
});
