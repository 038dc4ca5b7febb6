import { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './checks';
import { ConsultationsStack } from './consultations-stack';
import { stackName } from './stage';

const app = new App();
new ConsultationsStack(app, stackName(app), {
  description: "Consultation logistics for the UN Network on Migration's regional reviews",
});
addComplianceChecks(app, { controlTower: true });
app.synth();
