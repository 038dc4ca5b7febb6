import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ControlTowerChecks } from './control-tower-checks';

export interface ComplianceOptions {
  /**
   * Also run the AWS Control Tower proactive controls (cfn-guard). `cdk synth` always does; tests ask for them
   * in one place only, since cfn-guard takes seconds per template.
   */
  controlTower: boolean;
}

/**
 * cdk-nag's AWS Solutions rules, and optionally Control Tower's proactive controls, run at synth; an
 * unacknowledged error stops it. Findings are acknowledged in code, next to the resource and with a reason
 * (`Validations.of(resource).acknowledge`), never by disabling a rule for the whole app.
 */
export function addComplianceChecks(app: App, options: ComplianceOptions): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  if (options.controlTower) Validations.of(app).addPlugins(new ControlTowerChecks());
}
