/**
 * How far a round of emails the secretariat started (an upload's invitations, a reminder to invitees) has got:
 * waiting for its job, checking an upload's rows, sending, done, or stalled: not finished long after the
 * Scheduler stopped retrying its job (four hours), when its event waits in the dead-letter queue for an operator.
 */
export type RoundProgress = 'waiting' | 'checking' | 'sending' | 'done' | 'stalled';

export const STALLED_AFTER_MS = 4 * 3_600_000 + 10 * 60_000;

export interface RoundRecord {
  createdAt: string;
  total: number;
  sent: number;
  failed: number;
  finishedAt?: string;
  /** An upload's rows, checked in the background before anything is sent: `total` is known once all are. */
  rows?: number;
  processed?: number;
}

export function roundProgress(record: RoundRecord, now: Date): RoundProgress {
  const checking = record.rows !== undefined && (record.processed ?? 0) < record.rows;
  if (record.finishedAt || (!checking && record.total === 0)) return 'done';
  if (now.getTime() - Date.parse(record.createdAt) > STALLED_AFTER_MS) return 'stalled';
  if (checking) return record.processed ? 'checking' : 'waiting';
  return record.sent + record.failed === 0 ? 'waiting' : 'sending';
}

/** While a round waits, checks or sends, its page keeps itself up to date. */
export const inProgress = (progress: RoundProgress) =>
  progress === 'waiting' || progress === 'checking' || progress === 'sending';
