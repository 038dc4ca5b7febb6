import { render } from 'preact-render-to-string';
import { footerLinks, type MessageContent } from '#domain/messages';
import { directionOf } from '#i18n/languages';
import { translator } from '#i18n/translate';

/**
 * The email's HTML: inline styles only and one centred column, which is what mail clients keep; right to left
 * for Arabic.
 */
function Email({ content }: { content: MessageContent }) {
  const t = translator(content.language);
  const dir = directionOf(content.language);
  const footer = footerLinks(content);
  return (
    <html lang={content.language} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f4f4f4">
        <div
          style={`max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;text-align:${dir === 'rtl' ? 'right' : 'left'}`}
          dir={dir}
        >
          <p style="margin:0 0 16px;font-size:13px;color:#555555">{t('site.name')}</p>
          {content.paragraphs.map((paragraph) => (
            <p style="margin:0 0 16px">{paragraph}</p>
          ))}
          {content.link && (
            <p style="margin:24px 0">
              <a
                href={content.link.url}
                style="background:#00589c;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block"
              >
                {content.link.label}
              </a>
            </p>
          )}
          {footer.length > 0 && (
            <p style="margin:24px 0 0;font-size:13px;color:#555555;border-top:1px solid #dddddd;padding-top:12px">
              {footer.map(({ url, label }, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={url} style="color:#00589c">
                    {label}
                  </a>
                </>
              ))}
            </p>
          )}
        </div>
      </body>
    </html>
  );
}

export function emailHtml(content: MessageContent): string {
  return `<!doctype html>\n${render(<Email content={content} />)}`;
}
