import type { Language } from '#i18n/languages';
import type { Translate } from '#i18n/translate';

/** Where a listing's page stands: the cursor of the next page while there are more, and whether it is past the first. */
export interface Paging {
  next?: string;
  paged: boolean;
}

/**
 * The links between a listing's pages: to the next (`next` is the listing's cursor) while there are more, and back
 * to the first once past it. `href` makes the page's own address with the rest of its query kept.
 */
export function PageLinks(props: Paging & { href: (cursor?: string) => string; t: Translate }) {
  const { href, next, paged, t } = props;
  if (!next && !paged) return null;
  return (
    <nav class="pages" aria-label={t('console.pages')}>
      {paged && <a href={href()}>{t('console.firstPage')}</a>}
      {paged && next && ' · '}
      {next && (
        <a rel="next" href={href(next)}>
          {t('console.nextPage')}
        </a>
      )}
    </nav>
  );
}

/** The `href` of a listing whose page's address holds only the language and the cursor. */
export const pageAddress =
  (path: string, language: Language) =>
  (cursor?: string): string =>
    `${path}?${new URLSearchParams({ lang: language, ...(cursor ? { cursor } : {}) })}`;
