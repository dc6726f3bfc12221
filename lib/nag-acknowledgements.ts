import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { IConstruct } from 'constructs';

/**
 * cdk-nag (AwsSolutions) findings the provider keeps on purpose, acknowledged where they arise so an app
 * that runs cdk-nag sees none from this construct. Each names the exact finding and why it stays.
 */
export function acknowledgeProviderFindings(provider: cr.Provider, frameworkRoles: IConstruct[]): void {
  const userFunctions = [provider.onEventHandler, provider.isCompleteHandler].filter((fn): fn is lambda.IFunction => fn !== undefined);
  for (const role of frameworkRoles) {
    for (const fn of userFunctions) acknowledgeInvoke(role, fn);
  }
  // Only a provider with an isComplete handler has a waiter.
  const waiter = provider.node.tryFindChild('waiter-state-machine');
  if (waiter === undefined) return;
  for (const id of ['framework-isComplete', 'framework-onTimeout']) {
    acknowledgeInvoke(waiter, provider.node.findChild(id) as lambda.IFunction);
  }
  acknowledge(waiter, 'AwsSolutions-SF1',
    'Execution-history logging is off on purpose: the waiter\'s input is the whole CloudFormation request, whose ResourceProperties ' +
    'carry the service spec (sensitive in Proton\'s API model: tokens, connection strings); logging ALL events would copy it into ' +
    'CloudWatch Logs at every poll. The handler functions log each decision instead, without the spec.');
  acknowledge(waiter, 'AwsSolutions-SF2',
    'The Provider framework offers no tracing setting; the waiter only retries one Lambda call, whose timing the function logs ' +
    'show, and X-Ray through an override would add xray:Put* permissions on "*" for no further insight.');
}

/** grantInvoke's "<function ARN>:*" names the versions and aliases of that one function, no other function. */
function acknowledgeInvoke(scope: IConstruct, fn: lambda.IFunction): void {
  acknowledge(scope, wildcardResource(scope, `${fn.functionArn}:*`),
    'lambda:InvokeFunction on one function of this provider and its versions and aliases (the ":*" that aws-cdk-lib\'s ' +
    'grantInvoke adds); no other function');
}

/** Acknowledges ListComponents on "*": IAM defines no resource type for it. */
export function acknowledgeListComponents(role: IConstruct): void {
  acknowledge(role, 'AwsSolutions-IAM5[Resource::*]',
    'proton:ListComponents has no resource type in IAM, so "*" is the only grant possible; the handler calls it only with its ' +
    'own service and instance name as filters, and the role has no other action on "*"');
}

/** Acknowledges the template read on every service template of the account and region. */
export function acknowledgeAnyTemplate(role: IConstruct, templateArn: string): void {
  acknowledge(role, wildcardResource(role, templateArn),
    'proton:ListServiceTemplateVersions and GetServiceTemplateVersion (read-only: a template\'s versions and their schemas) on the service templates of this account and ' +
    'region only, because the template is Proton\'s to know; declare templateName to scope it to one template');
}

/** Acknowledges DescribeStacks on "stack/<name>/*": a stack's ARN ends in an id its name does not tell. */
export function acknowledgeStackRead(role: IConstruct, stackArn: string): void {
  acknowledge(role, wildcardResource(role, stackArn),
    'cloudformation:DescribeStacks (read-only) on one stack, named; the "/*" stands for the unique id CloudFormation ' +
    'appends to the ARN of a stack of that name, which is not known before deploy time');
}

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  cdk.Validations.of(scope).acknowledge({ id, reason });
}

/** The id cdk-nag gives a wildcard resource: references rendered as <LogicalId.Attr> and <AWS::Pseudo>. */
function wildcardResource(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(cdk.Stack.of(scope).resolve(resource))}]`;
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: string[]; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref !== undefined) return `<${v.Ref}>`;
  if (v['Fn::GetAtt'] !== undefined) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (v['Fn::Join'] !== undefined) return v['Fn::Join'][1].map(flatten).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}
