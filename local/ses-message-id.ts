import { randomUUID } from 'node:crypto';

/**
 * A message id shaped as SES's own: the sending time in milliseconds as 16 hex digits, a random UUID, `-000000`.
 * SES events find their delivery record by the message id, so ids must not repeat: the emulator's own are 9 random
 * digits, which a round of 10,000 recipients repeats about one run in 18.
 */
export const sesMessageId = (): string =>
  `${Date.now().toString(16).padStart(16, '0')}-${randomUUID()}-000000`;
