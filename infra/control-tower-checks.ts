import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
} from 'aws-cdk-lib';

/**
 * The AWS Control Tower proactive controls, as cfn-guard rules, with each finding marked an error. cfn-guard's
 * findings carry no severity, and once anything in the app is acknowledged, aws-cdk-lib (2.276) decides whether
 * a plugin passed from the severities of what is left: unmarked, a finding nobody acknowledged would pass.
 */
export class ControlTowerChecks implements IPolicyValidationPlugin {
  private readonly validator = new CfnGuardValidator();
  readonly name = this.validator.name;
  readonly version = this.validator.version;
  readonly ruleIds = this.validator.ruleIds;

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.validator.validate(context);
    return {
      ...report,
      violations: report.violations.map((violation) => ({
        ...violation,
        severity: violation.severity ?? 'error',
      })),
    };
  }
}
