import { z } from 'zod';
import { ReviewId } from './review';

/** The six UN languages; the registrant's choice is the language of their emails. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Text that ends up in mail headers and pages: no control characters (CR/LF would be header injection). */
const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !/\p{Cc}/u.test(text), 'must not contain control characters such as line breaks');

/** `POST /registrations`: what a stakeholder submits. */
export const RegistrationInput = z
  .object({
    reviewId: ReviewId,
    email: z.email({ error: 'must be an email address such as name@example.org' }).max(254),
    name: PlainText(120),
    language: Language.default('en'),
  })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export type RegistrantStatus = 'pending' | 'confirmed';

export interface Registrant {
  reviewId: string;
  email: string;
  name: string;
  language: Language;
  status: RegistrantStatus;
  createdAt: string;
  confirmedAt?: string;
  /** Pending registrations lapse (DynamoDB TTL in AWS; filtered on read everywhere). Epoch seconds. */
  expiresAt?: number;
}
