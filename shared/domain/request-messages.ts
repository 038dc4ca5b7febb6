import type { Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import type { MessageContent } from './messages';
import type { PlannedMeeting } from './plan';
import { type RequestKind, requestTitle, type StakeholderRequest } from './request';
import { meetingName, meetingWhen } from './wording';

type Requester = { kind: RequestKind; name: string; language: Language; title?: string; topic?: string };

const valuesOf = (request: Requester) => {
  const t = translator(request.language);
  return { kind: t(`request.kind.${request.kind}`), title: requestTitle(request) };
};

/** The request's one confirmation link: opened, it sends the request to the secretariat. */
export function requestConfirmationMessage(request: Requester, confirmUrl: string): MessageContent {
  const t = translator(request.language);
  const values = valuesOf(request);
  return {
    subject: t('email.requestConfirm.subject', values),
    language: request.language,
    paragraphs: [
      t('email.greeting', { name: request.name }),
      t('email.requestConfirm.body', values),
      t('email.ignore'),
    ],
    link: { url: confirmUrl, label: t('email.requestConfirm.link') },
  };
}

/**
 * The secretariat's notice of a confirmed request, in its working language, with every detail the requester gave
 * (one line each), so that it can be read and decided on from the email.
 */
export function requestReceivedMessage(request: StakeholderRequest, language: Language): MessageContent {
  const t = translator(language);
  const values = {
    ...valuesOf({ ...request, language }),
    name: request.name,
    email: request.email,
    requestId: request.requestId,
  };
  const { confirmNonce: _nonce, expiresAt: _expires, ...details } = request;
  return {
    subject: t('email.requestReceived.subject', values),
    language,
    paragraphs: [
      t('email.requestReceived.body', values),
      ...Object.entries(details).map(
        ([field, value]) => `${field}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      ),
    ],
  };
}

/** Accepted: the requester learns when it is held and where to register. */
export function requestAcceptedMessage(
  request: Requester,
  meeting: PlannedMeeting,
  registerUrl: string,
): MessageContent {
  const t = translator(request.language);
  const values = {
    ...valuesOf(request),
    meeting: meetingName(meeting, t),
    when: meetingWhen(meeting, request.language),
  };
  return {
    subject: t('email.requestAccepted.subject', values),
    language: request.language,
    paragraphs: [t('email.greeting', { name: request.name }), t('email.requestAccepted.body', values)],
    link: { url: registerUrl, label: t('email.requestAccepted.link') },
  };
}

/** Declined, with the secretariat's reason. */
export function requestDeclinedMessage(request: Requester, reason: string): MessageContent {
  const t = translator(request.language);
  const values = { ...valuesOf(request), reason };
  return {
    subject: t('email.requestDeclined.subject', values),
    language: request.language,
    paragraphs: [t('email.greeting', { name: request.name }), t('email.requestDeclined.body', values)],
  };
}
