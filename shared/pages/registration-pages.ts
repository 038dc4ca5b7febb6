import { directionOf, escapeHtml } from '../domain/html';

/**
 * The pages a confirmation link leads to. Opening the link only shows a button: confirming is the button's POST,
 * so a mail scanner that follows links confirms nothing.
 */
function page(title: string, body: string, language = 'en'): string {
  return `<!doctype html>
<html lang="${language}" dir="${directionOf(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.2rem}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export function confirmFormPage(token: string): string {
  return page(
    'Confirm your registration',
    `<p>Press the button to confirm your registration for the stakeholder consultations.</p>
<form method="post" action="confirm">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Confirm my registration</button>
</form>`,
  );
}

export function confirmedPage(reviewTitle: string, alreadyConfirmed: boolean): string {
  return page(
    alreadyConfirmed ? 'Already confirmed' : 'Registration confirmed',
    `<p>${alreadyConfirmed ? 'Your registration was already confirmed' : 'Thank you: your registration is confirmed'} for the ${escapeHtml(reviewTitle)}. You will receive the invitations, materials and reminders by email.</p>`,
  );
}

export function invalidLinkPage(reason: 'malformed' | 'forged' | 'expired' | 'missing'): string {
  const why =
    reason === 'expired'
      ? 'This confirmation link has expired (links are valid for 48 hours).'
      : 'This confirmation link is not valid: it may have been copied incompletely.';
  return page(
    'This link cannot be used',
    `<p>${why}</p><p>Nothing was confirmed. Please register again to receive a new link.</p>`,
  );
}
