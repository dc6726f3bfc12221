import { CustomResource, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ServiceInstanceProvider } from './provider';
import { ServiceInstanceSpec } from './service-instance-spec';
import { validateProps } from './validation';

/** Properties of a ProtonServiceInstance. */
export interface ProtonServiceInstanceProps {
  /** The Proton service the instance belongs to. */
  readonly serviceName: string;

  /** The instance's name; the spec must have an entry of this name under `instances`. */
  readonly instanceName: string;

  /** The service spec to deploy for this instance. */
  readonly spec: ServiceInstanceSpec;

  /**
   * The template major version to run. A higher one than the instance runs is a MAJOR_VERSION
   * deployment; a lower one is refused, as Proton refuses it.
   *
   * @default - the instance's current major version (on creation, the template's recommended one)
   */
  readonly templateMajorVersion?: string;

  /**
   * The template minor version to run. Requires templateMajorVersion.
   *
   * @default - the current minor version while the major is unchanged; Proton's recommended minor
   * version of a new major
   */
  readonly templateMinorVersion?: string;

  /**
   * How long CloudFormation waits for a deployment before it fails the resource (the custom
   * resource's service timeout). From 1 minute to 1 hour.
   *
   * @default Duration.hours(1)
   */
  readonly deploymentTimeout?: Duration;

  /**
   * How often the handler asks Proton whether the deployment has ended. From 1 second to 5 minutes.
   *
   * @default Duration.seconds(10)
   */
  readonly pollInterval?: Duration;
}

/**
 * An AWS Proton service instance kept at the spec and template version declared here. Each change is
 * deployed with the UpdateServiceInstance deployment type it needs, and CloudFormation hears success
 * only when that deployment has succeeded.
 */
export class ProtonServiceInstance extends Construct {
  /** The id of the deployment that brought the instance to the declared state. */
  public readonly deploymentId: string;
  /** The template major version the instance runs. */
  public readonly templateMajorVersion: string;
  /** The template minor version the instance runs. */
  public readonly templateMinorVersion: string;
  /** The service instance's ARN. */
  public readonly serviceInstanceArn: string;

  constructor(scope: Construct, id: string, props: ProtonServiceInstanceProps) {
    super(scope, id);
    const deploymentTimeout = props.deploymentTimeout ?? Duration.hours(1);
    const pollInterval = props.pollInterval ?? Duration.seconds(10);
    validateProps(this, props, deploymentTimeout, pollInterval);

    const provider = ServiceInstanceProvider.of(this, { pollInterval, timeout: deploymentTimeout });
    provider.grantInstance(props.serviceName, props.instanceName);

    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::ProtonServiceInstance',
      serviceTimeout: deploymentTimeout,
      properties: {
        ServiceName: props.serviceName,
        InstanceName: props.instanceName,
        Spec: props.spec.yaml,
        TemplateMajorVersion: props.templateMajorVersion,
        TemplateMinorVersion: props.templateMinorVersion,
        // The handler's own deadline: it cancels its deployment before the provider gives up.
        TimeoutSeconds: provider.totalTimeout.toSeconds(),
        PollIntervalSeconds: pollInterval.toSeconds(),
      },
    });

    this.deploymentId = resource.getAttString('DeploymentId');
    this.templateMajorVersion = resource.getAttString('TemplateMajorVersion');
    this.templateMinorVersion = resource.getAttString('TemplateMinorVersion');
    this.serviceInstanceArn = resource.getAttString('ServiceInstanceArn');
  }
}

