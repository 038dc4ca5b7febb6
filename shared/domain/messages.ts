import { DateTime } from 'luxon';
import { directionOf, type Language } from '../i18n/languages';
import { type Translate, translator } from '../i18n/translate';
import { escapeHtml } from './html';
import type { Milestone, PlannedMeeting } from './plan';
import type { AttendanceMode } from './registrant';
import type { MeetingKind, Review } from './review';

/** An email's words in one language: subject, plain text and email-safe HTML (right to left for Arabic). */
export interface MessageContent {
  subject: string;
  text: string;
  html: string;
}

type Reader = { name: string; language: Language };

export function reviewTitle(review: Pick<Review, 'title' | 'region'>, t: Translate): string {
  return review.title ?? t('review.title', { region: t(`region.${review.region}`) });
}

export function meetingName(kind: MeetingKind, t: Translate): string {
  return t(`meeting.${kind}`);
}

/** "Monday 29 March 2027, 10:00 (Europe/Zurich, UTC+2)", in the reader's language and the meeting's zone. */
export function meetingWhen(
  meeting: Pick<PlannedMeeting, 'startsAt' | 'timeZone' | 'dateText'>,
  language: Language,
) {
  const t = translator(language);
  if (!meeting.startsAt) return t('meeting.dateToBeAnnounced', { date: meeting.dateText ?? '' });
  const start = DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone }).setLocale(language);
  return t('meeting.when', {
    date: start.toLocaleString(DateTime.DATE_HUGE),
    time: start.toLocaleString(DateTime.TIME_24_SIMPLE),
    // Isolated, so that the Latin zone name keeps its shape inside right-to-left text.
    zone: `\u2068${meeting.timeZone}, UTC${start.toFormat('ZZ')}\u2069`,
  });
}

interface Body {
  paragraphs: string[];
  link?: { url: string; label: string };
  manageUrl?: string;
}

function render(language: Language, subject: string, body: Body): MessageContent {
  const t = translator(language);
  const footer = body.manageUrl ? `${t('email.manage')}: ${body.manageUrl}` : undefined;
  const text = [
    ...body.paragraphs,
    ...(body.link ? [`${body.link.label}: ${body.link.url}`] : []),
    ...(footer ? ['--', footer] : []),
  ].join('\n\n');
  const dir = directionOf(language);
  const align = dir === 'rtl' ? 'right' : 'left';
  const paragraph = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const button = body.link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.link.url)}" style="background:#00589c;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(body.link.label)}</a></p>`
    : '';
  const footerHtml = body.manageUrl
    ? `<p style="margin:24px 0 0;font-size:13px;color:#555555;border-top:1px solid #dddddd;padding-top:12px"><a href="${escapeHtml(body.manageUrl)}" style="color:#00589c">${escapeHtml(t('email.manage'))}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f4">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;text-align:${align}" dir="${dir}">
<p style="margin:0 0 16px;font-size:13px;color:#555555">${escapeHtml(t('site.name'))}</p>
${body.paragraphs.map(paragraph).join('\n')}
${button}${footerHtml}
</div>
</body>
</html>`;
  return { subject, text: `${text}\n`, html };
}

export function confirmationMessage(review: Review, reader: Reader, confirmUrl: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.confirm.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.confirm.body', { review: title }),
      t('email.ignore'),
    ],
    link: { url: confirmUrl, label: t('email.confirm.link') },
  });
}

export function registrationConfirmedMessage(
  review: Review,
  reader: Reader,
  seating: { meeting?: PlannedMeeting; seat?: 'seat' | 'waitlisted'; position?: number },
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  const meeting = seating.meeting ? meetingName(seating.meeting.kind, t) : '';
  const seat =
    seating.seat === 'seat'
      ? [t('email.confirmed.seat', { meeting })]
      : seating.seat === 'waitlisted'
        ? [t('email.confirmed.waitlisted', { meeting, position: seating.position ?? 0 })]
        : [];
  return render(reader.language, t('email.confirmed.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.confirmed.body', { review: title }),
      ...seat,
    ],
    manageUrl,
  });
}

