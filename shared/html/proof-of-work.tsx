import type { Challenge } from 'altcha-lib';
import type { Translate } from '#i18n/translate';

/**
 * What a form carries once its network has sent many in an hour: the challenge, a hidden field the service's
 * script fills with the answer, a status line read out when it changes, and, without scripts, what to do instead.
 * `submit` is the label of the form's button, which the status line tells the person to press again.
 */
export function ProofOfWork({
  t,
  challenge,
  submit,
}: {
  t: Translate;
  challenge?: Challenge;
  submit: string;
}) {
  if (!challenge) return null;
  return (
    <div class="notice">
      <input type="hidden" id="proof" name="proof" />
      <p
        id="proof-status"
        role="status"
        data-challenge={JSON.stringify(challenge)}
        data-done={t('proof.done', { button: submit })}
      >
        {t('proof.working', { button: submit })}
      </p>
      <noscript>
        <p>{t('proof.noScript')}</p>
      </noscript>
      <script src="/proof-of-work.js" defer />
    </div>
  );
}
