import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function';

/** The single table; keys are generic because the item types are laid out by `shared/store`. */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expiresAt',
      encryption: TableEncryption.AWS_MANAGED,
      // Registrations and delivery records are the service's memory: never lose them to a stack mistake.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }

  /** Items and indexes (CDK's grant names `<table>/index/*`; gsi1 is the only index). */
  grantReadWrite(fn: ServiceFunction): void {
    this.table.grantReadWriteData(fn);
    const tableLogicalId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnTable);
    fn.acknowledgeWildcard(`<${tableLogicalId}.Arn>/index/*`, 'Queries the indexes of its own table only.');
  }
}
