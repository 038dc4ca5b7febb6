import type { RequestDecision, StakeholderRequest } from '#domain/request';
import { REQUESTS_PARTITION, requestKey } from './keys';
import { type PageRequest, queryPage, queryPages } from './pages';
import { isLive } from './pending';
import { submissionItems } from './submissions';
import type { Table } from './table';

/** Briefing requests and GCM Talk proposals: pending, received, then accepted or declined. */
export function requestStore(table: Table) {
  const items = submissionItems<StakeholderRequest>(table);
  return {
    recordPending: (request: StakeholderRequest) =>
      items.recordPending(requestKey(request.requestId), request),

    get: (requestId: string, now: Date) => items.get(requestKey(requestId), now),

    confirm: (requestId: string, nonce: string, now: Date) =>
      items.confirm(requestKey(requestId), nonce, now),

    /**
     * Records the secretariat's decision on a received request; false when there is none to decide on. A request
     * accepted stays accepted (its record exists); declining may be reconsidered.
     */
    decide(
      requestId: string,
      decision: { decision: 'accept'; reviewId: string } | Extract<RequestDecision, { decision: 'decline' }>,
      now: Date,
    ) {
      const accepted = decision.decision === 'accept';
      return items.decide(
        requestKey(requestId),
        ['received', 'declined'],
        accepted ? 'accepted' : 'declined',
        accepted
          ? { decidedAt: now.toISOString(), reviewId: decision.reviewId }
          : { decidedAt: now.toISOString(), declineReason: decision.reason },
        accepted ? ['declineReason'] : [],
      );
    },

    /** One page of the live requests `keep` lets through, newest first. */
    page(now: Date, request: PageRequest, keep: (request: StakeholderRequest) => boolean) {
      return queryPage(
        table,
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': REQUESTS_PARTITION },
          ScanIndexForward: false,
        },
        (item) => {
          const kept = isLive(item, now) ? items.strip(item) : undefined;
          return kept && keep(kept) ? kept : undefined;
        },
        request,
      );
    },

    /** Every live request, oldest first. */
    async list(now: Date): Promise<StakeholderRequest[]> {
      const all: StakeholderRequest[] = [];
      const pages = queryPages(
        table,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': REQUESTS_PARTITION } },
        (item) => (isLive(item, now) ? items.strip(item) : undefined),
      );
      for await (const page of pages) all.push(...page.items);
      return all;
    },
  };
}
