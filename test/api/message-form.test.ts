import { describe, expect, test } from 'vitest';
import { messageOfForm } from '#api/message-form';

describe('the console’s message form, as the admin API takes it', () => {
  test('keeps the filters given and the languages written', () => {
    const form = new URLSearchParams({
      csrf: 'x',
      intent: 'preview',
      meeting: 'hybrid',
      language: '',
      q: ' ngo ',
      defaultLanguage: 'fr',
      'subject-en': 'Venue',
      'body-en': 'Room XVII',
      'subject-fr': 'Salle',
      'body-fr': 'Salle XVII',
      'subject-ar': '',
      'body-ar': '',
    });
    expect(messageOfForm(form)).toEqual({
      filter: { meeting: 'hybrid', q: 'ngo' },
      texts: { en: { subject: 'Venue', body: 'Room XVII' }, fr: { subject: 'Salle', body: 'Salle XVII' } },
      defaultLanguage: 'fr',
    });
  });

  test('sends a message written in one language in that one, whatever default was left selected', () => {
    const form = new URLSearchParams({ defaultLanguage: 'en', 'subject-es': 'Sala', 'body-es': 'Sala XVII' });
    expect(messageOfForm(form).defaultLanguage).toBe('es');
  });
});
