import { conjunction, type Language, nativeName } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { CalendarInvite } from './calendar';
import type { Milestone, PlannedMeeting } from './plan';
import { type AttendanceMode, inPersonAt } from './registrant';
import type { Review } from './review';
import { meetingName, meetingWhen, reviewTitle } from './wording';

/**
 * An email's words in one language, free of markup: its subject, its paragraphs, the one link it may lead to, and
 * what travels with it: the registration's manage link, where to stop reminders and notices, and a calendar
 * invitation. `renderMessage` (shared/mail/render-message.ts) turns it into plain text, HTML and headers.
 */
export interface MessageContent {
  subject: string;
  language: Language;
  paragraphs: string[];
  link?: { url: string; label: string };
  manageUrl?: string;
  unsubscribe?: Unsubscribe;
  calendarInvite?: CalendarInvite;
}

/** Where a reader can stop the service's reminders and notices (RFC 8058 one-click, and a mailto). */
export interface Unsubscribe {
  url: string;
  mailto: string;
}

/** The links under every email's signature line, labelled in its language. */
export function footerLinks(content: MessageContent): { url: string; label: string }[] {
  const t = translator(content.language);
  return [
    ...(content.manageUrl ? [{ url: content.manageUrl, label: t('email.manage') }] : []),
    ...(content.unsubscribe ? [{ url: content.unsubscribe.url, label: t('email.unsubscribe') }] : []),
  ];
}

type Reader = { name: string; language: Language };

export function confirmationMessage(review: Review, reader: Reader, confirmUrl: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.confirm.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.confirm.body', { review: title }),
      t('email.ignore'),
    ],
    link: { url: confirmUrl, label: t('email.confirm.link') },
  };
}

export function registrationConfirmedMessage(
  review: Review,
  reader: Reader,
  seating: { meeting?: PlannedMeeting; seat?: 'seat' | 'waitlisted'; position?: number },
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  const meeting = seating.meeting ? meetingName(seating.meeting, t) : '';
  const seat =
    seating.seat === 'seat'
      ? [t('email.confirmed.seat', { meeting })]
      : seating.seat === 'waitlisted'
        ? [t('email.confirmed.waitlisted', { meeting, position: seating.position ?? 0 })]
        : [];
  return {
    subject: t('email.confirmed.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.confirmed.body', { review: title }),
      ...seat,
    ],
    manageUrl,
  };
}

export function knownAddressMessage(review: Review, reader: Reader, manageUrl: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.known.subject', { review: title }),
    language: reader.language,
    paragraphs: [t('email.greeting', { name: reader.name }), t('email.known.body', { review: title })],
    link: { url: manageUrl, label: t('email.known.link') },
  };
}

export function changedMessage(
  review: Review,
  reader: Reader & { attendanceMode: AttendanceMode },
  meetings: PlannedMeeting[],
  manageUrl: string,
  /** The cancellation of meetings dropped from the registration that the reader's calendar holds. */
  calendarInvite?: CalendarInvite,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  const list = conjunction(reader.language);
  return {
    subject: t('email.changed.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.changed.body', {
        review: title,
        meetings: list.format(
          meetings.map((m) => `${meetingName(m, t)} (${meetingWhen(m, reader.language)})`),
        ),
        attendance: t(`attendance.${reader.attendanceMode}`),
        language: nativeName(reader.language),
      }),
    ],
    manageUrl,
    calendarInvite,
  };
}

/** `calendarInvite`: the cancellation of the meetings their calendar holds, when it holds any. */
export function cancelledMessage(
  review: Review,
  reader: Reader,
  registerUrl: string,
  calendarInvite?: CalendarInvite,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.cancelled.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.cancelled.body', { review: title, url: registerUrl }),
    ],
    calendarInvite,
  };
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
  return {
    subject: t('email.waitlisted.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.waitlisted.body', { review: title, meeting: meetingName(meeting, t), position }),
    ],
    manageUrl,
  };
}

export function promotedMessage(
  review: Review,
  reader: Reader,
  meeting: PlannedMeeting,
  manageUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.promoted.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.promoted.body', { review: title, meeting: meetingName(meeting, t) }),
      meetingWhen(meeting, reader.language),
    ],
    manageUrl,
  };
}

