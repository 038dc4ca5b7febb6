import { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './checks';
import { ConsultationsStack } from './consultations-stack';

const app = new App();
new ConsultationsStack(app, 'GcmConsultations', {
  description: "Consultation logistics for the UN Network on Migration's regional reviews",
});
addComplianceChecks(app);
app.synth();
