import { Stack, StackProps } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { Construct } from 'constructs';
import { EnvironmentOutputs } from './environment-outputs';
import { ServiceInstanceSpec } from './service-instance-spec';
import { ServiceTemplateBundle } from './service-template-bundle';
import { includeTakeoverTemplate, requireStackName } from './takeover-template';

/** Properties of a ServiceInstanceStack. */
export interface ServiceInstanceStackProps extends StackProps {
  /** The Proton service the instance belonged to (`service.name`). */
  readonly serviceName: string;

  /** The instance (`service_instance.name`): the spec's `instances` entry of this name gives its inputs and environment. */
  readonly instanceName: string;

  /** The service spec (`proton: ServiceSpec`): change an input here to deploy it. */
  readonly spec: ServiceInstanceSpec;

  /** The template version to render: the one Proton last deployed, or a newer one to move to. */
  readonly template: ServiceTemplateBundle;

  /**
   * The outputs of the instance's environment (`environment.outputs.<name>`): `EnvironmentOutputs.fromStack`
   * with the environment's stack, read at deploy time, or `fromObject`.
   *
   * @default - none: every `environment.outputs.<name>` renders as Jinja renders an undefined value
   */
  readonly environmentOutputs?: EnvironmentOutputs;

  /**
   * The outputs of the components attached to the instance, by slot (`default` for a directly defined
   * component): `service_instance.components.<slot>.outputs.<name>`.
   *
   * @default - no component attached: a component's outputs render as `{}`
   */
  readonly componentOutputs?: { [slot: string]: EnvironmentOutputs };

  /**
   * The names of the attached components, by slot (`service_instance.components.<slot>.name`).
   *
   * @default - undefined in the template
   */
  readonly componentNames?: { [slot: string]: string };

  /**
   * The account the environment is deployed in (`environment.account_id`).
   *
   * @default - undefined in the template
   */
  readonly environmentAccountId?: string;

  /**
   * The service's source repository, `owner/name` (`service.repository_id`).
   *
   * @default - undefined in the template
   */
  readonly repositoryId?: string;

  /**
   * The connection to that repository (`service.repository_connection_arn`).
   *
   * @default - undefined in the template
   */
  readonly repositoryConnectionArn?: string;

  /**
   * The branch the service builds from (`service.branch_name`).
   *
   * @default - undefined in the template
   */
  readonly branchName?: string;
}

/**
 * The CloudFormation stack Proton deployed for a service instance, taken over by a CDK app: same stack name,
 * and as template the instance's template rendered as Proton rendered it, brought in with
 * cloudformation-include, so every logical id, property, condition, mapping, parameter and output is
 * Proton's. `stackName` is required: it names the stack to take over. Run
 * `cdk-proton-instance takeover-check` before the first deploy.
 */
export class ServiceInstanceStack extends Stack {
  /** The included template: its resources, outputs, conditions by their logical ids (`getResource('Service')`). */
  public readonly template: CfnInclude;

  constructor(scope: Construct, id: string, props: ServiceInstanceStackProps) {
    super(scope, id, { analyticsReporting: false, ...props, stackName: requireStackName('ServiceInstanceStack', id, props.stackName) });
    this.template = includeTakeoverTemplate(this, {
      kind: 'ServiceInstanceStack',
      environmentOutputs: props.environmentOutputs,
      componentOutputs: props.componentOutputs,
      render: (outputs) =>
        props.template.renderInstance({
          serviceName: props.serviceName,
          instanceName: props.instanceName,
          spec: props.spec,
          componentNames: props.componentNames,
          environmentAccountId: props.environmentAccountId,
          repositoryId: props.repositoryId,
          repositoryConnectionArn: props.repositoryConnectionArn,
          branchName: props.branchName,
          ...outputs,
        }),
    });
  }
}
