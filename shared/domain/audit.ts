/**
 * The audit log: every change the secretariat or a focal point makes, who made it, when, through which route,
 * and each changed field as it was before and after. Entries are only ever added.
 */
export interface AuditEntry {
  at: string;
  actor: { subject: string; email?: string };
  /** The route that made the change, as API Gateway names it: `PUT /admin/reviews/{reviewId}`. */
  action: string;
  /** What the change was about. */
  target: {
    reviewId?: string;
    requestId?: string;
    contributionId?: string;
    meetingId?: string;
    email?: string;
  };
  /** The changed fields, as they were; absent when the record did not exist. */
  before?: Record<string, unknown>;
  /** The changed fields, as they are now. */
  after?: Record<string, unknown>;
}

/** Fields that change with every write and say nothing of what was changed. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'calendar']);

/** The top-level fields that differ between two states of a record, each side with its own values. */
export function changesBetween(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): Pick<AuditEntry, 'before' | 'after'> {
  if (!before && !after) return {};
  if (!before) return { after: withoutBookkeeping(after ?? {}) };
  if (!after) return { before: withoutBookkeeping(before) };
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (name) => !BOOKKEEPING.has(name) && JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
  const pick = (record: Record<string, unknown>) =>
    Object.fromEntries(
      names.filter((name) => record[name] !== undefined).map((name) => [name, record[name]]),
    );
  return { before: pick(before), after: pick(after) };
}

const withoutBookkeeping = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([name]) => !BOOKKEEPING.has(name)));
