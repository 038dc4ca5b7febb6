import type { Translate } from '#i18n/translate';

/** Approve, or decline with a reason told to the registrant: the two decisions on a registration awaiting approval. */
export function ApprovalForms(props: { t: Translate; action: string; csrf: string }) {
  const { t, action, csrf } = props;
  return (
    <>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="action" value="approve" />
        <button type="submit">{t('console.action.approve')}</button>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="action" value="decline" />
        <label for="decline-reason">{t('console.declineRegistrationReason')}</label>
        <input type="text" id="decline-reason" name="reason" maxlength={500} />
        <button type="submit" class="danger">
          {t('console.action.decline')}
        </button>
      </form>
    </>
  );
}
