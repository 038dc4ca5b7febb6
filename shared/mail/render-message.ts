import type { CalendarInvite } from '#domain/calendar';
import { footerLinks, type MessageContent } from '#domain/messages';
import { emailHtml } from '#html/email';

/** An email ready to send: plain text and HTML, and the headers and calendar invitation that go with them. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  calendarInvite?: CalendarInvite;
}

export function renderMessage(content: MessageContent): RenderedMessage {
  const footer = footerLinks(content).map(({ url, label }) => `${label}: ${url}`);
  const text = [
    ...content.paragraphs,
    ...(content.link ? [`${content.link.label}: ${content.link.url}`] : []),
    ...(footer.length > 0 ? ['--', ...footer] : []),
  ].join('\n\n');
  // RFC 8058: mail clients offer their own unsubscribe button, whose one-click POST needs no page.
  const headers = content.unsubscribe
    ? {
        'List-Unsubscribe': `<${content.unsubscribe.url}>, <${content.unsubscribe.mailto}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }
    : undefined;
  return {
    subject: content.subject,
    text: `${text}\n`,
    html: emailHtml(content),
    ...(content.calendarInvite ? { calendarInvite: content.calendarInvite } : {}),
    ...(headers ? { headers } : {}),
  };
}
