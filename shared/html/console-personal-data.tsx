import { dateInWords } from '#domain/wording';
import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';

/** When a review's personal data goes, in the reader's language: already gone, or the day it will. */
export function retentionText(
  language: Language,
  retention: { months: number; purgeOn: string; purgedAt?: string },
): string {
  const t = translator(language);
  const day = (iso: string) =>
    dateInWords({ kind: 'exact', date: iso.slice(0, 10), tentative: false }, language);
  return retention.purgedAt
    ? t('console.retention.purged', { date: day(retention.purgedAt) })
    : t('console.retention.due', { months: retention.months, date: day(retention.purgeOn) });
}

/**
 * A registrant's data on their console page: a copy of all of it, and, for those who may change the review, its
 * erasure on the person's request, which needs a box ticked so that a slip cannot erase anyone.
 */
export function PersonalDataSection(props: {
  language: Language;
  csrfToken: string;
  base: string;
  mayErase: boolean;
}) {
  const { language, base } = props;
  const t = translator(language);
  return (
    <section aria-labelledby="personal-data">
      <h2 id="personal-data">{t('console.personalData')}</h2>
      <p>
        <a href={`${base}/data?lang=${language}`} download>
          {t('console.personalData.download')}
        </a>
      </p>
      {props.mayErase && (
        <form method="post" action={`${base}/erase?lang=${language}`}>
          <input type="hidden" name="csrf" value={props.csrfToken} />
          <p>{t('console.erase.body')}</p>
          <label>
            <input type="checkbox" name="confirm" value="yes" required />{' '}
            <span>{t('console.erase.confirm')}</span>
          </label>
          <button type="submit" class="danger">
            {t('console.erase.button')}
          </button>
        </form>
      )}
    </section>
  );
}
