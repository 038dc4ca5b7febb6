/** The CloudWatch namespace of the service's own metrics; each function publishes with the dimension `service`. */
export const BUSINESS_NAMESPACE = 'GcmConsultations';

/**
 * What the service did, as an operator counts it: the dashboard graphs these, the functions publish them.
 * `RoundDurationMs` is from a round's first invocation to its last email, published when the round is done.
 */
export const BUSINESS_METRICS = {
  Registrations: 'Count',
  Confirmations: 'Count',
  EmailsSent: 'Count',
  Bounces: 'Count',
  Complaints: 'Count',
  StaleFirings: 'Count',
  RoundDurationMs: 'Milliseconds',
} as const;

export type BusinessMetric = keyof typeof BUSINESS_METRICS;
