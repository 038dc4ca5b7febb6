import { describe, expect, it } from 'vitest';
import { DateSpecSchema } from '#domain/date-spec';
import { dateInWords, meetingWhen } from '#domain/wording';
import type { Language } from '#i18n/languages';

const inWords = (text: string, language: Language) => dateInWords(DateSpecSchema.parse(text), language);

/**
 * Each date as the secretariat wrote it, in each language, no more precise than it is known. The expected texts
 * are written here by hand, in the language, with the spaces ICU puts in them (thin spaces in an English range,
 * a narrow no-break space before the Russian year's г.).
 */
describe('dates in the reader’s words', () => {
  it.each([
    ['en', '8 or 11 March 2024 (to be decided)'],
    ['fr', '8 ou 11 mars 2024 (à confirmer)'],
    ['es', '8 u 11 de marzo de 2024 (por confirmar)'],
    ['ru', '8 или 11 марта 2024\u202fг. (будет уточнено)'],
    ['ar', '8 أو 11 مارس 2024 (سيُحدَّد لاحقًا)'],
    ['zh', '2024年3月8或11日（待定）'],
  ] as [Language, string][])('one of two days, to be decided, in %s', (language, expected) => {
    expect(inWords('8 or 11 March 2024 (TBD)', language)).toBe(expected);
  });

  it.each([
    ['en', '3\u2009–\u20094 July 2024'],
    ['fr', '3–4 juillet 2024'],
    ['ru', '3–4 июля 2024\u202fг.'],
    ['ar', '3–4 يوليو 2024'],
    ['zh', '2024年7月3日至2024年7月4日'],
  ] as [Language, string][])('a run of days in %s', (language, expected) => {
    expect(inWords('3-4 July 2024', language)).toBe(expected);
  });

  it('writes months, weeks, parts of a year and years as they are known', () => {
    expect(inWords('week 3 of November 2024', 'en')).toBe('week 3 of November 2024');
    expect(inWords('week 3 of November 2024', 'fr')).toBe('semaine 3 de novembre 2024');
    expect(inWords('week 3 of November 2024', 'zh')).toBe('2024年11月第3周');
    expect(inWords('late 2024', 'en')).toBe('late 2024');
    expect(inWords('late 2024', 'es')).toBe('finales de 2024');
    expect(inWords('late 2024', 'ar')).toBe('أواخر 2024');
    expect(inWords('late 2024', 'zh')).toBe('2024年末');
    expect(inWords('March 2024', 'ru')).toBe('март 2024 г.');
    expect(inWords('2025', 'zh')).toBe('2025年');
    expect(inWords('8 November 2023 (TBD)', 'fr')).toBe('8 novembre 2023 (à confirmer)');
  });

  it('names a meeting of several days by its first and last day, at its start time in its zone', () => {
    const when = meetingWhen(
      {
        startsAt: '2024-07-03T07:00:00Z',
        endsAt: '2024-07-04T15:00:00Z',
        timeZone: 'Asia/Beirut',
        date: DateSpecSchema.parse('3-4 July 2024'),
      },
      'en',
    );
    expect(when).toBe(
      'Wednesday 3\u2009July –\u2009Thursday 4 July 2024, 10:00 (\u2068Asia/Beirut, UTC+03:00\u2069)',
    );
    expect(
      meetingWhen(
        { startsAt: null, endsAt: null, timeZone: 'UTC', date: DateSpecSchema.parse('May 2024') },
        'fr',
      ),
    ).toBe('Date à préciser (mai 2024)');
  });
});
