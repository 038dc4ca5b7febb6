import type { ExportFormat } from '#api/export-file';
import type { Translate } from '#i18n/translate';

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'XLSX' };

/**
 * Links to download what a page shows, as CSV and as XLSX: a link of each, or, when the rows are more than one
 * file holds (the export's `parts`), a link of each per part, so that no answer has to carry them all.
 */
export function ExportLinks(props: {
  t: Translate;
  /** The address of a part of the file, with its format. */
  href: (format: ExportFormat, part: number) => string;
  parts: number;
  labels: Record<ExportFormat, string>;
}) {
  const { t, href, parts, labels } = props;
  const formats = ['csv', 'xlsx'] as const;
  if (parts <= 1)
    return (
      <ul>
        {formats.map((format) => (
          <li>
            <a href={href(format, 1)}>{labels[format]}</a>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <p>{t('console.exportParts', { parts })}</p>
      <ul>
        {Array.from({ length: parts }, (_, i) => (
          <li>
            {formats.map((format, j) => (
              <>
                {j > 0 && ' · '}
                <a href={href(format, i + 1)}>
                  {t('console.exportPart', { part: i + 1, parts, format: FORMAT_NAMES[format] })}
                </a>
              </>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