/**
 * An invitation to register, or (`reminder`) the same again to an invitee who has not registered yet: the personal
 * link that opens the form filled in, and the way out of further invitations.
 */
export function invitationToRegisterMessage(
  review: Review,
  reader: Reader,
  registerUrl: string,
  unsubscribe: Unsubscribe,
  reminder = false,
): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  const kind = reminder ? 'invitationReminder' : 'invitation';
  return {
    subject: t(`email.${kind}.subject`, { review: title }),
    language: reader.language,
    paragraphs: [t('email.greeting', { name: reader.name }), t(`email.${kind}.body`, { review: title })],
    link: { url: registerUrl, label: t('email.invitation.link') },
    unsubscribe,
  };
}

type Attendee = Reader & { attendanceMode: AttendanceMode };

/** The names and the time every message about a meeting fills in. */
function meetingValues(
  review: Review,
  meeting: Pick<PlannedMeeting, 'kind' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'date'>,
  language: Language,
) {
  const t = translator(language);
  return {
    review: reviewTitle(review, t),
    meeting: meetingName(meeting, t),
    when: meetingWhen(meeting, language),
  };
}

/**
 * How this registrant joins: the venue for those who come in person, the online link for the others; the
 * meeting's interpretation, and whom to ask.
 */
function joiningDetails(meeting: PlannedMeeting, reader: Attendee) {
  const t = translator(reader.language);
  const inPerson = inPersonAt(reader, meeting);
  const list = conjunction(reader.language);
  const paragraphs = [
    !inPerson
      ? t('email.milestone.attendOnline')
      : meeting.venue
        ? t('email.milestone.attendInPerson', { venue: meeting.venue })
        : t('email.milestone.attendInPersonVenueToCome'),
    t('email.milestone.interpretationIn', {
      languages: list.format(meeting.interpretationLanguages.map((l) => nativeName(l))),
    }),
    ...(meeting.contact ? [t('email.milestone.contact', { contact: meeting.contact })] : []),
  ];
  const link =
    !inPerson && meeting.joinUrl ? { url: meeting.joinUrl, label: t('email.milestone.join') } : undefined;
  return { paragraphs, link };
}

/**
 * A document published in several languages: the reader's own language's link, and a paragraph listing the
 * others ("In other languages: Français: https://…").
 */
export function inLanguages(links: Partial<Record<Language, string>>, language: Language) {
  const others = Object.entries(links)
    .filter(([other]) => other !== language)
    .map(([other, url]) => `${nativeName(other as Language)}: ${url}`);
  return {
    own: links[language],
    others: (t: Translate) =>
      others.length > 0 ? [t('email.milestone.materials.other', { links: others.join(' · ') })] : [],
  };
}

export interface MilestoneLinks {
  manageUrl: string;
  unsubscribe: Unsubscribe;
  /** The invitation's calendar object, for the invitation milestone. */
  calendarInvite?: CalendarInvite;
}

export function milestoneMessage(
  review: Review,
  meeting: PlannedMeeting,
  milestone: Milestone,
  reader: Attendee,
  links: MilestoneLinks,
): MessageContent {
  const t = translator(reader.language);
  const values = meetingValues(review, meeting, reader.language);
  const greeting = t('email.greeting', { name: reader.name });
  const joining = joiningDetails(meeting, reader);
  switch (milestone.kind) {
    case 'materials-publication': {
      const { own, others } = inLanguages(review.materials ?? {}, reader.language);
      const url = own ?? review.materialsUrl;
      return {
        subject: t('email.milestone.materials.subject', values),
        language: reader.language,
        paragraphs: [greeting, t('email.milestone.materials.body', values), ...others(t)],
        link: url ? { url, label: t('email.milestone.materials.link') } : undefined,
        manageUrl: links.manageUrl,
        unsubscribe: links.unsubscribe,
      };
    }
    case 'reminder':
      return {
        subject: t('email.milestone.reminder.subject', { ...values, days: milestone.daysBefore ?? 0 }),
        language: reader.language,
        paragraphs: [greeting, t('email.milestone.reminder.body', values), ...joining.paragraphs],
        link: joining.link,
        manageUrl: links.manageUrl,
        unsubscribe: links.unsubscribe,
      };
    default:
      // The invitation, whose kind is the meeting's own.
      return {
        subject: t('email.milestone.invitation.subject', values),
        language: reader.language,
        paragraphs: [
          greeting,
          t('email.milestone.invitation.body', values),
          ...joining.paragraphs,
          t('email.milestone.calendar'),
        ],
        link: joining.link,
        manageUrl: links.manageUrl,
        calendarInvite: links.calendarInvite,
      };
  }
}

