import type { Contact } from '#domain/contacts';
import type { Unsubscribe } from '#domain/messages';
import {
  epochSeconds,
  INVITATION_TOKEN_TTL_SECONDS,
  issueToken,
  MANAGE_TOKEN_TTL_SECONDS,
  UNSUBSCRIBE_TOKEN_TTL_SECONDS,
} from '#domain/tokens';
import type { Dependencies } from './dependencies';

/** The signed links that emails carry. */
export interface Links {
  manage(registrant: { reviewId: string; email: string }): string;
  register(reviewId: string): string;
  /** A personal link that opens the form filled in with the invited contact's details. */
  invitation(reviewId: string, contact: Contact): string;
  /** Where to stop the review's reminders and notices: a one-click link (RFC 8058) and a mailto. */
  unsubscribe(reviewId: string, email: string): Unsubscribe;
  /** The confirmation link of a pending registration: its nonce makes it single use. */
  confirm(
    registrant: { reviewId: string; email: string; language: string },
    nonce: string,
    exp: number,
  ): string;
  /** The confirmation link of a pending briefing request or GCM Talk proposal, single use as well. */
  confirmRequest(
    request: { requestId: string; email: string; language: string },
    nonce: string,
    exp: number,
  ): string;
  /** The confirmation link of a pending contribution, single use as well. */
  confirmContribution(
    contribution: { reviewId: string; contributionId: string; email: string; language: string },
    nonce: string,
    exp: number,
  ): string;
}

/** Links in emails point at the public pages, wherever they are deployed. */
export function publicUrl(
  site: Dependencies['site'],
  path: string,
  query: Record<string, string> = {},
): string {
  const url = new URL(path, `${site.publicBaseUrl.replace(/\/+$/, '')}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** The links of emails written at `now`, signed with `signingKey`. */
export function linksFor(site: Dependencies['site'], now: Date, signingKey: string): Links {
  const expiresIn = (seconds: number) => epochSeconds(now) + seconds;
  return {
    manage: ({ reviewId, email }) =>
      publicUrl(site, 'manage', {
        token: issueToken(
          { purpose: 'manage-registration', reviewId, email, exp: expiresIn(MANAGE_TOKEN_TTL_SECONDS) },
          signingKey,
        ),
      }),
    register: (reviewId) => publicUrl(site, `register/${reviewId}`),
    unsubscribe: (reviewId, email) => ({
      url: publicUrl(site, 'unsubscribe', {
        token: issueToken(
          { purpose: 'unsubscribe', reviewId, email, exp: expiresIn(UNSUBSCRIBE_TOKEN_TTL_SECONDS) },
          signingKey,
        ),
      }),
      mailto: `mailto:${site.mailFrom}?subject=${encodeURIComponent(`unsubscribe ${reviewId}`)}`,
    }),
    invitation: (reviewId, contact) =>
      publicUrl(site, `register/${reviewId}`, {
        lang: contact.language,
        invitation: issueToken(
          {
            purpose: 'invitation',
            reviewId,
            email: contact.email,
            name: contact.name,
            organisation: contact.organisation,
            language: contact.language,
            exp: expiresIn(INVITATION_TOKEN_TTL_SECONDS),
          },
          signingKey,
        ),
      }),
    confirmContribution: ({ reviewId, contributionId, email, language }, nonce, exp) =>
      publicUrl(site, 'contributions/confirm', {
        token: issueToken(
          { purpose: 'confirm-contribution', reviewId, contributionId, email, nonce, exp },
          signingKey,
        ),
        lang: language,
      }),
    confirmRequest: ({ requestId, email, language }, nonce, exp) =>
      publicUrl(site, 'requests/confirm', {
        token: issueToken(
          { purpose: 'confirm-request', reviewId: '', requestId, email, nonce, exp },
          signingKey,
        ),
        lang: language,
      }),
    confirm: ({ reviewId, email, language }, nonce, exp) =>
      publicUrl(site, 'confirm', {
        token: issueToken({ purpose: 'confirm-registration', reviewId, email, nonce, exp }, signingKey),
        lang: language,
      }),
  };
}

/** The links of emails written now, signed with the service's key. */
export async function currentLinks(deps: Pick<Dependencies, 'site' | 'clock' | 'signingKey'>) {
  return linksFor(deps.site, deps.clock.now(), await deps.signingKey());
}
