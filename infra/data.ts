import { Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '#store/table-definition';
import type { ServiceFunction } from './service-function';
import type { Stage } from './stage';

const { partitionKey, sortKey, index, ttlAttribute } = TABLE_DEFINITION;

/** The single table, shaped as the store defines it; the item types within are laid out by `shared/store`. */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // On in dev too: a rehearsal's table is small, so it costs cents, and Control Tower asks for it.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: ttlAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      // Registrations and delivery records are the service's memory: prod never loses them to a stack mistake.
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: props.stage.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }

  /** Items and indexes (CDK's grant names `<table>/index/*`). */
  grantReadWrite(fn: ServiceFunction): void {
    this.table.grantReadWriteData(fn);
    const tableLogicalId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnTable);
    fn.acknowledgeWildcard(`<${tableLogicalId}.Arn>/index/*`, 'Queries the indexes of its own table only.');
  }
}
