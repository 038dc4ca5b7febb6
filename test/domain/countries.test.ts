import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '#domain/countries';
import { LANGUAGES } from '#i18n/languages';

describe('the countries the registration form offers', () => {
  it('are the 249 ISO 3166-1 alpha-2 codes and Kosovo, each once, in order', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    expect(COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['KE', 'FR', 'CN', 'SS', 'PS', 'XK']));
  });

  it('each have a name in every language from the platform, with no data shipped', () => {
    for (const language of LANGUAGES) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      const unnamed = COUNTRY_CODES.filter((code) => names.of(code) === undefined);
      expect(unnamed, language).toEqual([]);
    }
    expect(new Intl.DisplayNames(['fr'], { type: 'region' }).of('KE')).toBe('Kenya');
    expect(new Intl.DisplayNames(['ar'], { type: 'region' }).of('FR')).toBe('فرنسا');
  });
});
