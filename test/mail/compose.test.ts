import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeRawEmail, type OutgoingEmail } from '#mail/compose';

const invite = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    from: { address: 'consultations@example.org', name: 'UN Network on Migration' },
    to: { address: 'delegate@example.org', name: 'Amina Haddad' },
    subject: 'Regional review',
    text: 'Plain text body',
    html: '<p>HTML body</p>',
    messageId: 'fixed-id@example.org',
    date: new Date('2025-03-01T09:00:00Z'),
    ...overrides,
  };
}

async function composeAndParse(outgoing: OutgoingEmail): Promise<{ raw: string; parsed: ParsedMail }> {
  const raw = await composeRawEmail(outgoing);
  return { raw: raw.toString('utf8'), parsed: await simpleParser(raw) };
}

function headerNames(parsed: ParsedMail): string[] {
  return parsed.headerLines.map(({ key }) => key);
}

describe('composeRawEmail', () => {
  it('sends the text and the HTML as alternatives of one message', async () => {
    const { raw, parsed } = await composeAndParse(email());

    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(parsed.text?.trim()).toBe('Plain text body');
    expect(parsed.html).toBe('<p>HTML body</p>');
    expect(parsed.from?.value).toEqual([
      { address: 'consultations@example.org', name: 'UN Network on Migration' },
    ]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'delegate@example.org', name: 'Amina Haddad' }] });
    expect(parsed.messageId).toBe('<fixed-id@example.org>');
    expect(parsed.date?.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(parsed.attachments).toEqual([]);
  });

  it('encodes Arabic in headers and bodies so that it round-trips', async () => {
    const subject = 'المشاورة الإقليمية لاستعراض الاتفاق العالمي من أجل الهجرة';
    const { raw, parsed } = await composeAndParse(
      email({
        to: { address: 'delegate@example.org', name: 'أمينة حداد' },
        subject,
        text: 'نرحب بمشاركتكم',
        html: '<p dir="rtl">نرحب بمشاركتكم</p>',
      }),
    );

    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(raw).not.toMatch(/[^\p{ASCII}]/u);
    expect(parsed.subject).toBe(subject);
    expect(parsed.to).toMatchObject({ value: [{ name: 'أمينة حداد' }] });
    expect(parsed.text?.trim()).toBe('نرحب بمشاركتكم');
    expect(parsed.html).toBe('<p dir="rtl">نرحب بمشاركتكم</p>');
  });

  it('never lets a line break in user-supplied values start a header field', async () => {
    const { raw, parsed } = await composeAndParse(
      email({
        to: {
          address: 'delegate@example.org',
          name: 'Amina\r\nBcc: evil@example.org <script>alert(1)</script>',
        },
        subject: 'Review\r\nBcc: evil@example.org',
        headers: { 'X-Registration': 'r-1\nBcc: evil@example.org' },
      }),
    );

    expect(headerNames(parsed)).not.toContain('bcc');
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(parsed.to).toMatchObject({
      value: [
        { address: 'delegate@example.org', name: 'Amina Bcc: evil@example.org <script>alert(1)</script>' },
      ],
    });
    expect(parsed.subject).toBe('Review Bcc: evil@example.org');
    expect(parsed.headers.get('x-registration')).toBe('r-1 Bcc: evil@example.org');
  });

  it('keeps a hostile recipient address inside the To field', async () => {
    const { parsed } = await composeAndParse(
      email({ to: { address: 'delegate@example.org\r\nBcc: evil@example.org' } }),
    );

    expect(headerNames(parsed)).not.toContain('bcc');
    // Quoted into one undeliverable address, which SES then refuses.
    expect(parsed.to).toMatchObject({ value: [{ address: '"delegate@example.org Bcc: evil"@example.org' }] });
  });

  it('adds the extra headers', async () => {
    const { parsed } = await composeAndParse(
      email({
        headers: {
          'List-Unsubscribe': '<https://example.org/unsubscribe?token=abc>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );

    expect(parsed.headerLines).toEqual(
      expect.arrayContaining([
        { key: 'list-unsubscribe', line: 'List-Unsubscribe: <https://example.org/unsubscribe?token=abc>' },
        { key: 'list-unsubscribe-post', line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' },
      ]),
    );
  });

  it('attaches files, text as text and binary as binary', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const { parsed } = await composeAndParse(
      email({
        attachments: [
          { filename: 'agenda.pdf', content: pdf, contentType: 'application/pdf' },
          {
            filename: 'notes.txt',
            content: 'Ordre du jour révisé',
            contentType: 'text/plain; charset=utf-8',
          },
        ],
      }),
    );

    expect(parsed.attachments.map(({ filename, contentType }) => ({ filename, contentType }))).toEqual([
      { filename: 'agenda.pdf', contentType: 'application/pdf' },
      { filename: 'notes.txt', contentType: 'text/plain' },
    ]);
    expect(parsed.attachments[0]?.content.equals(pdf)).toBe(true);
    expect(parsed.attachments[1]?.content.toString('utf8')).toBe('Ordre du jour révisé');
    expect(parsed.text?.trim()).toBe('Plain text body');
  });

  it('sends a calendar invite as a text/calendar alternative with its method and as an .ics file', async () => {
    const { raw, parsed } = await composeAndParse(
      email({ calendarInvite: { method: 'REQUEST', content: invite, filename: 'review.ics' } }),
    );

    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST$/m);
    const calendarPart = parsed.attachments.find(({ contentType }) => contentType === 'text/calendar');
    const icsFile = parsed.attachments.find(({ filename }) => filename === 'review.ics');
    expect(calendarPart?.content.toString('utf8')).toBe(invite);
    expect(icsFile?.content.toString('utf8')).toBe(invite);
    expect(parsed.text?.trim()).toBe('Plain text body');
    expect(parsed.html).toBe('<p>HTML body</p>');
  });

  it('keeps the parameters of a text/calendar attachment', async () => {
    const { raw, parsed } = await composeAndParse(
      email({
        attachments: [
          { filename: 'cancel.ics', content: invite, contentType: 'text/calendar; method=CANCEL' },
        ],
      }),
    );

    expect(raw).toMatch(/^Content-Type: text\/calendar; method=CANCEL; name=cancel\.ics$/m);
    expect(parsed.attachments[0]?.content.toString('utf8')).toBe(invite);
  });
});