/** A confirmed meeting moved: one email, with the calendar update. */
export function dateChangedMessage(
  review: Review,
  meeting: PlannedMeeting,
  reader: Attendee,
  manageUrl: string,
  calendarInvite: CalendarInvite,
): MessageContent {
  const t = translator(reader.language);
  const values = meetingValues(review, meeting, reader.language);
  const joining = joiningDetails(meeting, reader);
  return {
    subject: t('email.dateChanged.subject', values),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.dateChanged.body', values),
      ...joining.paragraphs,
    ],
    link: joining.link,
    manageUrl,
    calendarInvite,
  };
}

/** A meeting the registrant held an invitation for is cancelled (or has no date any more, or its review is). */
export function meetingCancelledMessage(
  review: Review,
  meeting: Pick<PlannedMeeting, 'kind' | 'title' | 'timeZone'>,
  held: { startsAt: string; durationMinutes: number },
  reader: Reader,
  manageUrl: string | undefined,
  calendarInvite: CalendarInvite,
): MessageContent {
  const t = translator(reader.language);
  const values = meetingValues(
    review,
    {
      ...meeting,
      startsAt: held.startsAt,
      endsAt: new Date(Date.parse(held.startsAt) + held.durationMinutes * 60_000).toISOString(),
      date: null,
    },
    reader.language,
  );
  return {
    subject: t('email.meetingCancelled.subject', values),
    language: reader.language,
    paragraphs: [t('email.greeting', { name: reader.name }), t('email.meetingCancelled.body', values)],
    manageUrl,
    calendarInvite,
  };
}

/** A contribution's one confirmation link: opened, it sends the contribution to the secretariat. */
export function contributionConfirmationMessage(
  review: Review,
  reader: Reader,
  title: string,
  confirmUrl: string,
): MessageContent {
  const t = translator(reader.language);
  const values = { review: reviewTitle(review, t), title };
  return {
    subject: t('email.contributionConfirm.subject', values),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.contributionConfirm.body', values),
      t('email.ignore'),
    ],
    link: { url: confirmUrl, label: t('email.contributionConfirm.link') },
  };
}

/** The secretariat's decision on a contribution, told to its sender in their language. */
export function contributionDecisionMessage(
  review: Review,
  reader: Reader,
  title: string,
  decision: { decision: 'accept' } | { decision: 'reject'; reason: string },
): MessageContent {
  const t = translator(reader.language);
  const values = { review: reviewTitle(review, t), title };
  const accepted = decision.decision === 'accept';
  return {
    subject: t(
      accepted ? 'email.contributionAccepted.subject' : 'email.contributionRejected.subject',
      values,
    ),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      accepted
        ? t('email.contributionAccepted.body', values)
        : t('email.contributionRejected.body', { ...values, reason: decision.reason }),
    ],
  };
}

/** The address is confirmed, and the secretariat approves this review's registrations: it will write again. */
export function awaitingApprovalMessage(review: Review, reader: Reader): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.awaitingApproval.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.awaitingApproval.body', { review: title }),
    ],
  };
}

/** The secretariat declined the registration, with its reason when it gave one. */
export function registrationDeclinedMessage(review: Review, reader: Reader, reason?: string): MessageContent {
  const t = translator(reader.language);
  const title = reviewTitle(review, t);
  return {
    subject: t('email.declined.subject', { review: title }),
    language: reader.language,
    paragraphs: [
      t('email.greeting', { name: reader.name }),
      t('email.declined.body', { review: title }),
      ...(reason ? [t('email.declined.reason', { reason })] : []),
    ],
  };
}
