import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '#i18n/languages';
import { catalog, type MessageKey, translator } from '#i18n/translate';

const english = catalog('en');
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
    expect(Object.keys(catalog(language)).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES)('%s: every message parses and uses the same arguments as English', (language) => {
    for (const key of keys) {
      const message = catalog(language)[key];
      expect(message, `${language} ${key}`).toBeTruthy();
      expect(argumentsOf(message, language), `${language} ${key}`).toEqual(argumentsOf(english[key], 'en'));
    }
  });

  // Expected strings copied by hand from the catalogs: a day count in the wrong plural category reads wrong.
  const reminder = (language: Language, days: number) =>
    translator(language)('email.milestone.reminder.subject', { days, meeting: 'M', review: 'R' });

  it('formats plurals by each language’s rules', () => {
    expect(reminder('en', 1)).toBe('Reminder: M tomorrow, R');
    expect(reminder('en', 7)).toBe('Reminder: M in 7 days, R');
    expect(reminder('fr', 1)).toBe('Rappel\u00a0: M demain, R');
    expect(reminder('fr', 7)).toBe('Rappel\u00a0: M dans 7 jours, R');
  });

  it.each([
    [1, 'Напоминание: M завтра, R'],
    [2, 'Напоминание: M через 2 дня, R'],
    [5, 'Напоминание: M через 5 дней, R'],
    [21, 'Напоминание: M через 21 день, R'],
    [22, 'Напоминание: M через 22 дня, R'],
    [25, 'Напоминание: M через 25 дней, R'],
    [7, 'Напоминание: M через 7 дней, R'],
  ])('Russian: a reminder %i days ahead reads “%s”', (days, expected) => {
    expect(reminder('ru', days)).toBe(expected);
  });

  it.each([
    [0, 'تذكير: M اليوم، R'],
    [1, 'تذكير: M غدًا، R'],
    [2, 'تذكير: M بعد يومين، R'],
    [3, 'تذكير: M بعد 3 أيام، R'],
    [11, 'تذكير: M بعد 11 يومًا، R'],
    [100, 'تذكير: M بعد 100 يوم، R'],
  ])('Arabic: a reminder %i days ahead reads “%s”', (days, expected) => {
    expect(reminder('ar', days)).toBe(expected);
  });
});
