import * as z from 'zod';

/** Addresses are compared case-insensitively; the address as typed is kept for sending. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const CONTROL_CHARACTER = /\p{Cc}/u;
/** Control characters other than line breaks and tabs, which a free-text answer may hold. */
const CONTROL_CHARACTER_BUT_LINE_BREAKS = /[^\P{Cc}\n\r\t]/u;

/**
 * Text that ends up in mail headers, calendar invitations and pages as a single line (a name, a title, a venue):
 * no control characters, since CR/LF in a header would be header injection.
 */
export function oneLineText(max: number, emptyMessage?: string) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(max)
    .refine(
      (text) => !CONTROL_CHARACTER.test(text),
      'must not contain control characters such as line breaks',
    );
}

/** A free-text answer of several lines (accessibility needs): line breaks are kept, other controls refused. */
export function multiLineText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => !CONTROL_CHARACTER_BUT_LINE_BREAKS.test(text), 'must not contain control characters');
}