export function knownAddressMessage(review: Review, reader: Reader, manageUrl: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.known.subject', { review: title }), {
    paragraphs: [t('email.greeting', { name: reader.name }), t('email.known.body', { review: title })],
    link: { url: manageUrl, label: t('email.known.link') },
  });
}

export function changedMessage(
  review: Review,
  reader: Reader & { attendanceMode: AttendanceMode },
  meetings: PlannedMeeting[],
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  const list = new Intl.ListFormat(reader.language, { type: 'conjunction' });
  return render(reader.language, t('email.changed.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.changed.body', {
        review: title,
        meetings: list.format(
          meetings.map((m) => `${meetingName(m.kind, t)} (${meetingWhen(m, reader.language)})`),
        ),
        attendance: t(`attendance.${reader.attendanceMode}`),
        language:
          new Intl.DisplayNames([reader.language], { type: 'language' }).of(reader.language) ??
          reader.language,
      }),
    ],
    manageUrl,
  });
}

export function cancelledMessage(review: Review, reader: Reader, registerUrl: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.cancelled.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.cancelled.body', { review: title, url: registerUrl }),
    ],
  });
}

export function waitlistedMessage(
  review: Review,
  reader: Reader,
  meeting: PlannedMeeting,
  position: number,
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.waitlisted.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.waitlisted.body', { review: title, meeting: meetingName(meeting.kind, t), position }),
    ],
    manageUrl,
  });
}

export function promotedMessage(review: Review, reader: Reader, meeting: PlannedMeeting, manageUrl: string) {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.promoted.subject', { review: title }), {
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.promoted.body', { review: title, meeting: meetingName(meeting.kind, t) }),
      meetingWhen(meeting, reader.language),
    ],
    manageUrl,
  });
}

export function invitationToRegisterMessage(
  review: Review,
  reader: Reader,
  registerUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return render(reader.language, t('email.invitation.subject', { review: title }), {
    paragraphs: [t('email.greeting', { name: reader.name }), t('email.invitation.body', { review: title })],
    link: { url: registerUrl, label: t('email.invitation.link') },
  });
}

export function milestoneMessage(
  review: Review,
  meeting: PlannedMeeting,
  milestone: Milestone,
  reader: Reader,
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const values = {
    review: reviewTitle(review, t),
    meeting: meetingName(meeting.kind, t),
    when: meetingWhen(meeting, reader.language),
  };
  const greeting = t('email.greeting', { name: reader.name });
  const where =
    meeting.kind === 'hybrid-consultation'
      ? t('email.milestone.where.hybrid', { venue: meeting.venue ?? review.venue })
      : t('email.milestone.where.online');
  const join = meeting.joinUrl ? { url: meeting.joinUrl, label: t('email.milestone.join') } : undefined;
  switch (milestone.kind) {
    case 'pre-consultation':
    case 'hybrid-consultation':
      return render(reader.language, t('email.milestone.invitation.subject', values), {
        paragraphs: [
          greeting,
          t('email.milestone.invitation.body', values),
          where,
          t('email.milestone.interpretation'),
        ],
        link: join,
        manageUrl,
      });
    case 'materials-publication':
      return render(reader.language, t('email.milestone.materials.subject', values), {
        paragraphs: [greeting, t('email.milestone.materials.body', values)],
        link: review.materialsUrl
          ? { url: review.materialsUrl, label: t('email.milestone.materials.link') }
          : undefined,
        manageUrl,
      });
    case 'reminder':
      return render(
        reader.language,
        t('email.milestone.reminder.subject', { ...values, days: milestone.daysBefore }),
        {
          paragraphs: [greeting, t('email.milestone.reminder.body', values), where],
          link: join,
          manageUrl,
        },
      );
  }
}
