import type { Template } from 'aws-cdk-lib/assertions';

type Json = Record<string, unknown>;

export interface Statement {
  effect: string;
  actions: string[];
  resources: string[];
  condition: unknown;
}

/** Renders CloudFormation intrinsics the way cdk-nag does (`<Logical.Arn>`), so ARNs compare as strings. */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = value as Json;
  if ('Ref' in json) return `<${json.Ref}>`;
  if ('Fn::GetAtt' in json) return `<${(json['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in json) {
    const [separator, parts] = json['Fn::Join'] as [string, unknown[]];
    return parts.map(render).join(separator);
  }
  throw new Error(`Cannot render ${JSON.stringify(value)}`);
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The one resource of `type` whose logical id starts with the construct id given in the stack. */
export function resourceNamed(
  template: Template,
  type: string,
  constructId: string,
): { id: string; props: Json } {
  const matches = Object.entries(template.findResources(type)).filter(([id]) =>
    new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id),
  );
  if (matches.length !== 1)
    throw new Error(`Expected one ${type} named ${constructId}, found ${matches.length}`);
  const [id, resource] = matches[0] as [string, Json];
  return { id, props: resource.Properties as Json };
}

export function functionNamed(template: Template, constructId: string): { id: string; props: Json } {
  return resourceNamed(template, 'AWS::Lambda::Function', constructId);
}

/** Every statement granted to a role, from the policies attached to it and its inline policies. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const attached = Object.values(template.findResources('AWS::IAM::Policy'))
    .map((policy) => policy.Properties as Json)
    .filter((props) => (props.Roles as Json[]).some((role) => role.Ref === roleId))
    .map((props) => props.PolicyDocument as Json);
  const role = template.findResources('AWS::IAM::Role')[roleId]?.Properties as Json | undefined;
  if (!role) throw new Error(`No role ${roleId}`);
  const inline = ((role.Policies ?? []) as Json[]).map((policy) => policy.PolicyDocument as Json);
  return [...attached, ...inline].flatMap((document) =>
    (document.Statement as Json[]).map((statement) => ({
      effect: statement.Effect as string,
      actions: asArray(statement.Action as string | string[]),
      resources: asArray(statement.Resource).map(render),
      condition: statement.Condition,
    })),
  );
}

export function statementsOfFunction(template: Template, constructId: string): Statement[] {
  const { props } = functionNamed(template, constructId);
  const roleId = (props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return statementsOfRole(template, roleId);
}

export const actionsOf = (statements: Statement[]): string[] => statements.flatMap((s) => s.actions);
