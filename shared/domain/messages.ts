import { DateTime } from 'luxon';
import { directionOf, escapeHtml } from './html';
import type { Milestone, PlannedMeeting } from './plan';
import { REGION_NAMES } from './regions';
import type { Language } from './registrant';
import type { Review } from './review';

/**
 * The words of the service's emails. English for now: the language a registrant chose already sets the date
 * formats and the text direction; the six-language catalogs come with issue #3.
 */
export interface MessageContent {
  subject: string;
  text: string;
  html: string;
}

export const reviewTitle = (review: Pick<Review, 'title' | 'region'>): string =>
  review.title ?? `GCM regional review: ${REGION_NAMES[review.region]}`;

const MEETING_NAMES = {
  'pre-consultation': 'virtual pre-consultation',
  'hybrid-consultation': 'hybrid multi-stakeholder consultation',
} as const;

function whenText(meeting: PlannedMeeting, language: Language): string {
  if (!meeting.startsAt) return meeting.dateText ?? 'date to be announced';
  const start = DateTime.fromISO(meeting.startsAt, { zone: meeting.timeZone }).setLocale(language);
  return `${start.toLocaleString(DateTime.DATETIME_FULL)} (${meeting.timeZone})`;
}

function render(
  language: Language,
  subject: string,
  paragraphs: string[],
  link?: { url: string; label: string },
) {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = link ? `\n<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : '';
  const html = `<!doctype html>
<html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
${body}${button}
</body></html>`;
  return { subject, text: `${text}\n`, html };
}

export function confirmationMessage(
  review: Review,
  registrant: { name: string; language: Language },
  confirmUrl: string,
): MessageContent {
  return render(
    registrant.language,
    `Confirm your registration: ${reviewTitle(review)}`,
    [
      `Dear ${registrant.name},`,
      `Someone, hopefully you, registered this address for the stakeholder consultations of the ${reviewTitle(review)}.`,
      'To confirm, open the link below and press the button on the page. The link is valid for 48 hours. If this was not you, ignore this email: nothing happens without your confirmation.',
    ],
    { url: confirmUrl, label: 'Confirm my registration' },
  );
}

export function alreadyRegisteredMessage(review: Review, registrant: { name: string; language: Language }) {
  return render(registrant.language, `You are registered: ${reviewTitle(review)}`, [
    `Dear ${registrant.name},`,
    `This address is already registered and confirmed for the stakeholder consultations of the ${reviewTitle(review)}. You will receive the invitations, materials and reminders by email.`,
  ]);
}

export function milestoneMessage(
  review: Review,
  meeting: PlannedMeeting,
  milestone: Milestone,
  registrant: { name: string; language: Language },
): MessageContent {
  const title = reviewTitle(review);
  const name = MEETING_NAMES[meeting.kind];
  const when = whenText(meeting, registrant.language);
  const greeting = `Dear ${registrant.name},`;
  const where =
    meeting.kind === 'hybrid-consultation'
      ? `It takes place at ${meeting.venue ?? review.venue} and online.`
      : 'It takes place online.';
  const join = meeting.joinUrl ? { url: meeting.joinUrl, label: 'Join online' } : undefined;
  switch (milestone.kind) {
    case 'pre-consultation':
    case 'hybrid-consultation':
      return render(
        registrant.language,
        `Invitation: ${name}, ${title}`,
        [
          greeting,
          `You are invited to the ${name} of the ${title}, on ${when}.`,
          where,
          'Interpretation is offered in the UN languages of the region.',
        ],
        join,
      );
    case 'materials-publication':
      return render(
        registrant.language,
        `Materials published: ${name}, ${title}`,
        [greeting, `The materials for the ${name} of the ${title} (${when}) are now published.`],
        review.materialsUrl ? { url: review.materialsUrl, label: 'Read the materials' } : undefined,
      );
    case 'reminder':
      return render(
        registrant.language,
        `Reminder: ${name} ${milestone.daysBefore === 1 ? 'tomorrow' : `in ${milestone.daysBefore} days`}, ${title}`,
        [greeting, `A reminder: the ${name} of the ${title} takes place on ${when}.`, where],
        join,
      );
  }
}
