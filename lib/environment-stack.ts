import { Stack, StackProps } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { Construct } from 'constructs';
import { ServiceInstanceSpec } from './service-instance-spec';
import { ServiceTemplateBundle } from './service-template-bundle';
import { includeTakeoverTemplate, requireStackName } from './takeover-template';

/** Properties of an EnvironmentStack. */
export interface EnvironmentStackProps extends StackProps {
  /** The environment's name (`environment.name`). */
  readonly environmentName: string;

  /** The environment spec (`proton: EnvironmentSpec`): change an input here to deploy it. */
  readonly spec: ServiceInstanceSpec;

  /** The environment template version to render: the one Proton last deployed, or a newer one to move to. */
  readonly template: ServiceTemplateBundle;
}

/**
 * The CloudFormation stack Proton deployed for an environment, taken over by a CDK app: same stack name, and
 * as template the environment's template rendered as Proton rendered it, brought in with
 * cloudformation-include. `stackName` is required: it names the stack to take over. Run
 * `cdk-proton-instance takeover-check` before the first deploy.
 */
export class EnvironmentStack extends Stack {
  /** The included template: its resources, outputs, conditions by their logical ids. */
  public readonly template: CfnInclude;

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id, { analyticsReporting: false, ...props, stackName: requireStackName('EnvironmentStack', id, props.stackName) });
    this.template = includeTakeoverTemplate(this, {
      kind: 'EnvironmentStack',
      render: () => props.template.renderEnvironment({ environmentName: props.environmentName, spec: props.spec }),
    });
  }
}
