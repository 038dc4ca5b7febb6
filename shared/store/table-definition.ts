/** The single table's key attributes and index, read by the CDK stack and by the local runtime's table setup. */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  index: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Epoch seconds; DynamoDB removes lapsed pending registrations (reads filter them out before that). */
  ttlAttribute: 'expiresAt',
} as const;
