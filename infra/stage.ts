import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/**
 * What a stage does with its data when the stack goes: prod keeps it (and guards it from deletion), dev is a
 * rehearsal that a `cdk destroy` clears away.
 */
export interface Stage {
  name: StageName;
  /** For the table, the user pool, the log groups and their key, the token secret. */
  removalPolicy: RemovalPolicy;
  /** Deletion protection on the table and the user pool. */
  deletionProtection: boolean;
}

/** `-c stage=dev|prod`; dev unless told. */
export function readStage(scope: Construct): Stage {
  const value: unknown = scope.node.tryGetContext('stage') ?? 'dev';
  if (!STAGES.includes(value as StageName))
    throw new Error(`Context stage must be one of ${STAGES.join(', ')}, got "${String(value)}"`);
  const name = value as StageName;
  return name === 'prod'
    ? { name, removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true }
    : { name, removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false };
}

/** The stack's name: `GcmConsultations-<stage>` unless context `stackName` says otherwise. */
export function stackName(scope: Construct): string {
  const name: unknown = scope.node.tryGetContext('stackName');
  return typeof name === 'string' && name !== '' ? name : `GcmConsultations-${readStage(scope).name}`;
}
