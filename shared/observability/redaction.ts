/**
 * The last guard of "logs hold no personal data": services log ids and counts, never addresses, but an error's
 * message may quote what it refused. Every string a log line holds is passed through this first.
 */
// No slash after the @: no domain has one, and a stack trace's `node_modules/@middy/core/index.js` is no address.
const EMAIL_ADDRESS = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:/]+\.[^\s@"'<>(),;:/]+/g;

const REDACTED_EMAIL = '[email]';

export function withoutEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, REDACTED_EMAIL);
}

/** A `JSON.stringify` replacer that redacts every address in every string, keys excepted. */
export function redactingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? withoutEmailAddresses(value) : value;
}
