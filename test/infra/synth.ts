import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll } from 'vitest';
import { addComplianceChecks } from '#infra/checks';
import { ConsultationsStack } from '#infra/consultations-stack';
import { stackName } from '#infra/stage';

export interface Synthesized {
  template: Template;
  /** For its annotations (`Annotations.fromStack`). */
  stack: Stack;
  /** The cloud assembly folder; gone after dispose(). */
  outdir: string;
  dispose(): void;
}

export interface SynthesizeOptions {
  context?: Record<string, unknown>;
  /** Runs esbuild for the functions (seconds). */
  bundling?: boolean;
  /** Changes the stack before synthesis, e.g. to add a non-compliant resource. */
  amend?: (stack: Stack) => void;
  /** Runs the Control Tower controls too (cfn-guard: seconds more), as `cdk synth` does. */
  controlTower?: boolean;
}

/**
 * Builds the app as `infra/app.ts` does, cdk-nag included (an unacknowledged finding throws here), in a temporary
 * folder. Bundling and the Control Tower controls are off unless asked for: each takes seconds and is checked in
 * its own test.
 */
export function synthesize(options: SynthesizeOptions = {}): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-infra-test-'));
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({
      outdir,
      // aws-cdk-lib's CloudFormation schema validation takes 4 s per app; `cdk synth` runs it.
      builtinCloudFormationValidation: false,
      context: { ...(options.bundling ? {} : { 'aws:cdk:bundling-stacks': [] }), ...options.context },
    });
    const stack = new ConsultationsStack(app, stackName(app));
    options.amend?.(stack);
    addComplianceChecks(app, { controlTower: options.controlTower ?? false });
    return { template: Template.fromStack(stack), stack, outdir, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** Synthesizes the stack once for the calling test file, hands over its template, and cleans up after the file. */
export function withSynthesizedTemplate(use: (template: Template) => void): void {
  let synthesized: Synthesized | undefined;
  beforeAll(() => {
    synthesized = synthesize();
    use(synthesized.template);
  });
  afterAll(() => synthesized?.dispose());
}
