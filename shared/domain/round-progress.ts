/**
 * How far a round of emails the secretariat started (an upload's invitations, a reminder to invitees) has got:
 * waiting for its job, sending, done, or stalled: not finished long after the Scheduler stopped retrying its job
 * (four hours), when its event waits in the dead-letter queue for an operator.
 */
export type RoundProgress = 'waiting' | 'sending' | 'done' | 'stalled';

export const STALLED_AFTER_MS = 4 * 3_600_000 + 10 * 60_000;

export interface RoundRecord {
  createdAt: string;
  total: number;
  sent: number;
  failed: number;
  finishedAt?: string;
}

export function roundProgress(record: RoundRecord, now: Date): RoundProgress {
  if (record.total === 0 || record.finishedAt) return 'done';
  if (now.getTime() - Date.parse(record.createdAt) > STALLED_AFTER_MS) return 'stalled';
  return record.sent + record.failed === 0 ? 'waiting' : 'sending';
}

/** While a round waits or sends, its page keeps itself up to date. */
export const inProgress = (progress: RoundProgress) => progress === 'waiting' || progress === 'sending';
